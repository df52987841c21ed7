package dev.trap.internal;

import java.io.PrintStream;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where the runtime reports what must not pass silently but must not fail a call either. It has
 * no logging dependency, so it writes to {@code System.err}, as the JVM does for its own warnings.
 */
final class Reports {

  private static final AtomicLong CALLS_IN_NO_TEST = new AtomicLong();
  private static final Set<Object> WARNED = Collections.synchronizedSet(
      Collections.newSetFromMap(new WeakHashMap<Object, Boolean>()));

  private Reports() {
  }

  /**
   * A call of a method that a test's scope patches, on a thread that runs in no test while tests
   * run side by side: it ran without that test's interceptors, and Trap cannot tell whether it
   * should have. Reported once per method.
   */
  static void callInNoTest(MethodSite site, Thread thread) {
    CALLS_IN_NO_TEST.incrementAndGet();
    if (site.firstCallInNoTest()) {
      warn(site.method() + " was called on thread " + thread.getName() + ", which runs in no"
          + " test's scope while tests run in parallel, so Trap cannot tell whose interceptors"
          + " apply: it ran without those of the tests' scopes. Hand the work over from woven"
          + " code, or wrap it in the test's scope: Scope.current().wrap(task).", null);
    }
  }

  /** @return how many calls ran in no test's scope while tests ran side by side */
  static long callsInNoTest() {
    return CALLS_IN_NO_TEST.get();
  }

  /** Warns once about a subject, such as a class; held weakly. */
  static void warnOnce(Object subject, String message) {
    if (WARNED.add(subject)) {
      warn(message, null);
    }
  }

  static void warn(String message, Throwable cause) {
    PrintStream err = System.err;
    synchronized (err) {
      err.println("[Trap] WARNING: " + message);
      if (cause != null) {
        cause.printStackTrace(err);
      }
    }
  }
}
