package dev.trap;

import java.util.concurrent.Callable;

/**
 * One call of a woven method, as interceptors see it.
 *
 * <p>A call passes through two phases. In the <em>pre</em> phase ({@link Interceptor#pre(Call)})
 * the body has not run: arguments can be read and changed, and the body can be skipped by
 * deciding the outcome with {@link #returnWith(Object)} or {@link #throwWith(Throwable)}. In the
 * <em>post</em> phase ({@link Interceptor#post(Call, Object)}) the outcome is known and can be
 * replaced with the same two methods.
 *
 * <p>Values cross this interface boxed: an {@code int} argument or result is an
 * {@link Integer}. Values given to the call must fit the method's declared types exactly as
 * Java's assignment would allow after boxing; anything else fails at once with an
 * {@link IllegalArgumentException} that names the method.
 *
 * <p>A call object belongs to the thread that made the call and is valid only while its
 * interceptors run; do not keep it.
 *
 * @since 0.1.0
 */
public interface Call {

  /** @return the method being called */
  MethodInfo method();

  /**
   * The object the method was called on: {@code null} for static methods; for constructors, the
   * object being constructed, already past its {@code super(...)} call.
   *
   * @return the receiver, or {@code null}
   */
  Object receiver();

  /** @return the number of arguments */
  int argumentCount();

  /**
   * @param index the argument's position, from 0
   * @return the argument, boxed if primitive
   * @throws IndexOutOfBoundsException if there is no such argument
   */
  Object argument(int index);

  /** @return a copy of the arguments, boxed where primitive */
  Object[] arguments();

  /**
   * Changes an argument before the body runs. Only in the pre phase.
   *
   * @param index the argument's position, from 0
   * @param value the new value; for a primitive parameter its box, never {@code null}
   * @throws IllegalArgumentException if the value does not fit the parameter's type
   * @throws IllegalStateException if the body has already run or been skipped
   */
  void setArgument(int index, Object value);

  /**
   * Makes the call return this value. In the pre phase the body is skipped, and the {@code pre}
   * hooks of later interceptors do not run; in the post phase the value replaces the result or
   * the exception.
   *
   * @param value the value to return: {@code null} for void methods and constructors, the box for
   *     primitive return types
   * @throws IllegalArgumentException if the value does not fit the return type
   */
  void returnWith(Object value);

  /**
   * Makes the call throw this exception. In the pre phase the body is skipped; in the post phase
   * it replaces the result or the exception. Checked exceptions are thrown as they are, declared
   * or not.
   *
   * @param exception the exception to throw
   * @throws NullPointerException if {@code exception} is {@code null}
   */
  void throwWith(Throwable exception);

  /**
   * Runs the method's body now, from a {@code pre} hook, with the arguments as they are, and
   * returns what it returns. The body runs on the caller's behalf: the woven methods it calls are
   * trapped (see {@link Interceptor}), though this very call does not pass its interceptors again.
   * The outcome of the call is not changed by it: to return the body's result, pass it to
   * {@link #returnWith(Object)}; otherwise the body runs again after the {@code pre} hooks, as
   * usual. May be called more than once.
   *
   * @return what the body returned, boxed if primitive; {@code null} for void methods
   * @throws Throwable what the body threw, as it is
   * @throws IllegalStateException if not called from a {@code pre} hook
   * @throws UnsupportedOperationException for a constructor: its trap runs after
   *     {@code super(...)}, and its body cannot run apart from the object's construction
   * @since 0.2.0
   */
  Object proceed() throws Throwable;

  /**
   * Runs the method's body now with other arguments; otherwise as {@link #proceed()}. The
   * receiver stays the same.
   *
   * @param arguments one per parameter, boxed where primitive
   * @return what the body returned, boxed if primitive; {@code null} for void methods
   * @throws Throwable what the body threw, as it is
   * @throws IllegalArgumentException if the arguments do not fit the parameters
   * @since 0.2.0
   */
  Object proceed(Object... arguments) throws Throwable;

  /**
   * Runs code on the caller's behalf from a hook: the woven methods it calls are trapped, as if
   * the caller had called them, where the hooks' own calls are not. This is how a replacement of
   * a method's body sees the interceptors of the methods it calls.
   *
   * @param code the code to run
   * @param <T> what the code returns
   * @return what it returned
   * @throws Exception what it threw
   * @since 0.2.0
   */
  <T> T callAsCaller(Callable<T> code) throws Exception;

  /** @return {@code true} once the outcome is decided: the body ran, or an interceptor skipped it */
  boolean isDone();

  /** @return {@code true} if the outcome so far is an exception */
  boolean hasThrown();

  /**
   * @return the value the call returns so far, boxed if primitive; {@code null} for void methods,
   *     before the outcome is known, or when it is an exception
   */
  Object result();

  /** @return the exception the call throws so far, or {@code null} */
  Throwable thrown();
}
