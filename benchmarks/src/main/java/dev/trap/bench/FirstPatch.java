package dev.trap.bench;

import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The first patch in a fresh JVM, what a test suite pays once per fork: Trap's first
 * {@code Mock.patch}, Mockito's first {@code mockStatic} (which starts Byte Buddy and attaches its
 * agent). One shot per JVM, in many JVMs; setup loads the subjects but touches neither library.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(10)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class FirstPatch {

  private static final String[] CLASSES = {"bench.subject.Prices", "bench.caller.RateCaller",
      "bench.caller.TrapPatcher", "bench.caller.MockitoPatcher"};

  /** Whose patch: {@code trap} or {@code mockito}. */
  @Param({"trap", "mockito"})
  public String contender;

  /**
   * When the first patch comes: {@code firstCall}, right after the first call of the copy, the
   * first trap linked; {@code testsStarted}, some time later, as a test's patch comes after the
   * test framework has started, discovered the tests and loaded the first test class (here 300
   * ms, about what JUnit takes before the first test of a small project on this machine), which
   * leaves Trap's runtime the time to prepare the first patch on another thread.
   */
  @Param({"firstCall", "testsStarted"})
  public String when;

  private IntSupplier rate;
  private Supplier<AutoCloseable> patcher;
  private AutoCloseable patch;

  /**
   * Loads the copy, and calls the method once, unpatched.
   *
   * @throws Exception if it cannot be loaded
   */
  @Setup(Level.Trial)
  public void setUp() throws Exception {
    ClassLoader copy = Subjects.loader(contender.equals("trap"), CLASSES);
    rate = (IntSupplier) MockBenchmark.newInstance(copy, "bench.caller.RateCaller");
    @SuppressWarnings("unchecked")
    Supplier<AutoCloseable> made = (Supplier<AutoCloseable>) MockBenchmark.newInstance(copy,
        contender.equals("trap") ? "bench.caller.TrapPatcher" : "bench.caller.MockitoPatcher");
    patcher = made;
    MockBenchmark.check(rate.getAsInt() == 7, "rate before the patch");
    if (when.equals("testsStarted")) {
      Thread.sleep(300);
    }
  }

  /**
   * Checks that the patch took effect, and closes it.
   *
   * @throws Exception if it did not
   */
  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    MockBenchmark.check(rate.getAsInt() == 42, "the first patch did not take effect");
    patch.close();
  }

  /** @return the first patch of this JVM, open */
  @Benchmark
  public AutoCloseable firstPatch() {
    patch = patcher.get();
    return patch;
  }
}
