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
 * Trap's {@code Mock.patch} against Mockito's {@code mockStatic(...).when(...).thenReturn(...)},
 * on the same static method ({@code bench.subject.Prices.rate()}): Trap patches the woven copy,
 * Mockito mocks the plain one, each from a bridge class loaded beside its copy
 * ({@code bench.caller.TrapPatcher}, {@code MockitoPatcher}), on the benchmark thread, which is
 * the thread Mockito's static mocks are bound to. Setup checks that each patch takes effect.
 *
 * <ul>
 *   <li>{@code patchedCall}: a call of the patched method, returning 42;
 *   <li>{@code openClose}: making the patch and closing it, once warm;
 *   <li>{@code idleBesidePatch} against {@code plainIdle}: for Trap, a woven method that is not
 *       patched while another is; for Mockito, a method of the mocked class that is not stubbed
 *       (mockStatic replaces them all: it returns 0).
 * </ul>
 *
 * <p>The first patch in a fresh JVM is {@link FirstPatch}'s.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(3)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class MockBenchmark {

  private static final String[] CLASSES = {"bench.subject.Prices", "bench.caller.RateCaller",
      "bench.caller.FeeCaller", "bench.caller.TrapPatcher", "bench.caller.MockitoPatcher"};

  /** The contender's copy of the subjects, and its patcher; nothing patched. */
  @State(Scope.Thread)
  public static class Unpatched {

    /** Whose patch: {@code trap} (on woven code) or {@code mockito} (on plain code). */
    @Param({"trap", "mockito"})
    public String contender;

    IntSupplier rate;
    IntSupplier fee;
    IntSupplier plainFee;
    Supplier<AutoCloseable> patcher;

    /**
     * Loads the copies and checks that a patch takes effect and ends.
     *
     * @throws Exception if the copies cannot be made or the patch does not work
     */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
      load();
    }

    final void load() throws Exception {
      // A copy of its own for the baseline: Mockito's patch reaches every method of its copy.
      ClassLoader plain = Subjects.loader(false, CLASSES);
      ClassLoader copy = Subjects.loader(contender.equals("trap"), CLASSES);
      rate = (IntSupplier) newInstance(copy, "bench.caller.RateCaller");
      fee = (IntSupplier) newInstance(copy, "bench.caller.FeeCaller");
      plainFee = (IntSupplier) newInstance(plain, "bench.caller.FeeCaller");
      @SuppressWarnings("unchecked")
      Supplier<AutoCloseable> made = (Supplier<AutoCloseable>) newInstance(copy,
          contender.equals("trap") ? "bench.caller.TrapPatcher" : "bench.caller.MockitoPatcher");
      patcher = made;
      check(rate.getAsInt() == 7, "rate before the patch");
      try (AutoCloseable patch = patcher.get()) {
        check(rate.getAsInt() == 42, "the patch did not take effect");
        // Mockito's mockStatic stubs every static method of the class; Trap's patch one.
        check(fee.getAsInt() == (contender.equals("trap") ? 3 : 0), "fee under the patch");
      }
      check(rate.getAsInt() == 7, "rate after the patch was closed");
    }
  }

  /** The same, with the contender's patch open for the whole trial. */
  @State(Scope.Thread)
  public static class Patched extends Unpatched {

    private AutoCloseable patch;

    /**
     * Loads the copies and opens the patch for the trial.
     *
     * @throws Exception if it does not take effect
     */
    @Override
    @Setup(Level.Trial)
    public void setUp() throws Exception {
      load();
      patch = patcher.get();
      check(rate.getAsInt() == 42, "the patch did not take effect");
    }

    /**
     * Closes the trial's patch.
     *
     * @throws Exception if it cannot be closed
     */
    @TearDown(Level.Trial)
    public void close() throws Exception {
      patch.close();
    }
  }

  /**
   * The same, patched in a scope the benchmark thread opened, as a test's thread runs in its
   * test's scope under JUnit: the guard then asks which scope the thread's work is in.
   */
  @State(Scope.Thread)
  public static class PatchedInTest extends Patched {

    private dev.trap.Scope test;

    /**
     * Opens the test's scope, then loads the copies and opens the patch in it.
     *
     * @throws Exception if it does not take effect
     */
    @Override
    @Setup(Level.Trial)
    public void setUp() throws Exception {
      test = dev.trap.Scope.open("a test");
      super.setUp();
    }

    /**
     * Closes the trial's patch and the test's scope.
     *
     * @throws Exception if it cannot be closed
     */
    @Override
    @TearDown(Level.Trial)
    public void close() throws Exception {
      super.close();
      test.close();
    }
  }

  static Object newInstance(ClassLoader loader, String name) throws Exception {
    return loader.loadClass(name).getConstructor().newInstance();
  }

  static void check(boolean condition, String problem) {
    if (!condition) {
      throw new IllegalStateException(problem);
    }
  }

  /**
   * @param state the trial's patch
   * @return 42, from the patched method
   */
  @Benchmark
  public int patchedCall(Patched state) {
    return state.rate.getAsInt();
  }

  /**
   * @param state the trial's patch, in a test's scope
   * @return 42, from the patched method
   */
  @Benchmark
  public int patchedCallInTest(PatchedInTest state) {
    return state.rate.getAsInt();
  }

  /**
   * @param state the patcher
   * @return the patch, made and closed again
   * @throws Exception if it cannot be closed
   */
  @Benchmark
  public AutoCloseable openClose(Unpatched state) throws Exception {
    AutoCloseable made = state.patcher.get();
    made.close();
    return made;
  }

  /**
   * @param state the trial's patch, of another method
   * @return 3, from the copy's method that is not patched
   */
  @Benchmark
  public int idleBesidePatch(Patched state) {
    return state.fee.getAsInt();
  }

  /**
   * @param state the trial's patch, of another copy
   * @return 3, from the plain copy's method: the baseline of idleBesidePatch
   */
  @Benchmark
  public int plainIdle(Patched state) {
    return state.plainFee.getAsInt();
  }
}
