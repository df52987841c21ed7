package dev.trap;

import java.util.List;

/**
 * One call in a {@link CallTree}. Values are rendered as text when the call starts (arguments,
 * receiver) and when it ends (result, exception), bounded in length and depth and without running
 * the application's code: a later change to a mutable argument does not show.
 *
 * @since 0.2.0
 */
public interface TracedCall {

  /** @return the method called */
  MethodInfo method();

  /** @return the receiver, rendered; {@code null} for a static method */
  String receiver();

  /** @return the arguments, rendered */
  List<String> arguments();

  /** @return the result, rendered; {@code null} for void methods, or if it threw or runs still */
  String result();

  /** @return the exception it threw, rendered, or {@code null} */
  String thrown();

  /** @return {@code true} once the call has returned or thrown */
  boolean isFinished();

  /** @return when it started, in nanoseconds since the tree's start */
  long startNanos();

  /** @return how long it took, in nanoseconds; {@code -1} while it runs */
  long durationNanos();

  /** @return the name of the thread it ran on */
  String thread();

  /** @return the calls it made, on any thread, in the order they started */
  List<TracedCall> children();
}
