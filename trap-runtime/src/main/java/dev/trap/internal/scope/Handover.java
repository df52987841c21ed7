package dev.trap.internal.scope;

import dev.trap.internal.trace.TraceRecorder;
import java.util.concurrent.Callable;

/**
 * What work carries from where it is handed over to where it runs: the scope it belongs to, so
 * that the scope's interceptors see its calls, and the trace node of the call that handed it
 * over, under which traces show them. Captured once at the hand-over, entered on whatever thread
 * runs the work, left after it. Holds nothing of the handing call but rendered trace text, so no
 * argument of it stays reachable through work that outlives it.
 *
 * <p>A hand-over says exactly whose work runs: its scope wins over whatever the thread that runs
 * it ran. A lambda that carries the scope it was {@linkplain #made() made} in is weaker: it may
 * be kept and called later as any code's own, so a thread that runs a test's own work runs it in
 * that test's scope, and only a thread that runs no one's (a pool's, a parallel stream's worker)
 * takes the lambda's.
 */
public final class Handover {

  /** The scope; a closed one for work of a test that ended, or whose test cannot be told. */
  final ScopeImpl scope;
  /** A weak reference to the trace node of the call that handed it over, or null. */
  private final Object trace;
  /** Whether this is a lambda's, made in the scope, rather than work handed over in it. */
  private final boolean made;

  private Handover(ScopeImpl scope, Object trace, boolean made) {
    this.scope = scope;
    this.trace = trace;
    this.made = made;
  }

  /**
   * The hand-over of a task handed over by two scopes before it ran: it runs in neither, as the
   * work of no test, not even the one running now.
   */
  static final Handover UNTOLD = new Handover(ScopeImpl.untold(), null, false);

  /**
   * @param scope the scope the work belongs to
   * @param state the state of the thread that hands it over
   */
  static Handover of(ScopeImpl scope, ThreadState state) {
    return new Handover(scope, TraceRecorder.handoverParent(state), false);
  }

  /**
   * @return what work handed over now from this thread carries, or null when the thread runs in
   *     no scope, so that there is nothing to carry
   */
  static Handover now() {
    return current(false);
  }

  /** @return what a lambda made now carries, or null when the thread runs in no scope */
  static Handover made() {
    return current(true);
  }

  private static Handover current(boolean made) {
    if (!Scopes.anyOpen()) {
      return null;
    }
    ThreadState state = ThreadState.current();
    ScopeImpl scope = state.effectiveScope();
    if (scope == null) {
      return null;
    }
    Object trace = TraceRecorder.handoverParent(state);
    // Untraced, a hand-over is its scope's and nothing else: made once per scope.
    return trace == null ? scope.handover(made) : new Handover(scope, trace, made);
  }

  /** @return a hand-over of the scope with no trace, for {@link ScopeImpl#handover} */
  static Handover untraced(ScopeImpl scope, boolean made) {
    return new Handover(scope, null, made);
  }

  /** @return true for a lambda's, which carries the scope it was made in */
  boolean isMade() {
    return made;
  }

  /**
   * Makes the current thread run the work's scope until {@link ThreadState#leave()} of what this
   * returns: a hand-over says exactly whose work runs, so it wins over whatever the thread ran.
   */
  ThreadState enter() {
    return ThreadState.current().enter(scope, trace);
  }

  /**
   * Enters the scope a carrier runs in, until {@link ThreadState#leave()} of what this returns.
   * A hand-over's scope, always; a lambda's, only where no one else's work decides: a hand-over
   * that kept the lambda as it is (an executor's {@code execute}) decides for that run; a thread
   * the lambda is the body of runs in the scope it was started in; a thread that runs a test's
   * own work, or a test container's, runs the lambda as its own code.
   *
   * @param carrier the object that carries this hand-over
   */
  ThreadState enter(Object carrier) {
    ThreadState state = ThreadState.current();
    if (!made) {
      return state.enter(scope, trace);
    }
    Handover handedOver = ((Carriers.Carried<?>) carrier).takeHandover(state);
    if (handedOver != null) {
      return handedOver.enterAsHandedOver(state);
    }
    if (state.scope == scope || state.runsAsBody()
        || state.runsOwnWork() && !(scope.isOpen() && scope.isWithin(state.scope))) {
      return state.enter(state.scope, state.handedOverTrace);
    }
    return state.enter(scope, trace);
  }

  /** Enters this hand-over's scope, as a task kept as it is runs it. */
  public ThreadState enterAsHandedOver(ThreadState state) {
    return state.enter(scope, trace);
  }

  <T> T call(Callable<T> task) throws Exception {
    ThreadState state = enter();
    try {
      return task.call();
    } finally {
      state.leave();
    }
  }

  Runnable wrap(final Runnable task) {
    if (task instanceof Comparable) {
      // A pool on a priority queue orders its tasks: the wrapper must still compare as they do.
      return new ComparableTask(task);
    }
    return new Runnable() {
      @Override
      public void run() {
        runIn(task);
      }

      @Override
      public String toString() {
        return task.toString();
      }
    };
  }

  private void runIn(Runnable task) {
    ThreadState state = enter();
    try {
      task.run();
    } finally {
      state.leave();
    }
  }

  /** A wrapped task that compares as the task it wraps. */
  private final class ComparableTask implements Runnable, Comparable<Object> {
    private final Runnable task;

    ComparableTask(Runnable task) {
      this.task = task;
    }

    @Override
    public void run() {
      runIn(task);
    }

    @Override
    @SuppressWarnings("unchecked")
    public int compareTo(Object other) {
      Object unwrapped = other instanceof ComparableTask ? ((ComparableTask) other).task : other;
      return ((Comparable<Object>) task).compareTo(unwrapped);
    }

    @Override
    public String toString() {
      return task.toString();
    }
  }

  <V> Callable<V> wrap(final Callable<V> task) {
    return new Callable<V>() {
      @Override
      public V call() throws Exception {
        return Handover.this.call(task);
      }

      @Override
      public String toString() {
        return task.toString();
      }
    };
  }
}
