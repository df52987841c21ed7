package dev.trap.bench;

import dev.trap.Scope;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What handing work over costs in woven code, against the same code unwoven, in one JVM: a
 * {@code CompletableFuture} stage, a lambda made and called, a task handed to an executor. The
 * executor and the stage run the work on the caller's thread, so that what is measured is what
 * carrying the scope adds (capturing it, wrapping or registering the work, entering and leaving
 * the scope), not a thread's wake-up, which would drown it.
 *
 * <p>{@link #scope}: {@code none}, no scope open anywhere, as outside a test; {@code test}, the
 * benchmark thread runs in an opened scope, as a test's thread does, with no other test
 * running.
 */
@State(org.openjdk.jmh.annotations.Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(3)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class HandoffBenchmark {

  /** Whether the benchmark thread runs in a test's scope; see the class comment. */
  @Param({"none", "test"})
  public String scope;

  private int a = 41;
  private Handing plain;
  private Handing woven;
  private Scope test;

  /**
   * Loads both copies, checks they compute the same, and opens the scenario's scope.
   *
   * @throws Exception if the subject cannot be loaded or woven
   */
  @Setup(Level.Trial)
  public void setUp() throws Exception {
    plain = handing(Subjects.loader(false, "bench.subject.HandsOver"));
    woven = handing(Subjects.loader(true, "bench.subject.HandsOver"));
    for (Handing copy : new Handing[] {plain, woven}) {
      if (copy.thenApply(a) != 42 || copy.lambda(a) != 42 || copy.execute(a) != 42) {
        throw new IllegalStateException("The copies compute otherwise");
      }
    }
    if (scope.equals("test")) {
      test = Scope.open("a test");
    }
  }

  private static Handing handing(ClassLoader loader) throws ReflectiveOperationException {
    return (Handing) loader.loadClass("bench.subject.HandsOver").getConstructor().newInstance();
  }

  /** Closes the scenario's scope. */
  @TearDown(Level.Trial)
  public void tearDown() {
    if (test != null) {
      test.close();
    }
  }

  /** @return a stage's result, unwoven */
  @Benchmark
  public int plainThenApply() {
    return plain.thenApply(a);
  }

  /** @return a stage's result, woven */
  @Benchmark
  public int wovenThenApply() {
    return woven.thenApply(a);
  }

  /** @return a lambda's result, unwoven */
  @Benchmark
  public int plainLambda() {
    return plain.lambda(a);
  }

  /** @return a lambda's result, woven */
  @Benchmark
  public int wovenLambda() {
    return woven.lambda(a);
  }

  /** @return an executed task's result, unwoven */
  @Benchmark
  public int plainExecute() {
    return plain.execute(a);
  }

  /** @return an executed task's result, woven */
  @Benchmark
  public int wovenExecute() {
    return woven.execute(a);
  }
}
