package dev.trap.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A design probe, not a measure of Trap itself: what the guard of an armed trap costs on a thread
 * that no interceptor covers, built two ways on a call site like the runtime's.
 *
 * <p>{@code volatileArrayGuard} copies the first runtime's guard ({@code
 * MethodSite.coversCurrentThread}, replaced in commit 26a4531): a volatile read of the
 * interceptions, then a loop comparing each one's thread with the current thread.
 * {@code constantThreadGuard} binds the covered thread into the target as a constant, as the
 * runtime does since: one comparison of {@code Thread.currentThread()} with a constant and no
 * memory read the JIT must repeat, paid for by a retarget on every add and remove. {@code idle}
 * is the target of an unarmed trap. Each benchmark computes {@code a + b} behind the trap, like
 * the woven {@code Calculator.add}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(3)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class GuardBenchmark {

  private static final MethodType TRAP_TYPE =
      MethodType.methodType(Object.class, int.class, int.class);

  // Static final invokers: the JIT treats them as constants and inlines through the call site's
  // target, as it does for an invokedynamic instruction.
  private static final MutableCallSite IDLE_SITE = new MutableCallSite(idleTarget());
  private static final MethodHandle IDLE = IDLE_SITE.dynamicInvoker();
  private static final MutableCallSite ARRAY_SITE = new MutableCallSite(idleTarget());
  private static final MethodHandle ARRAY = ARRAY_SITE.dynamicInvoker();
  private static final MutableCallSite CONSTANT_SITE = new MutableCallSite(idleTarget());
  private static final MethodHandle CONSTANT = CONSTANT_SITE.dynamicInvoker();

  private int a = 20;
  private int b = 22;

  private final CountDownLatch stopOtherThread = new CountDownLatch(1);
  private Thread otherThread;

  /**
   * Starts the other thread and arms both guarded call sites for it.
   *
   * @throws ReflectiveOperationException never: the handles are this class's own
   */
  @Setup(Level.Trial)
  public void setUp() throws ReflectiveOperationException {
    otherThread = new Thread(() -> {
      try {
        stopOtherThread.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "trap-bench-guard-other-thread");
    otherThread.setDaemon(true);
    otherThread.start();

    MethodHandles.Lookup lookup = MethodHandles.lookup();
    MethodHandle enter = MethodHandles.dropArguments(
        lookup.findStatic(GuardBenchmark.class, "enter", MethodType.methodType(Object.class)),
        0, TRAP_TYPE.parameterList());

    Scopes scopes = new Scopes();
    scopes.scopes = new ThreadScope[] {new ThreadScope(otherThread)};
    MethodHandle arrayTest = MethodHandles.dropArguments(
        lookup.findVirtual(Scopes.class, "coversCurrentThread",
            MethodType.methodType(boolean.class)).bindTo(scopes),
        0, TRAP_TYPE.parameterList());
    ARRAY_SITE.setTarget(MethodHandles.guardWithTest(arrayTest, enter, idleTarget()));

    MethodHandle constantTest = MethodHandles.dropArguments(
        MethodHandles.insertArguments(lookup.findStatic(GuardBenchmark.class, "isCurrentThread",
            MethodType.methodType(boolean.class, Thread.class)), 0, otherThread),
        0, TRAP_TYPE.parameterList());
    CONSTANT_SITE.setTarget(MethodHandles.guardWithTest(constantTest, enter, idleTarget()));
    MutableCallSite.syncAll(new MutableCallSite[] {ARRAY_SITE, CONSTANT_SITE});
  }

  /**
   * Ends the other thread.
   *
   * @throws InterruptedException if interrupted while it ends
   */
  @TearDown(Level.Trial)
  public void tearDown() throws InterruptedException {
    stopOtherThread.countDown();
    otherThread.join();
  }

  /** @return the sum, with no trap */
  @Benchmark
  public int noTrap() {
    return a + b;
  }

  /**
   * @return the sum, behind an unarmed trap
   * @throws Throwable never
   */
  @Benchmark
  public int idle() throws Throwable {
    Object call = (Object) IDLE.invokeExact(a, b);
    return call == null ? a + b : -1;
  }

  /**
   * @return the sum, behind the runtime's guard
   * @throws Throwable never
   */
  @Benchmark
  public int volatileArrayGuard() throws Throwable {
    Object call = (Object) ARRAY.invokeExact(a, b);
    return call == null ? a + b : -1;
  }

  /**
   * @return the sum, behind a guard with the thread as a constant
   * @throws Throwable never
   */
  @Benchmark
  public int constantThreadGuard() throws Throwable {
    Object call = (Object) CONSTANT.invokeExact(a, b);
    return call == null ? a + b : -1;
  }

  private static MethodHandle idleTarget() {
    return MethodHandles.dropArguments(
        MethodHandles.constant(Object.class, null), 0, TRAP_TYPE.parameterList());
  }

  private static boolean isCurrentThread(Thread thread) {
    return Thread.currentThread() == thread;
  }

  private static Object enter() {
    throw new AssertionError("the guard let a call through on an uncovered thread");
  }

  /** The shape of the first runtime's {@code MethodSite} for its guard. */
  private static final class Scopes {
    volatile ThreadScope[] scopes;

    boolean coversCurrentThread() {
      ThreadScope[] current = scopes;
      if (current.length == 0) {
        return false;
      }
      Thread thread = Thread.currentThread();
      for (ThreadScope scope : current) {
        if (scope.covers(thread)) {
          return true;
        }
      }
      return false;
    }
  }

  /** The shape of the first runtime's {@code Interception} for its guard. */
  private static final class ThreadScope {
    private final Thread thread;

    ThreadScope(Thread thread) {
      this.thread = thread;
    }

    boolean covers(Thread current) {
      return thread == null || thread == current;
    }
  }
}
