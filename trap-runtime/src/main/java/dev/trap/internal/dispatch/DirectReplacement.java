package dev.trap.internal.dispatch;

import dev.trap.MethodInfo;
import java.lang.invoke.MethodHandle;

/**
 * An interceptor that does nothing for the calls it takes but run a function instead of the
 * method, such as a patch of {@code Mock}: where it is the only interceptor of a method, a trap
 * that it keeps busy calls the function directly, with no {@code Call} made for the call
 * ({@link MethodSite}). Everything else about the call, its scope first, is checked as for any
 * interceptor.
 */
public interface DirectReplacement {

  /**
   * @param method the method
   * @param type the trap's type: the receiver, if the method takes one, then its parameters;
   *     returning {@code Object}
   * @return a handle of that type that runs the function, returning its result boxed and
   *     throwing what the interceptor would make the call throw; or null where it cannot
   */
  MethodHandle directHandle(MethodInfo method, java.lang.invoke.MethodType type);

  /** @return true if it takes a call on that receiver (null for a static method) */
  boolean takesReceiver(Object receiver);
}
