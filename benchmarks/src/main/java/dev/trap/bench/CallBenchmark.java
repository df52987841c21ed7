package dev.trap.bench;

import dev.trap.Call;
import dev.trap.Interceptor;
import dev.trap.MethodInfo;
import dev.trap.Registration;
import dev.trap.Trap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
 * The cost of a call of a woven method against the same method unwoven, in one JVM.
 *
 * <p>Each benchmark method calls one copy of the subjects through an interface, so its call site
 * sees one receiver class and the JIT inlines the subject into it: what is measured is the
 * subject's body with or without its trap, plus an identical interface dispatch and blackhole on
 * both sides. {@code plain*} and {@code woven*} differ in nothing but the copy they call.
 *
 * <p>{@link #interceptor} sets what else goes on in the JVM: nothing ({@code none}); a global
 * interceptor for another woven method ({@code globalOnOtherMethod}); a thread interceptor for the
 * benchmarked methods themselves, added by another, live thread ({@code threadOnOtherThread}); an
 * interceptor for them in a scope another thread opened ({@code scopeOnOtherThread}, as a test
 * running in parallel would patch them); a thread interceptor for the benchmarked methods on the
 * benchmark's own thread ({@code threadOnThisMethod}, the slow path: every call goes through the
 * interceptor). The {@code plain*} results are the same code in every scenario; their spread
 * shows the noise.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(3)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class CallBenchmark {

  /** What interceptor is active while the benchmark runs; see the class comment. */
  @Param({"none", "globalOnOtherMethod", "threadOnOtherThread", "scopeOnOtherThread",
      "threadOnThisMethod"})
  public String interceptor;

  // Fields, not constants, so the JIT cannot fold the calls away.
  private int a = 20;
  private int b = 22;
  private String name = "Ada";

  private Adder plainAdder;
  private Adder wovenAdder;
  private Greeter plainGreeter;
  private Greeter wovenGreeter;

  private Registration registration;
  private Thread otherThread;
  private final CountDownLatch stopOtherThread = new CountDownLatch(1);

  /**
   * Loads both copies, checks they compute the same, and sets up the scenario's interceptor.
   *
   * @throws Exception if the subjects cannot be loaded or woven, or the scenario is not in place
   */
  @Setup(Level.Trial)
  public void setUp() throws Exception {
    Subjects plain = Subjects.plain();
    Subjects woven = Subjects.woven();
    plainAdder = plain.adder;
    wovenAdder = woven.adder;
    plainGreeter = plain.greeter;
    wovenGreeter = woven.greeter;
    // Calls link the woven traps before any interceptor exists, as in a program whose tests
    // add interceptors after the code under test has run.
    check(plainAdder.add(a, b) == wovenAdder.add(a, b), "woven add differs from plain");
    check(plainGreeter.greet(name).equals(wovenGreeter.greet(name)), "woven greet differs");
    check(plain.otherMethod.applyAsInt(1) == woven.otherMethod.applyAsInt(1), "woven other differs");

    switch (interceptor) {
      case "none":
        break;
      case "globalOnOtherMethod":
        setUpGlobalOnOtherMethod(woven);
        break;
      case "threadOnOtherThread":
        setUpOnOtherThread(woven, false);
        break;
      case "scopeOnOtherThread":
        setUpOnOtherThread(woven, true);
        break;
      case "threadOnThisMethod":
        setUpThreadOnThisMethod(woven);
        break;
      default:
        throw new IllegalArgumentException("Unknown scenario " + interceptor);
    }
  }

  private void setUpGlobalOnOtherMethod(Subjects woven) {
    CountingInterceptor counting = new CountingInterceptor(woven.other, "applyAsInt");
    registration = Trap.addGlobalInterceptor(counting);
    woven.otherMethod.applyAsInt(1);
    check(counting.calls == 1, "the global interceptor did not see Other.applyAsInt");
    wovenAdder.add(a, b);
    wovenGreeter.greet(name);
    check(counting.calls == 1, "the global interceptor saw the benchmarked methods");
  }

  private void setUpOnOtherThread(Subjects woven, boolean openedScope)
      throws InterruptedException {
    CountingInterceptor counting = new CountingInterceptor(woven.calculator, "add", "greet");
    CountDownLatch added = new CountDownLatch(1);
    otherThread = new Thread(() -> {
      Registration own = openedScope ? dev.trap.Scope.open("other test").add(counting)
          : Trap.addThreadInterceptor(counting);
      added.countDown();
      try {
        // Stays alive, and its interceptor with it, until the trial ends.
        stopOtherThread.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        own.close();
      }
    }, "trap-bench-other-thread");
    otherThread.setDaemon(true);
    otherThread.start();
    added.await();
    // Armed: both traps now run the guard. Not seen: the guard says no to this thread.
    check(counting.applied == 2, "the thread interceptor does not apply to add and greet");
    wovenAdder.add(a, b);
    wovenGreeter.greet(name);
    check(counting.calls == 0, "the other thread's interceptor saw this thread's calls");
  }

  private void setUpThreadOnThisMethod(Subjects woven) {
    CountingInterceptor counting = new CountingInterceptor(woven.calculator, "add", "greet");
    registration = Trap.addThreadInterceptor(counting);
    wovenAdder.add(a, b);
    wovenGreeter.greet(name);
    check(counting.calls == 2, "the thread interceptor did not see add and greet");
  }

  private static void check(boolean condition, String problem) {
    if (!condition) {
      throw new IllegalStateException(problem);
    }
  }

  /**
   * Removes the scenario's interceptor and ends the other thread.
   *
   * @throws InterruptedException if interrupted while the other thread ends
   */
  @TearDown(Level.Trial)
  public void tearDown() throws InterruptedException {
    if (registration != null) {
      registration.close();
    }
    stopOtherThread.countDown();
    if (otherThread != null) {
      otherThread.join();
    }
  }

  /** @return the sum, by the unwoven static method */
  @Benchmark
  public int plainAdd() {
    return plainAdder.add(a, b);
  }

  /** @return the sum, by the woven static method */
  @Benchmark
  public int wovenAdd() {
    return wovenAdder.add(a, b);
  }

  /** @return the greeting, by the unwoven instance method */
  @Benchmark
  public String plainGreet() {
    return plainGreeter.greet(name);
  }

  /** @return the greeting, by the woven instance method */
  @Benchmark
  public String wovenGreet() {
    return wovenGreeter.greet(name);
  }

  /**
   * Applies to the named methods of one class, lets every call through, and counts. The counter
   * is a plain field: only the benchmark thread writes it, and only in the slow-path scenario,
   * where it costs a tiny part of the call.
   */
  private static final class CountingInterceptor implements Interceptor {

    private final Class<?> declaringClass;
    private final String[] names;
    volatile int applied;
    int calls;

    CountingInterceptor(Class<?> declaringClass, String... names) {
      this.declaringClass = declaringClass;
      this.names = names;
    }

    @Override
    public boolean appliesTo(MethodInfo method) {
      if (method.declaringClass() != declaringClass) {
        return false;
      }
      for (String name : names) {
        if (name.equals(method.name())) {
          applied++;
          return true;
        }
      }
      return false;
    }

    @Override
    public Object pre(Call call) {
      calls++;
      return null;
    }
  }
}
