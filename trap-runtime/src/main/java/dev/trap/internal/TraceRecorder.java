package dev.trap.internal;

import dev.trap.Call;
import dev.trap.Interceptor;

/**
 * Records the calls of woven methods into the trace of the scope they are made in. One recorder
 * serves every trace of the JVM: it is added to the global scope while some trace is open, and
 * takes note of a call only when its thread's scope has a trace. An observer: it runs before
 * patches, and sees calls as their callers do.
 */
final class TraceRecorder implements Interceptor {

  /** Set once added: the interception whose states in calls are this recorder's nodes. */
  volatile Interception interception;

  @Override
  public Object pre(Call call) {
    ThreadState thread = ThreadState.current();
    TraceSession session = thread.traceSession();
    if (session == null || !session.config.accepts(call.method())) {
      return null;
    }
    Invocation invocation = (Invocation) call;
    // Rendered before the body runs: later changes to a mutable argument do not show.
    Object[] values = invocation.currentArguments();
    String[] arguments = new String[values.length];
    int bytes = 0;
    for (int i = 0; i < values.length; i++) {
      arguments[i] = ValueText.of(values[i]);
      bytes += arguments[i].length();
    }
    // A constructor's object is rendered once it is built: at entry its fields are still unset.
    String receiver = call.receiver() == null || call.method().isConstructor() ? null
        : ValueText.of(call.receiver());
    bytes += receiver == null ? 0 : receiver.length();
    long id = session.admit(bytes + 64);
    if (id < 0) {
      return null;
    }
    TraceNode node = new TraceNode(id, session, call.method(), receiver, arguments,
        System.nanoTime() - session.startNanos, Thread.currentThread());
    TraceNode parent = parentNode(invocation.parent, session);
    if (parent == null) {
      session.addRoot(node);
    } else {
      parent.add(node);
    }
    return node;
  }

  /** The nearest call above that this trace recorded: dropped calls hand over their children. */
  private TraceNode parentNode(Invocation ancestor, TraceSession session) {
    for (Invocation a = ancestor; a != null; a = a.parent) {
      Object state = a.stateOf(interception);
      if (state instanceof TraceNode) {
        return ((TraceNode) state).session == session ? (TraceNode) state : null;
      }
    }
    return null;
  }

  @Override
  public void post(Call call, Object state) {
    if (state instanceof TraceNode) {
      TraceNode node = (TraceNode) state;
      String thrown = call.thrown() == null ? null : ValueText.of(call.thrown());
      String result = call.thrown() != null || call.method().returnType() == void.class ? null
          : ValueText.of(call.result());
      String built = call.method().isConstructor() && call.thrown() == null
          && call.receiver() != null ? ValueText.of(call.receiver()) : null;
      node.finish(System.nanoTime() - node.session.startNanos, built, result, thrown);
    }
  }

  @Override
  public String toString() {
    return "Trap's trace recorder";
  }
}
