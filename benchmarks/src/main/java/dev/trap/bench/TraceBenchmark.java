package dev.trap.bench;

import dev.trap.CallTree;
import dev.trap.Trace;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What tracing costs, in one JVM.
 *
 * <p>{@code tracedAdds}, {@code untracedAdds} and {@code plainAdds} each make {@value #CALLS}
 * calls of the same subject, scored per call: inside {@link Trace#record} (every call recorded, its arguments
 * and result rendered, the tree built), of the woven copy with no trace open (after traces have
 * been opened and closed, so the traps were armed once and have gone back to idle), and of the
 * unwoven copy. The ratio traced/untraced is what a traced call costs; untraced/plain is the idle
 * cost, which tracing switched off must not raise; {@code untracedAdd} and {@code plainAdd} measure
 * it as {@link CallBenchmark} does, one call per operation, inlined. Run with {@code -prof gc}
 * for bytes per call.
 *
 * <p>{@link Writing} times the writing of a {@value Writing#TEST_CALLS}-call test's trace: its
 * JSON tree, its viewer script and its Chrome trace-event file.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(3)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class TraceBenchmark {

  static final int CALLS = 1000;

  private int a = 20;
  private int b = 22;
  private Adder plainAdder;
  private Adder wovenAdder;

  /**
   * Loads both copies, and traces the woven one once so that its traps have been armed.
   *
   * @throws Exception if the subjects cannot be loaded, or the trace misses their calls
   */
  @Setup(Level.Trial)
  public void setUp() throws Exception {
    plainAdder = Subjects.plain().adder;
    wovenAdder = Subjects.woven().adder;
    CallTree tree = Trace.record(() -> wovenAdder.add(a, b));
    if (tree.count() != 1 || !"42".equals(tree.roots().get(0).result())) {
      throw new IllegalStateException("The trace did not record the woven add: " + tree);
    }
    CallTree thousand = Trace.record(() -> adds(wovenAdder, new Blackhole(
        "Today's password is swordfish. I understand instantiating Blackholes directly is"
        + " dangerous.")));
    if (thousand.count() != CALLS) {
      throw new IllegalStateException("The trace holds " + thousand.count() + " calls");
    }
  }

  /**
   * Arguments that change and results that go to the blackhole: else the JIT computes one call
   * for the whole loop.
   */
  private void adds(Adder adder, Blackhole blackhole) {
    for (int i = 0; i < CALLS; i++) {
      blackhole.consume(adder.add(i, b));
    }
  }

  /**
   * @param blackhole where the results go
   * @return the trace, each call recorded in it
   * @throws Exception never: the calls do not throw
   */
  @Benchmark
  @OperationsPerInvocation(CALLS)
  public CallTree tracedAdds(Blackhole blackhole) throws Exception {
    return Trace.record(() -> adds(wovenAdder, blackhole));
  }

  /** @param blackhole where the results go: the woven copy's, with no trace open */
  @Benchmark
  @OperationsPerInvocation(CALLS)
  public void untracedAdds(Blackhole blackhole) {
    adds(wovenAdder, blackhole);
  }

  /** @param blackhole where the results go: the unwoven copy's */
  @Benchmark
  @OperationsPerInvocation(CALLS)
  public void plainAdds(Blackhole blackhole) {
    adds(plainAdder, blackhole);
  }

  /** @return one call's result, by the woven copy, with no trace open: the idle trap */
  @Benchmark
  public int untracedAdd() {
    return wovenAdder.add(a, b);
  }

  /** @return one call's result, by the unwoven copy */
  @Benchmark
  public int plainAdd() {
    return plainAdder.add(a, b);
  }

  /**
   * The writing of a big test's trace, each time to a fresh directory, as a run writes it when
   * the test ends.
   */
  @State(Scope.Thread)
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Fork(3)
  @Warmup(iterations = 5)
  @Measurement(iterations = 10)
  public static class Writing {

    static final int TEST_CALLS = 50_000;

    private CallTree tree;
    private Object test;
    private Method write;
    private File directory;

    /**
     * Records a trace of {@value #TEST_CALLS} calls: the tree a big test leaves.
     *
     * @throws Exception if the subjects cannot be loaded or the trace is not complete
     */
    @Setup(Level.Trial)
    public void record() throws Exception {
      Adder adder = Subjects.woven().adder;
      tree = Trace.record(() -> {
        for (int i = 0; i < TEST_CALLS; i++) {
          adder.add(i, i);
        }
      });
      if (tree.count() != TEST_CALLS || tree.isTruncated()) {
        throw new IllegalStateException("The trace holds " + tree.count() + " calls");
      }
      // The writer is internal: what the JUnit listener calls when a traced test ends.
      Class<?> files = Class.forName("dev.trap.internal.trace.TraceFiles");
      Class<?> testType = Class.forName("dev.trap.internal.trace.TraceFiles$Test");
      Constructor<?> testConstructor = testType.getDeclaredConstructor(String.class,
          String.class, String.class, String.class);
      testConstructor.setAccessible(true);
      test = testConstructor.newInstance("bench.BigTest", "fifty_thousand_calls", "passed", null);
      write = files.getDeclaredMethod("write", File.class,
          Class.forName("dev.trap.internal.trace.TraceSession"), testType);
      write.setAccessible(true);
    }

    /** @throws IOException if the directory cannot be made */
    @Setup(Level.Invocation)
    public void freshDirectory() throws IOException {
      directory = Files.createTempDirectory("trap-trace-bench").toFile();
    }

    /** @throws IOException if the directory cannot be deleted */
    @TearDown(Level.Invocation)
    public void deleteDirectory() throws IOException {
      try (Stream<java.nio.file.Path> paths = Files.walk(directory.toPath())) {
        paths.sorted(Comparator.reverseOrder()).map(java.nio.file.Path::toFile)
            .forEach(File::delete);
      }
    }

    /**
     * @return what was written
     * @throws Exception if writing fails
     */
    @Benchmark
    public Object write() throws Exception {
      return write.invoke(null, directory, tree, test);
    }
  }
}
