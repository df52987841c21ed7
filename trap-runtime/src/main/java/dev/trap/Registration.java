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
   * @return the thread whose calls the interceptor sees, or {@code null} if it sees calls on all
   *     threads
   */
  Thread thread();

  /** @return {@code true} until {@link #close()} has been called */
  boolean isActive();

  /** Removes the interceptor. Closing a registration again does nothing. */
  @Override
  void close();
}
