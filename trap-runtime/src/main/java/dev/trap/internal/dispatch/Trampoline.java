package dev.trap.internal.dispatch;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The only class a woven method's trap calls; the hand-overs of woven code call
 * {@code dev.trap.internal.scope.Handoff} and {@code Carriers}. Its names and descriptors are a
 * contract with the weaver
 * ({@code dev.trap.weaver.internal.TrapContract}); change both together.
 *
 * <p>A woven method starts with an {@code invokedynamic} linked by {@link #bootstrap}: it returns
 * {@code null} while no interceptor wants the call, without boxing or allocating anything, and
 * otherwise the call's state, which the woven code hands back to the static methods below. Every
 * method here returns at once when handed {@code null}, so the woven code has no branches at its
 * return sites.
 *
 * <p>Not an API: only woven code may call it.
 */
public final class Trampoline {

  private Trampoline() {
  }

  /**
   * Links the trap of one woven method. Called by the JVM once per woven method.
   *
   * <p>It must not throw: the JVM would remember the failure and throw it from every later call
   * of the method, for the life of the class. What cannot be linked runs untrapped, and is
   * reported.
   *
   * @param lookup the woven class's lookup
   * @param indyName unused, always {@code trap}
   * @param type {@code (receiver?, arguments...)Object}, reference types erased to Object
   * @param metadata the woven method's name, descriptor, access flags, first line, parameter
   *     names and source file, in the form {@link MethodMetadata} reads
   * @return the trap's call site
   */
  public static CallSite bootstrap(MethodHandles.Lookup lookup, String indyName, MethodType type,
      String metadata) {
    MethodMetadata method;
    try {
      method = new MethodMetadata(metadata);
    } catch (IllegalArgumentException e) {
      Reports.warn("Trap cannot link a trap of " + lookup.lookupClass().getName() + ": "
          + e.getMessage() + " Until then its calls run untrapped.", null);
      return new ConstantCallSite(MethodSite.idle(type));
    }
    Warmup.start();
    try {
      return Registry.link(lookup, type, method).callSite();
    } catch (RuntimeException e) {
      Reports.warn("Trap could not link the trap of " + lookup.lookupClass().getName() + "."
          + metadata + ": calls of it run untrapped, and no interceptor sees them. This is a bug"
          + " of Trap; please report it with this stack trace.", e);
    }
    return new ConstantCallSite(MethodSite.idle(type));
  }

  /**
   * Fails a call through a trapped call site on a null receiver as the call itself would: a
   * {@code NullPointerException} worded as the JVM words it for the call, from the calling
   * method's frame, not from the bridge the call goes through.
   *
   * @param receiver the call's receiver
   * @param message what the JVM would say, worked out by the weaver from the calling code;
   *     empty where it says nothing (a call from a lambda's object, a frame the JVM hides)
   */
  public static void requireReceiver(Object receiver, String message) {
    if (receiver == null) {
      NullPointerException thrown =
          new NullPointerException(message.isEmpty() ? null : message);
      StackTraceElement[] stack = thrown.getStackTrace();
      // This method and the bridge: the call failed where it was written. For a lambda's
      // object, which stack traces hide, also what carries the lambda to its scope.
      int top = Math.min(2, stack.length);
      while (message.isEmpty() && top < stack.length
          && stack[top].getClassName().startsWith("dev.trap.internal.")) {
        top++;
      }
      thrown.setStackTrace(java.util.Arrays.copyOfRange(stack, top, stack.length));
      throw thrown;
    }
  }

  /**
   * @param call the call's state, never null
   * @return true if the interceptors decided the outcome and the body must not run
   */
  public static boolean isDone(Object call) {
    return call.getClass() == Decided.class || ((Invocation) call).isComplete();
  }

  /**
   * Returns the decided outcome of a call whose body was skipped.
   *
   * @param call the call's state, never null
   * @return the value to return, boxed
   */
  public static Object outcome(Object call) {
    return call.getClass() == Decided.class ? ((Decided) call).value
        : ((Invocation) call).outcome();
  }

  /**
   * @param call the call's state, never null
   * @param index the argument's position
   * @return the argument as the interceptors left it, boxed
   */
  public static Object argument(Object call, int index) {
    return ((Invocation) call).argument(index);
  }

  /** Ends a void method or constructor. @param call the call's state, or null */
  public static void exit(Object call) {
    if (call != null) {
      ((Invocation) call).finish(null);
    }
  }

  /** @param value the body's result @param call the call's state, or null @return the result */
  public static boolean exit(boolean value, Object call) {
    return call == null ? value : (Boolean) ((Invocation) call).finish(value);
  }

  /** @param value the body's result @param call the call's state, or null @return the result */
  public static byte exit(byte value, Object call) {
    return call == null ? value : (Byte) ((Invocation) call).finish(value);
  }

  /** @param value the body's result @param call the call's state, or null @return the result */
  public static char exit(char value, Object call) {
    return call == null ? value : (Character) ((Invocation) call).finish(value);
  }

  /** @param value the body's result @param call the call's state, or null @return the result */
  public static short exit(short value, Object call) {
    return call == null ? value : (Short) ((Invocation) call).finish(value);
  }

  /** @param value the body's result @param call the call's state, or null @return the result */
  public static int exit(int value, Object call) {
    return call == null ? value : (Integer) ((Invocation) call).finish(value);
  }

  /** @param value the body's result @param call the call's state, or null @return the result */
  public static long exit(long value, Object call) {
    return call == null ? value : (Long) ((Invocation) call).finish(value);
  }

  /** @param value the body's result @param call the call's state, or null @return the result */
  public static float exit(float value, Object call) {
    return call == null ? value : (Float) ((Invocation) call).finish(value);
  }

  /** @param value the body's result @param call the call's state, or null @return the result */
  public static double exit(double value, Object call) {
    return call == null ? value : (Double) ((Invocation) call).finish(value);
  }

  /** @param value the body's result @param call the call's state, or null @return the result */
  public static Object exit(Object value, Object call) {
    return call == null ? value : ((Invocation) call).finish(value);
  }

  /**
   * Ends a call whose body threw. Rethrows the exception itself, unchanged, unless an interceptor
   * replaces the outcome.
   *
   * @param thrown what the body threw
   * @param call the call's state, or null
   * @return the value to return instead, boxed
   */
  public static Object onThrow(Throwable thrown, Object call) {
    if (call == null) {
      throw Sneaky.<RuntimeException>rethrow(thrown);
    }
    return ((Invocation) call).finishThrown(thrown);
  }
}
