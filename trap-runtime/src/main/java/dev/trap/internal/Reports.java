package dev.trap.internal;

import java.io.PrintStream;

/**
 * Where the runtime reports what must not pass silently but must not fail a call either. It has
 * no logging dependency, so it writes to {@code System.err}, as the JVM does for its own warnings.
 */
final class Reports {

  private Reports() {
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
