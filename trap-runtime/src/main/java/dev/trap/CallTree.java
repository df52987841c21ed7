package dev.trap;

import java.util.List;

/**
 * The calls of woven methods that a piece of code made, as a tree: each call with the calls it
 * made, on its thread or on the threads and pools it handed work to. What {@link Trace#record}
 * returns, and what Trap writes for each traced test.
 *
 * @since 0.2.0
 */
public interface CallTree {

  /** @return the calls made from outside any traced call, in the order they started */
  List<TracedCall> roots();

  /** @return how many calls the tree holds */
  int count();

  /**
   * @return {@code true} if the tree stopped growing at its limit of calls or bytes; the calls
   *     after that were made, but not recorded
   */
  boolean isTruncated();

  /** @return every call of the tree, depth first, in the order they started */
  List<TracedCall> calls();

  /** @return the tree, one call per line, indented by depth, for assertion messages */
  @Override
  String toString();
}
