package dev.trap;

/**
 * The handle of an added interceptor. Closing it removes the interceptor: calls that start
 * afterwards no longer reach it. Made for try-with-resources:
 *
 * <pre>{@code
 * try (Registration registration = Trap.addThreadInterceptor(interceptor)) {
 *   // calls on this thread reach the interceptor
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public interface Registration extends AutoCloseable {

  /** @return the interceptor this registration added */
  Interceptor interceptor();

  /**
   * @return the scope whose calls the interceptor sees
   * @since 0.2.0 (0.1.0 had {@code thread()}: a thread scope is {@link Scope#currentThread()} of
   *     that thread)
   */
  Scope scope();

  /** @return {@code true} until {@link #close()} has been called */
  boolean isActive();

  /**
   * Removes the interceptor. Closing a registration again does nothing; closing its scope closes
   * it too.
   */
  @Override
  void close();
}
