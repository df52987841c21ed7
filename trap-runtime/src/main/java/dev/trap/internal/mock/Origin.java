package dev.trap.internal.mock;

import dev.trap.internal.trace.Tracing;

/**
 * Where a test made a patch or a recording, for the traces that mark the calls it took: the
 * first frame of the stack that is none of Trap's or the JDK's, as {@code PriceTest.java:14}.
 * Taken only while a trace may be open: a stack costs microseconds, a patch a few hundred
 * nanoseconds.
 */
final class Origin {

  private Origin() {
  }

  /** @return where the caller of Trap's API is, or null when no trace would show it */
  static String ofCaller() {
    if (!Tracing.mayRecord()) {
      return null;
    }
    for (StackTraceElement frame : new Throwable().getStackTrace()) {
      String type = frame.getClassName();
      if (type.startsWith("dev.trap.internal.") || type.equals("dev.trap.Mock")
          || type.startsWith("java.lang.invoke.") || type.startsWith("java.lang.reflect.")
          || type.startsWith("jdk.internal.") || type.startsWith("sun.reflect.")) {
        continue;
      }
      return frame.getFileName() != null && frame.getLineNumber() > 0
          ? frame.getFileName() + ":" + frame.getLineNumber()
          : type + "." + frame.getMethodName();
    }
    return null;
  }
}
