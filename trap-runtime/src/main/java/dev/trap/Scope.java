package dev.trap;

import dev.trap.internal.scope.Scopes;
import java.util.concurrent.Callable;

/**
 * Where an interceptor sees calls: whose work, and for how long. Every interceptor is added to a
 * scope, and sees only the calls made within it.
 *
 * <p>There are three kinds of scope:
 * <ul>
 *   <li>The {@linkplain #global() global} scope holds every call on every thread.
 *   <li>A {@linkplain #currentThread() thread's} scope holds the calls made on that thread, and no
 *       other: not on the threads it starts, not in the tasks it hands to a pool. It is what
 *       {@link Trap#addThreadInterceptor(Interceptor)} adds to.
 *   <li>An {@linkplain #open(String) opened} scope holds the calls of the work done within it,
 *       wherever that work runs: the thread that opened it, until it is closed; the threads
 *       started from within it; the tasks that woven code hands over from within it (to
 *       executors, {@code CompletableFuture}, parallel streams, fork-join pools, timers); the
 *       lambdas woven code makes within it, when a pool's or a stream's thread runs them; and
 *       the tasks {@linkplain #wrap(Runnable) wrapped} in it. It is made for a test: the test
 *       framework's listener opens one where a test starts and closes it where the test ends,
 *       and its interceptors see the test's work and nothing of the tests that run beside it.
 * </ul>
 *
 * <p>A scope belongs to work, not to a thread: a pool's thread runs each task in the scope the
 * task carries, and no scope of its own. Work of a scope that has been closed, such as a thread a
 * test started and did not wait for, is seen by no opened scope's interceptor, and Trap says so
 * once on {@code System.err}. Work that carries no scope (handed over by code that is not woven,
 * such as a test's own or a library's) runs in the test that is running while tests run one at a
 * time; while they run in parallel, in none, which Trap reports once per method it patches.
 *
 * <p>Opened scopes nest: a scope opened within another is its child, and calls in the child are in
 * the parent too. Closing a scope removes its interceptors and closes its open children.
 *
 * <p>Tests run by the JUnit Platform (JUnit 5, and JUnit 4 through the Vintage engine) each run in
 * an opened scope of their own, within their class's: Trap's runtime registers a listener that
 * opens it when the test starts and closes it when the test ends. In a test,
 * {@link #current()} is that scope, and what {@link Mock} patches goes there.
 *
 * <pre>{@code
 * try (Scope test = Scope.open("checkout test")) {
 *   test.add(freeShipping);
 *   executor.submit(test.wrap(() -> checkout.total(cart)));   // the pool's thread sees it too
 * }
 * }</pre>
 *
 * <p>A trap whose method no interceptor applies to does not look at scopes at all: it costs
 * nothing. A trap whose method some interceptor applies to finds the calling thread's scope on
 * every call, which costs a few nanoseconds.
 *
 * <p>Not to be implemented outside Trap.
 *
 * @since 0.2.0
 */
public interface Scope extends AutoCloseable {

  /** @return the scope of every call on every thread; it cannot be closed */
  static Scope global() {
    return Scopes.global();
  }

  /** @return the scope of the calls on the current thread alone; it cannot be closed */
  static Scope currentThread() {
    return Scopes.currentThread();
  }

  /**
   * @return the innermost open scope of the work the current thread runs: a scope it opened, its
   *     test's, the scope of the thread that started it, or the one a task or lambda handed to it
   *     carries; the running test's for work that carries none while tests run one at a time;
   *     {@code null} if none, also for work of a scope that has been closed
   */
  static Scope current() {
    return Scopes.current();
  }

  /**
   * Opens a scope, a child of {@link #current()} if there is one, and enters it on the current
   * thread until it is closed.
   *
   * @param name a name for messages, such as the test's
   * @return the new scope
   */
  static Scope open(String name) {
    return Scopes.open(name);
  }

  /** @return the name given at {@link #open(String)}, or {@code global} or {@code thread <name>} */
  String name();

  /** @return the scope this one was opened within, or {@code null} */
  Scope parent();

  /** @return {@code true} until the scope is closed; always for the global and thread scopes */
  boolean isOpen();

  /**
   * Adds an interceptor that sees the calls within this scope. The interceptor's
   * {@link Interceptor#target() target} and {@link Interceptor#appliesTo(MethodInfo) appliesTo}
   * choose the methods.
   *
   * @param interceptor the interceptor
   * @return the handle that removes it
   * @throws IllegalStateException if the scope is closed, or if {@code appliesTo} throws for one
   *     of the methods it is asked about; the interceptor is not added then
   */
  Registration add(Interceptor interceptor);

  /**
   * For work that code which is not woven, such as a test's own, hands to another thread: woven
   * code's hand-overs carry their scope without it.
   *
   * @param task a task
   * @return a task that runs {@code task} in this scope on whatever thread runs it; comparable
   *     as {@code task} compares, for a pool on a priority queue
   */
  Runnable wrap(Runnable task);

  /**
   * @param task a task
   * @param <V> what the task returns
   * @return the task, to run in this scope on whatever thread runs it
   */
  <V> Callable<V> wrap(Callable<V> task);

  /**
   * Closes an opened scope: removes its interceptors, closes the scopes opened within it, and on
   * the current thread returns to its parent. Closing it again does nothing.
   *
   * @throws UnsupportedOperationException for the global scope and thread scopes
   */
  @Override
  void close();
}
