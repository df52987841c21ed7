package dev.trap.internal.scope;

import dev.trap.MethodInfo;
import dev.trap.internal.dispatch.Invocation;
import dev.trap.internal.dispatch.MethodSite;
import dev.trap.internal.trace.TraceRecorder;
import dev.trap.internal.trace.TraceSession;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * What the runtime keeps per thread: the scope of the work the thread runs, whether interceptor
 * hooks run on it, and the trapped call in progress.
 *
 * <p>A scope belongs to work, not to a thread. A thread runs in the scope it <em>entered</em>:
 * its test's (entered by the test framework's listener), one it opened, or the one a task or
 * lambda handed to it carries, for as long as that work runs ({@link #enter}, {@link #leave}).
 * Outside such work it runs in the scope it <em>inherited</em>: a thread started within a scope
 * is that scope's work for its whole run, as its {@code run()} is what was handed over. A JDK
 * pool's worker thread (of a {@code ThreadPoolExecutor}, a {@code ForkJoinPool} or a
 * {@code Timer}) is no one's work: it runs tasks, which carry their own scopes, so it inherits
 * nothing from the thread that happened to make it. Such a thread is recognized where it is
 * made ({@link PoolThreads}), whatever thread factory wraps it.
 *
 * <p>The state is held through an {@link InheritableThreadLocal} whose value is a one-element
 * {@code Object[]}, a JDK type, registered weakly here: when the last test plan ends,
 * {@link #releaseAll()} empties every holder, so that no long-lived thread (a common pool's, a
 * build tool's) keeps the runtime's classes, and with them the test class loader, reachable.
 */
public final class ThreadState {

  /** Holders of every thread's state, weakly; guarded by itself. */
  private static final Set<WeakReference<Object[]>> HOLDERS = new HashSet<WeakReference<Object[]>>();
  private static final ReferenceQueue<Object[]> GONE = new ReferenceQueue<Object[]>();

  private static final InheritableThreadLocal<Object[]> CURRENT =
      new InheritableThreadLocal<Object[]>() {
        @Override
        protected Object[] childValue(Object[] parentHolder) {
          ThreadState parent = parentHolder == null ? null : (ThreadState) parentHolder[0];
          return hold(parent == null ? new ThreadState() : parent.forChild());
        }
      };

  /** The scope this thread entered and runs the work of now, or null. */
  ScopeImpl scope;
  /**
   * The scope this thread was started within, its work whenever it runs in no entered scope; or
   * null. Fixed once the thread is known not to be a pool's worker.
   */
  ScopeImpl inheritedScope;
  /** True until the first use on the thread has checked whether it is a fork-join worker. */
  private boolean unclassified;
  /** Whether the first carrier run on this thread was checked for being its body. */
  private boolean bodyChecked;
  /** This thread's own scope, made on first use. */
  ScopeImpl threadScope;
  /** How deep this thread is in interceptor hooks: while above 0, its calls are not trapped. */
  public int hooks;
  /** The trap whose next call runs its body without interceptors: set by {@code proceed}. */
  public MethodSite bypass;
  /** The innermost trapped call in progress on this thread, or null. */
  public Invocation call;
  /**
   * Where the work this thread runs was handed over, in the traces: the trace node (or nodes) of
   * the call that handed it over, the parent of the work's outermost calls. Trace nodes hold
   * rendered text only, so no argument of that call stays reachable through them.
   */
  public Object handedOverTrace;
  /** How deep this thread is in {@code Mock.globally}: while above 0, patches are global. */
  public int globally;
  /** What {@link #enter} replaced, to put back on {@link #leave}. */
  private ScopeImpl[] enteredBefore = new ScopeImpl[4];
  private Object[] tracesBefore = new Object[4];
  private int depth;

  private ThreadState() {
  }

  public static ThreadState current() {
    Object[] holder = CURRENT.get();
    ThreadState state = holder == null ? null : (ThreadState) holder[0];
    if (state == null) {
      state = new ThreadState();
      CURRENT.set(hold(state));
    } else if (state.unclassified) {
      state.classify();
    }
    return state;
  }

  private static Object[] hold(ThreadState state) {
    Object[] holder = new Object[] {state};
    synchronized (HOLDERS) {
      for (Object gone = GONE.poll(); gone != null; gone = GONE.poll()) {
        HOLDERS.remove(gone);
      }
      HOLDERS.add(new WeakReference<Object[]>(holder, GONE));
    }
    return holder;
  }

  /**
   * Forgets the state of every thread, so that no thread keeps the runtime reachable. For the end
   * of the last test plan: threads that go on afterwards start again with no scope.
   */
  static void releaseAll() {
    List<Object[]> holders = new ArrayList<Object[]>();
    synchronized (HOLDERS) {
      for (WeakReference<Object[]> reference : HOLDERS) {
        Object[] holder = reference.get();
        if (holder != null) {
          holders.add(holder);
        }
      }
      HOLDERS.clear();
    }
    for (Object[] holder : holders) {
      holder[0] = null;
    }
  }

  /** @return the state of a thread being started by this one: within the scope of its work */
  private ThreadState forChild() {
    ThreadState child = new ThreadState();
    ScopeImpl work = work();
    if (work != null && !PoolThreads.isMakingOne()) {
      child.inheritedScope = work;
      child.unclassified = true;
      child.handedOverTrace = TraceRecorder.handoverParent(this);
    }
    return child;
  }

  /** A fork-join pool's worker runs tasks, each in its own scope: it inherits none. */
  private void classify() {
    unclassified = false;
    if (Thread.currentThread() instanceof ForkJoinWorkerThread) {
      inheritedScope = null;
      handedOverTrace = null;
    }
  }

  /**
   * @return true, once per thread, if the carrier about to run, the first on this thread, is the
   *     thread's body: called by {@code Thread.run} itself, as {@code new Thread(lambda)} makes
   *     it. Such a thread is the work of the scope it was started in, whatever the lambda was
   *     made in.
   */
  boolean runsAsBody() {
    if (depth > 0 || bodyChecked) {
      return false;
    }
    bodyChecked = true;
    StackTraceElement[] stack = new Throwable().getStackTrace();
    for (int i = 0; i < stack.length - 1; i++) {
      if (stack[i].getClassName().startsWith(Carriers.class.getName() + "$Carried")) {
        String caller = stack[i + 1].getClassName();
        return caller.equals("java.lang.Thread") || caller.equals("java.lang.VirtualThread");
      }
    }
    return false;
  }

  /** @return the scope of the work this thread runs: entered, else inherited; or null */
  ScopeImpl work() {
    return scope != null ? scope : inheritedScope;
  }

  /**
   * Makes this thread run the work of another scope, until {@link #leave()}: a task or lambda
   * handed over from elsewhere, or a test started on it.
   *
   * @param entered the scope, or null for none
   * @param trace where the work was handed over in traces, or null
   * @return this, to hand to {@link #leave()}
   */
  ThreadState enter(ScopeImpl entered, Object trace) {
    if (depth == enteredBefore.length) {
      enteredBefore = java.util.Arrays.copyOf(enteredBefore, depth * 2);
      tracesBefore = java.util.Arrays.copyOf(tracesBefore, depth * 2);
    }
    enteredBefore[depth] = scope;
    tracesBefore[depth] = handedOverTrace;
    depth++;
    scope = entered;
    handedOverTrace = trace;
    return this;
  }

  /** Puts back what the matching {@link #enter} replaced. */
  public void leave() {
    depth--;
    scope = enteredBefore[depth];
    handedOverTrace = tracesBefore[depth];
    enteredBefore[depth] = null;
    tracesBefore[depth] = null;
  }

  /**
   * @return true if this thread runs the work of an open scope that a lambda made elsewhere must
   *     not take it out of: a test's or a scope it opened, entered and not merely inherited, and
   *     no test container's, which tests run within
   */
  boolean runsOwnWork() {
    ScopeImpl entered = scope;
    return entered != null && entered.isOpen() && !entered.isContainer();
  }

  /**
   * @return the scope whose interceptors take this thread's calls: its work's, or for a thread
   *     whose work is in no scope or in a test container only, the test running within it while
   *     tests run one at a time ({@link Scopes#orphanHome}); null if none. A closed scope is
   *     returned as it is: its work is a leftover, which no opened scope's interceptor takes
   */
  public ScopeImpl effectiveScope() {
    ScopeImpl work = work();
    if (work == null || work.isOpen() && work.isByFramework()) {
      ScopeImpl home = Scopes.orphanHome();
      if (home != null && (work == null || home.isWithin(work))) {
        return home;
      }
    }
    return work;
  }

  /**
   * @return the traces of the scope this thread runs in and of the scopes it was opened in that
   *     record the method, innermost first; null if none
   */
  public List<TraceSession> traceSessions(MethodInfo method) {
    List<TraceSession> sessions = null;
    ScopeImpl effective = effectiveScope();
    if (effective == null || !effective.isOpen()) {
      return null;
    }
    for (ScopeImpl s = effective; s != null; s = s.parent) {
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

  /** @return true if this thread's calls are within {@code opened}, which is open */
  public boolean isIn(ScopeImpl opened) {
    ScopeImpl effective = effectiveScope();
    return effective != null && effective.isOpen() && effective.isWithin(opened);
  }
}
