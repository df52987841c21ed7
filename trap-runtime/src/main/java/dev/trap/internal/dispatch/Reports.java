package dev.trap.internal.dispatch;

import dev.trap.internal.scope.ScopeImpl;
import dev.trap.internal.scope.Scopes;
import java.io.PrintStream;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where the runtime reports what must not pass silently but must not fail a call either. It has
 * no logging dependency, so it writes to {@code System.err}, as the JVM does for its own warnings.
 */
public final class Reports {

  private static final AtomicLong CALLS_IN_NO_TEST = new AtomicLong();
  private static final AtomicLong LEFTOVER_CALLS = new AtomicLong();
  private static final Set<Object> WARNED = Collections.synchronizedSet(
      Collections.newSetFromMap(new WeakHashMap<Object, Boolean>()));

  private Reports() {
  }

  /**
   * A call of a method that a test's scope patches, on a thread that runs in no test's scope
   * while tests run side by side: it ran without that test's interceptors, and Trap cannot tell
   * whether it should have. Reported once per method.
   */
  static void callInNoTest(MethodSite site, Thread thread) {
    CALLS_IN_NO_TEST.incrementAndGet();
    if (site.firstCallInNoTest()) {
      warn(site.method() + " was called on thread " + thread.getName() + ", whose work belongs"
          + " to no test while tests run in parallel, so Trap cannot tell whose patches apply: it"
          + " ran the real method. Work that woven code hands over, and lambdas it makes, carry"
          + " their test's scope; this work was handed over elsewhere, such as by a test's own"
          + " code or a library's, or made by a class initializer. Hand it over in the test's"
          + " scope: executor.submit(Scope.current().wrap(task)).",
          null);
    }
  }

  /**
   * A call of a method that some scope patches, made by work of a scope that has ended: it ran
   * without any opened scope's interceptors, and no recording or trace saw it. Reported once per
   * scope.
   */
  static void leftover(MethodSite site, Thread thread, ScopeImpl ended) {
    LEFTOVER_CALLS.incrementAndGet();
    if (!ended.leftoverReported) {
      ended.leftoverReported = true;
      warn("Work of " + ended + " went on after it ended: thread " + thread.getName()
          + " called " + site.method() + ", which ran the real method, without the patches of"
          + " any test, and no recording or trace saw it. Wait for the work a test starts"
          + " before it ends (join its threads, await its executors and futures), so that it"
          + " neither runs unpatched nor runs into the next test. A thread that code under test"
          + " starts during a test is that test's work for as long as it runs: start one that"
          + " serves every test, such as a dispatcher, before the tests (in a @BeforeAll).",
          null);
    }
  }

  /**
   * A task handed over by two scopes before it ran: neither run can be told apart, so both run
   * in no test's scope. Reported once per class of task.
   */
  public static void handedOverTwice(Object task, ScopeImpl first, ScopeImpl second) {
    warnOnce(task.getClass(), "The same task, " + task + ", was handed over by " + first
        + " and by " + second + " before it ran: Trap cannot tell which run is whose, so it runs"
        + " both without the patches of either. Hand over a task of its own for each, such as a"
        + " new object or lambda per call.");
  }

  /** @return how many calls ran in no test's scope while tests ran side by side */
  static long callsInNoTest() {
    return CALLS_IN_NO_TEST.get();
  }

  /** @return how many calls were made by work of scopes that had ended */
  static long leftoverCalls() {
    return LEFTOVER_CALLS.get();
  }

  /**
   * @return the line that sums up the calls that ran the real method for want of a scope, for
   *     the end of a test run: if there were some, or if tests ran in parallel, where the count
   *     tells that none leaked; else null
   */
  public static String untakenSummary() {
    long inNoTest = CALLS_IN_NO_TEST.get();
    long leftovers = LEFTOVER_CALLS.get();
    if (inNoTest == 0 && leftovers == 0 && !Scopes.ranSideBySide()) {
      return null;
    }
    return "[Trap] Calls of patched or recorded methods that ran the real method for want of"
        + " their test's scope: " + inNoTest + " in no test while tests ran in parallel, "
        + leftovers + " by work of tests that had ended"
        + (inNoTest + leftovers > 0 ? " (see the warnings above)." : ".");
  }

  /** Warns once about a subject, such as a class; held weakly. */
  public static void warnOnce(Object subject, String message) {
    if (WARNED.add(subject)) {
      warn(message, null);
    }
  }

  public static void warn(String message, Throwable cause) {
    PrintStream err = System.err;
    synchronized (err) {
      err.println("[Trap] WARNING: " + message);
      if (cause != null) {
        cause.printStackTrace(err);
      }
    }
  }
}
