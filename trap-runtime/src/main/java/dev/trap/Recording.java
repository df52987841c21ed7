package dev.trap;

import java.util.List;

/**
 * The calls of a method, or of every method of a class, as {@link Mock#record} saw them: in the
 * order they started, with arguments, outcome and thread. Recording replaces nothing: the calls
 * run as they would, patched or not, and the recording sees what their callers saw.
 *
 * <pre>{@code
 * Recording<Integer> taxes = Mock.record(Price::tax);
 * checkout.total(cart);
 * assertEquals(2, taxes.count());
 * assertEquals(List.of(1000), taxes.last().arguments());
 * assertEquals(100, taxes.last().result());
 * }</pre>
 *
 * <p>A recording sees the calls within its scope, as a patch does (see {@link Mock}), and stops
 * when closed or when its scope ends; what it recorded stays readable.
 *
 * @param <R> what the recorded method returns; {@code Object} for a whole class
 * @since 0.2.0
 */
public interface Recording<R> extends AutoCloseable {

  /** One recorded call. */
  interface Entry<R> {

    /** @return the method called */
    MethodInfo method();

    /** @return the receiver, or {@code null} for a static method */
    Object receiver();

    /** @return the arguments, boxed where primitive, as they were when the call started */
    List<Object> arguments();

    /** @return what the call returned, boxed; {@code null} if void, threw or not finished */
    R result();

    /** @return what the call threw, or {@code null} */
    Throwable thrown();

    /** @return {@code true} once the call has returned or thrown */
    boolean isFinished();

    /** @return the name of the thread that made the call */
    String thread();

    /** @return the position of the call among all calls recorded in this JVM, from 1 */
    long sequence();
  }

  /** @return the calls so far, in the order they started; a copy */
  List<Entry<R>> calls();

  /** @return how many calls so far */
  int count();

  /** @return the arguments of each call so far, in order */
  List<List<Object>> arguments();

  /** @return the results of the calls so far that returned, in order */
  List<R> results();

  /**
   * @return the only call so far
   * @throws IllegalStateException naming the calls if there was none or more than one
   */
  Entry<R> single();

  /**
   * @return the latest call
   * @throws IllegalStateException if there was none
   */
  Entry<R> last();

  /** @return {@code true} until closed, by {@link #close()} or by the end of its scope */
  boolean isActive();

  /** Stops recording; closing again does nothing. What was recorded stays readable. */
  @Override
  void close();

  /** @return the calls so far, one per line, for assertion messages */
  @Override
  String toString();
}
