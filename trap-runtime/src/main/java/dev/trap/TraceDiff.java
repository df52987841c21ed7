package dev.trap;

/**
 * Where two traces of the same code part: the first call, in the order the code ran, where the
 * second trace called another method, with other arguments, or got another result or
 * exception, than the first. {@link Trace#diff} makes one; so does every failed test whose
 * last passing run's trace is kept, in its build log line and in the viewer.
 *
 * <pre>{@code
 * TraceDiff diff = Trace.diff(passed, failed);
 * diff.firstDivergence(); // PriceService.quote("ab") returned 7, was 5
 * }</pre>
 *
 * @since 0.3.0
 */
public interface TraceDiff {

  /** @return true if both traces hold the same calls, arguments and outcomes, in order */
  boolean isSame();

  /**
   * @return the first divergence, said as the second trace's call and what the first had there:
   *     {@code PriceService.quote("ab") returned 7, was 5}; empty if the traces are the same
   */
  String firstDivergence();

  /**
   * @return the {@code id} of the call where the first trace parts from the second (its call,
   *     or the call that holds the one it lacks), or -1 if none
   */
  long firstId();

  /** @return the {@code id} of that call in the second trace, or -1 if none */
  long secondId();
}
