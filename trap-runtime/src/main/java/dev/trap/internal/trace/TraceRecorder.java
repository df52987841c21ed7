package dev.trap.internal.trace;

import dev.trap.Call;
import dev.trap.Interceptor;
import dev.trap.internal.dispatch.Interception;
import dev.trap.internal.dispatch.Invocation;
import dev.trap.internal.scope.ThreadState;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * Records the calls of woven methods into the traces of the scope they are made in. One recorder
 * serves every trace of the JVM: it is added to the global scope while some trace is open, and
 * takes note of a call only when its thread's scope, or a scope it was opened in, has a trace; a
 * block traced within a traced test shows its calls in both. An observer: it runs before patches,
 * and sees calls as their callers do.
 *
 * <p>It never changes a call: what goes wrong while recording (a value that cannot be rendered,
 * memory running out) ends the recording of that trace, which then says it was cut, and the call
 * goes on as if no trace were open.
 */
public final class TraceRecorder implements Interceptor {

  /** Set once added: the interception whose states in calls are this recorder's nodes. */
  volatile Interception interception;

  @Override
  public Object pre(Call call) {
    List<TraceSession> sessions = null;
    try {
      sessions = ThreadState.current().traceSessions(call.method());
      if (sessions == null) {
        return null;
      }
      if (sessions.size() == 1) {
        return record(sessions.get(0), (Invocation) call);
      }
      List<TraceNode> nodes = new ArrayList<TraceNode>(sessions.size());
      for (TraceSession session : sessions) {
        TraceNode node = record(session, (Invocation) call);
        if (node != null) {
          nodes.add(node);
        }
      }
      return nodes.isEmpty() ? null : nodes.toArray(new TraceNode[0]);
    } catch (Throwable e) {
      cut(sessions, e);
      return null;
    }
  }

  /** @return the call's node in the trace, or null if the trace is full */
  private TraceNode record(TraceSession session, Invocation call) {
    if (session.isTruncated()) {
      return null;
    }
    // Rendered before the body runs: later changes to a mutable argument do not show.
    Object[] values = call.currentArguments();
    String[] arguments = new String[values.length];
    long characters = 0;
    for (int i = 0; i < values.length; i++) {
      arguments[i] = ValueText.of(values[i]);
      characters += arguments[i].length();
    }
    // A constructor's object is rendered once it is built: at entry its fields are still unset.
    String receiver = call.receiver() == null || call.method().isConstructor() ? null
        : ValueText.of(call.receiver());
    characters += receiver == null ? 0 : receiver.length();
    long id = session.admit(characters);
    if (id < 0) {
      return null;
    }
    TraceNode node = new TraceNode(id, session, call.method(), receiver, arguments,
        System.nanoTime() - session.startNanos, Thread.currentThread());
    TraceNode parent = parentNode(call.parent, session);
    if (parent == null) {
      // The outermost call of work handed over: under the call that handed it over.
      parent = nodeIn(handedOver(call.thread().handedOverTrace), session);
    }
    if (parent == null) {
      session.addRoot(node);
    } else {
      parent.add(node);
    }
    return node;
  }

  /**
   * @return where work handed over now from a thread belongs in the traces: a weak reference to
   *     the trace node (or nodes) of the innermost call in progress on it that a trace recorded,
   *     or of the call that handed the thread its work; null if no trace is open. Weak: work that
   *     outlives its trace, such as a thread that runs on, must not keep the trace.
   */
  public static Object handoverParent(ThreadState state) {
    TraceRecorder recorder = Tracing.recorderInUse();
    if (recorder == null) {
      return null;
    }
    Interception interception = recorder.interception;
    for (Invocation a = state.call; a != null; a = a.parent) {
      Object node = a.stateOf(interception);
      if (node != null) {
        return new WeakReference<Object>(node);
      }
    }
    return state.handedOverTrace;
  }

  /** @return the trace node (or nodes) a hand-over's weak reference holds, or null */
  private static Object handedOver(Object reference) {
    return reference instanceof WeakReference ? ((WeakReference<?>) reference).get() : null;
  }

  /** The nearest call above that this trace recorded: dropped calls hand over their children. */
  private TraceNode parentNode(Invocation ancestor, TraceSession session) {
    for (Invocation a = ancestor; a != null; a = a.parent) {
      TraceNode node = nodeIn(a.stateOf(interception), session);
      if (node != null) {
        return node;
      }
    }
    return null;
  }

  private static TraceNode nodeIn(Object state, TraceSession session) {
    if (state instanceof TraceNode) {
      return ((TraceNode) state).session() == session ? (TraceNode) state : null;
    }
    if (state instanceof TraceNode[]) {
      for (TraceNode node : (TraceNode[]) state) {
        if (node.session() == session) {
          return node;
        }
      }
    }
    return null;
  }

  @Override
  public void post(Call call, Object state) {
    if (state instanceof TraceNode) {
      finish(call, (TraceNode) state);
    } else if (state instanceof TraceNode[]) {
      for (TraceNode node : (TraceNode[]) state) {
        finish(call, node);
      }
    }
  }

  /**
   * @return what the other interceptors of the call did to it, as the trace says it: each
   *     patch that replaced it, interceptor that changed it, recording that took note of it;
   *     null if none
   */
  private String[] marks(Call call) {
    if (!(call instanceof Invocation)) {
      return null;
    }
    Invocation invocation = (Invocation) call;
    List<String> marks = null;
    for (Interception other : invocation.chain()) {
      Interceptor interceptor = other.interceptor();
      if (interceptor == this) {
        continue;
      }
      int acted = invocation.actedOn(other);
      String kind = (acted & Invocation.REPLACED) != 0 ? "replaced"
          : (acted & Invocation.CHANGED) != 0 ? "changed"
          : interceptor instanceof dev.trap.Recording ? "recorded" : null;
      if (kind != null) {
        if (marks == null) {
          marks = new ArrayList<String>(2);
        }
        marks.add(kind);
        marks.add(describe(interceptor));
      }
    }
    return marks == null ? null : marks.toArray(new String[0]);
  }

  /** @return what the trace calls an interceptor: a patch by what it patches and where */
  private static String describe(Interceptor interceptor) {
    try {
      return interceptor instanceof TraceMark ? ((TraceMark) interceptor).traceMark()
          : String.valueOf(interceptor);
    } catch (RuntimeException e) {
      return interceptor.getClass().getName();
    }
  }

  private void finish(Call call, TraceNode node) {
    TraceSession session = node.session();
    if (session == null) {
      // The trace was written and dropped while the call ran: nothing is left to record it in.
      return;
    }
    try {
      String thrown = call.thrown() == null ? null : ValueText.of(call.thrown());
      String result = call.thrown() != null || call.method().returnType() == void.class ? null
          : ValueText.of(call.result());
      String built = call.method().isConstructor() && call.thrown() == null
          && call.receiver() != null ? ValueText.of(call.receiver()) : null;
      session.charge(length(thrown) + length(result) + length(built));
      node.finish(System.nanoTime() - session.startNanos, built, result, thrown);
      node.marks = marks(call);
    } catch (Throwable e) {
      session.cut(e);
      node.finish(System.nanoTime() - session.startNanos, null, null,
          "<not recorded: " + e.getClass().getName() + ">");
    }
  }

  private static int length(String text) {
    return text == null ? 0 : text.length();
  }

  private static void cut(List<TraceSession> sessions, Throwable e) {
    if (sessions != null) {
      for (TraceSession session : sessions) {
        session.cut(e);
      }
    }
  }

  @Override
  public String toString() {
    return "Trap's trace recorder";
  }
}
