package dev.trap.internal.mock;

import dev.trap.MethodInfo;
import dev.trap.internal.dispatch.Invocation;

/** Tells a replacement that calls the method it replaces, over and over, from other overflows. */
final class Recursion {

  private static final String MARK = "[Trap] ";

  private Recursion() {
  }

  /**
   * @param overflow what the replacement threw
   * @param call the call it replaced
   * @param patch the patch
   * @param handler whether the replacement is a handler, given the call: one that runs the
   *     method's body, which may recurse deeply of its own, so an overflow is not explained
   * @return the overflow as it is, if it was explained already deeper down or the replacement
   *     is not on the stack again; else one that says what happened and what to do instead
   */
  static StackOverflowError explained(StackOverflowError overflow, Invocation call,
      Object patch, boolean handler) {
    if (handler || isExplained(overflow) || !call.isWithinCallOfSameMethod()) {
      return overflow;
    }
    return explanation(overflow, call.method(), patch);
  }

  /**
   * For a replacement called directly, with no call in progress to look at: the replacement was
   * called from the trap of one place in the code (a woven method's start, or a trapped call
   * site's bridge), whose frame is the caller of this one. If the overflowed stack holds that
   * frame again, file, method and line alike, the replacement's call led back into the same trap.
   * An overload, or another call site of the method, is another frame, and not blamed.
   *
   * @return the overflow as it is, if explained already or the trap's frame is on it once;
   *     else one that says what happened
   */
  static StackOverflowError explained(StackOverflowError overflow, MethodInfo method,
      Object patch) {
    if (isExplained(overflow)) {
      return overflow;
    }
    StackTraceElement trap = trapFrame();
    if (trap == null) {
      return overflow;
    }
    int frames = 0;
    for (StackTraceElement frame : overflow.getStackTrace()) {
      if (frame.equals(trap) && ++frames > 1) {
        return explanation(overflow, method, patch);
      }
    }
    return overflow;
  }

  /** @return the frame whose trap called the replacement: the first that is not Trap's own */
  private static StackTraceElement trapFrame() {
    for (StackTraceElement frame : new Throwable().getStackTrace()) {
      String name = frame.getClassName();
      if (!name.startsWith("dev.trap.internal.") && !name.startsWith("java.lang.invoke.")) {
        return frame;
      }
    }
    return null;
  }

  private static boolean isExplained(StackOverflowError overflow) {
    return overflow.getMessage() != null && overflow.getMessage().startsWith(MARK);
  }

  private static StackOverflowError explanation(StackOverflowError overflow, MethodInfo method,
      Object patch) {
    StackOverflowError explained = new StackOverflowError(MARK + "The replacement of "
        + method + " (" + patch + ") calls that method again, which runs the replacement"
        + " again, and so on until the stack ran out: a patched method runs the replacement on"
        + " every call, the replacement's own included. To run the real method from a"
        + " replacement, intercept it instead: Mock.intercept(method, call -> ... call.proceed()"
        + " ...).");
    explained.initCause(overflow);
    return explained;
  }
}
