package dev.trap.internal.trace;

import dev.trap.MethodInfo;
import dev.trap.TracedCall;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One recorded call: what it was given when it started, and what came of it. It knows its trace
 * weakly: a call still running on a thread that outlives its test, such as a loop that waits for
 * work, holds its node, which must not keep the whole trace once its test has written it.
 */
final class TraceNode implements TracedCall {

  final long id;
  private final WeakReference<TraceSession> session;
  private final MethodInfo method;
  private volatile String receiver;
  private final String[] arguments;
  private final long startNanos;
  private final String thread;
  final long threadId;
  private final List<TraceNode> children = new ArrayList<TraceNode>(0);
  private volatile long durationNanos = -1;
  private volatile String result;
  private volatile String thrown;
  /**
   * What other interceptors did to the call, in pairs: a kind ({@code replaced}, {@code
   * changed}, {@code recorded}) and who; null if nothing.
   */
  volatile String[] marks;

  TraceNode(long id, TraceSession session, MethodInfo method, String receiver,
      String[] arguments, long startNanos, Thread thread) {
    this.id = id;
    this.session = new WeakReference<TraceSession>(session);
    this.method = method;
    this.receiver = receiver;
    this.arguments = arguments;
    this.startNanos = startNanos;
    this.thread = thread.getName();
    this.threadId = thread.getId();
  }

  /** @return the trace this call is in, or null once no one keeps it */
  TraceSession session() {
    return session.get();
  }

  void add(TraceNode child) {
    synchronized (children) {
      children.add(child);
    }
  }

  /** @param built the constructed object, for a constructor that returned; else null */
  void finish(long endNanos, String built, String result, String thrown) {
    if (built != null) {
      this.receiver = built;
    }
    this.result = result;
    this.thrown = thrown;
    this.durationNanos = endNanos - startNanos;
  }

  @Override
  public MethodInfo method() {
    return method;
  }

  @Override
  public String receiver() {
    return receiver;
  }

  @Override
  public List<String> arguments() {
    return Collections.unmodifiableList(Arrays.asList(arguments));
  }

  /** @return the rendered arguments themselves, for the writers */
  String[] argumentTexts() {
    return arguments;
  }

  @Override
  public String result() {
    return result;
  }

  @Override
  public String thrown() {
    return thrown;
  }

  @Override
  public boolean isFinished() {
    return durationNanos >= 0;
  }

  @Override
  public long startNanos() {
    return startNanos;
  }

  @Override
  public long durationNanos() {
    return durationNanos;
  }

  @Override
  public String thread() {
    return thread;
  }

  @Override
  public List<TracedCall> children() {
    synchronized (children) {
      return Collections.<TracedCall>unmodifiableList(new ArrayList<TraceNode>(children));
    }
  }

  /** @return the children as they are now; for the writers, once the trace is over */
  List<TraceNode> childNodes() {
    synchronized (children) {
      return new ArrayList<TraceNode>(children);
    }
  }

  /** @return {@code Shop.price("ab") -> 13} or {@code new Shop(10)}, for a tree's text */
  String line() {
    StringBuilder text = new StringBuilder();
    if (method.isConstructor()) {
      text.append("new ").append(method.declaringClass().getSimpleName());
    } else {
      text.append(method.declaringClass().getSimpleName()).append('.').append(method.name());
    }
    text.append('(');
    for (int i = 0; i < arguments.length; i++) {
      text.append(i == 0 ? "" : ", ").append(arguments[i]);
    }
    text.append(')');
    if (!isFinished()) {
      text.append(" (running)");
    } else if (thrown != null) {
      text.append(" threw ").append(thrown);
    } else if (result != null) {
      text.append(" -> ").append(result);
    }
    return text.toString();
  }
}
