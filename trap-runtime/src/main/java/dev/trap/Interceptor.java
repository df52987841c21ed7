package dev.trap;

/**
 * Sees calls of woven methods, before and after their bodies run.
 *
 * <p>An interceptor is the Java form of an xgo interceptor: {@link #pre(Call)} runs at the start of a
 * woven method, before its body; {@link #post(Call, Object)} runs when the body has returned or
 * thrown. Between the two, an interceptor can observe the call, change its arguments, skip the body
 * and return a value or throw instead, or replace the result or exception:
 *
 * <pre>{@code
 * Interceptor halfPrice = new Interceptor() {
 *   public boolean appliesTo(MethodInfo method) {
 *     return method.declaringClass() == Price.class && method.name().equals("net");
 *   }
 *   public Object pre(Call call) {
 *     return System.nanoTime();                    // state handed to post
 *   }
 *   public void post(Call call, Object started) {
 *     if (!call.hasThrown()) {
 *       call.returnWith((Integer) call.result() / 2);
 *     }
 *   }
 * };
 * try (Registration registration = Trap.addThreadInterceptor(halfPrice)) {
 *   assertEquals(50, new Price(100).net());
 * }
 * }</pre>
 *
 * <p>Order: the {@code pre} hooks of all interceptors that apply to a call run in the order the
 * interceptors were added; the {@code post} hooks run in the reverse order, like nested
 * {@code try/finally} blocks. An interceptor whose {@code pre} did not return normally gets no
 * {@code post} for that call.
 *
 * <p>Exceptions: an exception thrown by {@code pre} skips the body (and the {@code pre} hooks of
 * later interceptors) and becomes the call's outcome, as if {@link Call#throwWith(Throwable)} had
 * been called. An exception thrown by {@code post} replaces the outcome; the remaining
 * {@code post} hooks still run.
 *
 * <p>Reentrancy: calls that an interceptor's hooks make into woven code are its own bookkeeping
 * and are not trapped again, so an interceptor may call the very methods it intercepts, and
 * render arguments with their {@code toString()}. Code that an interceptor runs on the caller's
 * behalf is trapped: the body run by {@link Call#proceed()}, and a replacement run through
 * {@link Call#callAsCaller(java.util.concurrent.Callable)}. So patches compose: a replacement of
 * {@code a()} that calls {@code b()} sees the interceptors of {@code b()}.
 *
 * @since 0.1.0
 */
public interface Interceptor {

  /**
   * The woven methods this interceptor is for: {@link #appliesTo(MethodInfo)} is asked only of
   * them. Naming one method or one class makes adding and removing the interceptor cheap, however
   * many methods are woven; see {@link Target}. The runtime asks once, when the interceptor is
   * added.
   *
   * @return the target; the default, {@link Target#any()}, asks {@code appliesTo} of every woven
   *     method
   * @since 0.2.0
   */
  default Target target() {
    return Target.any();
  }

  /**
   * Tells whether this interceptor wants calls of the given method, one of its
   * {@linkplain #target() target}. The runtime asks once per method and interceptor, when either
   * is first seen, and never again: methods this returns {@code false} for run at full speed. It
   * must be quick, must not call woven code, and must give the same answer every time.
   *
   * <p>It should not throw. If it throws while the interceptor is being added, the interceptor is
   * not added, and the exception reaches the caller. If it throws when a method is first called
   * (a class that is loaded later, say), the interceptor does not apply to that method, the call
   * goes on, and the runtime reports it once on {@code System.err}.
   *
   * @param method a woven method
   * @return {@code true} to see its calls; the default applies to every method of the target
   */
  default boolean appliesTo(MethodInfo method) {
    return true;
  }

  /**
   * Runs before the body of the method. It may change arguments with
   * {@link Call#setArgument(int, Object)}, or skip the body with {@link Call#returnWith(Object)}
   * or {@link Call#throwWith(Throwable)}.
   *
   * @param call the call in progress
   * @return any state, handed to {@link #post(Call, Object)} of this interceptor for this call
   * @throws Throwable to skip the body and make the method throw it
   */
  default Object pre(Call call) throws Throwable {
    return null;
  }

  /**
   * Runs after the body of the method returned or threw, or after a {@code pre} hook skipped it.
   * It sees the outcome through {@link Call#result()} and {@link Call#thrown()} and may replace it
   * with {@link Call#returnWith(Object)} or {@link Call#throwWith(Throwable)}.
   *
   * @param call the call in progress
   * @param state what {@link #pre(Call)} of this interceptor returned for this call
   * @throws Throwable to make the method throw it instead of its outcome so far
   */
  default void post(Call call, Object state) throws Throwable {
  }
}
