package dev.trap;

/**
 * Adds interceptors to the traps of woven methods.
 *
 * <p>A method is woven when the Trap weaver (the {@code trap-maven-plugin}) has put a trap at its
 * start; every call of it then passes the interceptors added here that
 * {@linkplain Interceptor#appliesTo(MethodInfo) apply} to it. While no interceptor applies to a
 * method, its trap costs next to nothing and allocates nothing.
 *
 * <p>Scope: an interceptor added with {@link #addThreadInterceptor(Interceptor)} sees calls made on
 * the thread that added it and on no other; one added with
 * {@link #addGlobalInterceptor(Interceptor)} sees calls on every thread. Tests that run in parallel
 * should use thread interceptors, or a {@link Scope} of their own, which also follows the threads
 * and tasks they start.
 *
 * @since 0.1.0
 */
public final class Trap {

  private Trap() {
  }

  /**
   * Adds an interceptor that sees the calls of the current thread only: the same as
   * {@code Scope.currentThread().add(interceptor)}.
   *
   * @param interceptor the interceptor
   * @return the handle that removes it
   * @throws IllegalStateException if {@code appliesTo} throws; the interceptor is not added then
   */
  public static Registration addThreadInterceptor(Interceptor interceptor) {
    return Scope.currentThread().add(interceptor);
  }

  /**
   * Adds an interceptor that sees calls on every thread: the same as
   * {@code Scope.global().add(interceptor)}.
   *
   * @param interceptor the interceptor
   * @return the handle that removes it
   * @throws IllegalStateException if {@code appliesTo} throws; the interceptor is not added then
   */
  public static Registration addGlobalInterceptor(Interceptor interceptor) {
    return Scope.global().add(interceptor);
  }
}
