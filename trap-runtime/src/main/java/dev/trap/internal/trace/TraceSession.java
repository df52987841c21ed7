package dev.trap.internal.trace;

import dev.trap.CallTree;
import dev.trap.TracedCall;
import dev.trap.internal.dispatch.Reports;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The trace of one test or block: its calls as a tree, its limits, and when it started. Calls add
 * themselves from every thread in its scope; the tree is read once they are over.
 */
public final class TraceSession implements CallTree {

  private static final AtomicLong IDS = new AtomicLong();
  /** What a call's JSON takes beyond its values: its method's place, thread, times. */
  private static final int CALL_OVERHEAD = 120;

  final String name;
  public final TraceConfig config;
  final long startNanos = System.nanoTime();
  final long startMillis = System.currentTimeMillis();
  private final List<TraceNode> roots = new ArrayList<TraceNode>();
  private final AtomicInteger count = new AtomicInteger();
  private final AtomicLong bytes = new AtomicLong();
  private volatile boolean truncated;
  private volatile long endNanos = -1;

  TraceSession(String name, TraceConfig config) {
    this.name = name;
    this.config = config;
  }

  /**
   * @param rendered the characters of the call's values rendered so far
   * @return a new call's id, or -1 if the trace is full
   */
  long admit(long rendered) {
    if (truncated) {
      return -1;
    }
    if (count.incrementAndGet() > config.maxCalls
        || bytes.addAndGet(rendered + CALL_OVERHEAD) > config.maxBytes) {
      count.decrementAndGet();
      truncated = true;
      return -1;
    }
    return IDS.incrementAndGet();
  }

  /** Counts what a call's end rendered: its result or exception. */
  void charge(long rendered) {
    if (bytes.addAndGet(rendered) > config.maxBytes) {
      truncated = true;
    }
  }

  /** Stops recording, as recording went wrong: the trace says it was cut, and why. */
  void cut(Throwable why) {
    if (!truncated) {
      truncated = true;
      try {
        Reports.warn("Trap stopped tracing " + name + ": " + why, null);
      } catch (Throwable ignored) {
        // Memory may have run out: the trace says it was cut all the same.
      }
    }
  }

  void addRoot(TraceNode node) {
    synchronized (roots) {
      roots.add(node);
    }
  }

  void end() {
    endNanos = System.nanoTime();
  }

  /** @return how long the traced code ran, in nanoseconds, or until now if it still runs */
  long durationNanos() {
    return (endNanos < 0 ? System.nanoTime() : endNanos) - startNanos;
  }

  List<TraceNode> rootNodes() {
    synchronized (roots) {
      return new ArrayList<TraceNode>(roots);
    }
  }

  @Override
  public List<TracedCall> roots() {
    return Collections.<TracedCall>unmodifiableList(rootNodes());
  }

  @Override
  public int count() {
    return count.get();
  }

  @Override
  public boolean isTruncated() {
    return truncated;
  }

  @Override
  public List<TracedCall> calls() {
    List<TracedCall> calls = new ArrayList<TracedCall>();
    for (TraceNode root : rootNodes()) {
      collect(root, calls);
    }
    return Collections.unmodifiableList(calls);
  }

  private static void collect(TraceNode node, List<TracedCall> calls) {
    calls.add(node);
    for (TraceNode child : node.childNodes()) {
      collect(child, calls);
    }
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("Trace of ").append(name).append(", ")
        .append(count()).append(count() == 1 ? " call" : " calls")
        .append(truncated ? " (cut at its limit)" : "");
    for (TraceNode root : rootNodes()) {
      append(text, root, 1);
    }
    return text.toString();
  }

  private static void append(StringBuilder text, TraceNode node, int depth) {
    text.append('\n');
    for (int i = 0; i < depth; i++) {
      text.append("  ");
    }
    text.append(node.line());
    for (TraceNode child : node.childNodes()) {
      append(text, child, depth + 1);
    }
  }
}
