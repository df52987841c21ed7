package dev.trap.internal;

import dev.trap.MethodInfo;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * What the runtime keeps per thread: the opened scope it runs in, whether interceptor hooks run on
 * it, and the trapped call in progress. Inherited, so that a thread started within a scope runs
 * in that scope too; nothing else is inherited.
 */
final class ThreadState {

  private static final InheritableThreadLocal<ThreadState> CURRENT =
      new InheritableThreadLocal<ThreadState>() {
        @Override
        protected ThreadState initialValue() {
          return new ThreadState(null);
        }

        @Override
        protected ThreadState childValue(ThreadState parent) {
          ThreadState child = new ThreadState(parent.scope);
          child.handOverStarted(parent.callInProgress());
          return child;
        }
      };

  /** The innermost opened scope this thread runs in, or null; closed ones are skipped on use. */
  ScopeImpl scope;
  /** This thread's own scope, made on first use. */
  ScopeImpl threadScope;
  /** How deep this thread is in interceptor hooks: while above 0, its calls are not trapped. */
  int hooks;
  /** The trap whose next call runs its body without interceptors: set by {@code proceed}. */
  MethodSite bypass;
  /** The innermost trapped call in progress on this thread, or null. */
  Invocation call;
  /**
   * The call on another thread that started this thread, or handed it the task it runs: the
   * parent of its outermost calls in a trace. Weak: a pool's thread outlives the call.
   */
  private WeakReference<Invocation> handedOverBy;
  /** How deep this thread is in {@code Mock.globally}: while above 0, patches are global. */
  int globally;

  private ThreadState(ScopeImpl scope) {
    this.scope = scope;
  }

  static ThreadState current() {
    return CURRENT.get();
  }

  /** @return the call in progress here, or the one that handed this thread its work */
  Invocation callInProgress() {
    return call != null ? call : handedOverBy();
  }

  Invocation handedOverBy() {
    WeakReference<Invocation> by = handedOverBy;
    return by == null ? null : by.get();
  }

  /**
   * Runs the rest of a task handed over by {@code call}, until {@link #handOverEnded}.
   *
   * @return what to hand back to {@link #handOverEnded}
   */
  Object handOverStarted(Invocation by) {
    WeakReference<Invocation> before = handedOverBy;
    handedOverBy = by == null ? null : new WeakReference<Invocation>(by);
    return before;
  }

  @SuppressWarnings("unchecked")
  void handOverEnded(Object before) {
    handedOverBy = (WeakReference<Invocation>) before;
  }

  /**
   * @return the innermost open scope this thread runs in, as {@link #isIn} reckons it: its own,
   *     or the running test's when it runs in none or in that test's container only; or null
   */
  ScopeImpl effectiveScope() {
    ScopeImpl innermost = openScope();
    ScopeImpl home = Scopes.orphanHome();
    if (home != null && (innermost == null || innermost.isTest() && home.isWithin(innermost))) {
      return home;
    }
    return innermost;
  }

  /**
   * @return the traces of the scope this thread runs in and of the scopes it was opened in that
   *     record the method, innermost first; null if none
   */
  List<TraceSession> traceSessions(MethodInfo method) {
    List<TraceSession> sessions = null;
    for (ScopeImpl s = effectiveScope(); s != null; s = s.parent) {
      TraceSession session = s.trace;
      if (session != null && session.config.accepts(method)) {
        if (sessions == null) {
          sessions = new ArrayList<TraceSession>(1);
        }
        sessions.add(session);
      }
    }
    return sessions;
  }

  /**
   * @return true if this thread runs in {@code opened} or in a scope opened within it. A thread
   *     that runs in no open scope, or in a test's container only (a pool's thread started while
   *     the class's scope was open, say), runs in the test running within it, if there is one
   *     ({@link Scopes#orphanHome})
   */
  boolean isIn(ScopeImpl opened) {
    ScopeImpl innermost = null;
    for (ScopeImpl s = scope; s != null; s = s.parent) {
      if (s == opened) {
        return true;
      }
      if (innermost == null && s.isOpen()) {
        innermost = s;
      }
    }
    ScopeImpl home = Scopes.orphanHome();
    if (home != null && (innermost == null || innermost.isTest() && home.isWithin(innermost))) {
      return home.isWithin(opened);
    }
    return false;
  }

  /**
   * @return true if tests run side by side and this thread runs in none of them, only in no scope
   *     or in a container of {@code opened}: whether {@code opened}'s interceptors should see its
   *     calls cannot be told
   */
  boolean isAdrift(ScopeImpl opened) {
    if (!Scopes.testsSideBySide()) {
      return false;
    }
    ScopeImpl innermost = openScope();
    return innermost == null || innermost.isTest() && innermost != opened
        && opened.isWithin(innermost);
  }

  /** @return the innermost open scope this thread runs in, or null */
  ScopeImpl openScope() {
    ScopeImpl s = scope;
    while (s != null && !s.isOpen()) {
      s = s.parent;
    }
    return s;
  }
}
