package dev.trap.internal.scope;

import dev.trap.Scope;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@link Scope}'s static methods do, and the scopes of running tests. Not an API.
 *
 * <p>Tests: a test framework's listener opens a scope per test and container with
 * {@link #openTest}. A thread whose work is in no scope, or in a test container only (a pool's
 * thread running a task no one handed over in a scope, say), runs in the innermost running
 * test's scope, as long as the running tests form one chain (a class and its method, one at a
 * time). Tests running side by side leave such a thread in no test; a trap armed for a test's
 * scope reports when that happens.
 */
public final class Scopes {

  private static final ScopeImpl GLOBAL = ScopeImpl.global();
  /** The test scopes open now. Guarded by the class. */
  private static final Set<ScopeImpl> RUNNING = new LinkedHashSet<ScopeImpl>();
  private static volatile ScopeImpl orphanHome;
  private static volatile boolean testsSideBySide;
  /** Whether tests ran side by side at some time during the test plans that run now. */
  private static volatile boolean ranSideBySide;
  /**
   * How many opened scopes are open: while none is, work has no scope to carry, and woven code
   * that hands work over or makes a lambda learns so from this field alone.
   */
  private static volatile int open;
  /** How many test plans run now. Guarded by the class. */
  private static int plans;

  private Scopes() {
  }

  /** @return the global scope */
  public static Scope global() {
    return GLOBAL;
  }

  /** @return the current thread's own scope */
  public static Scope currentThread() {
    ThreadState state = ThreadState.current();
    if (state.threadScope == null) {
      state.threadScope = ScopeImpl.ofThread(Thread.currentThread());
    }
    return state.threadScope;
  }

  /**
   * @return the innermost open scope the current thread runs in: its work's, or the running
   *     test's for a thread whose work is in no scope or in that test's container only; or null,
   *     also for the work of a scope that has closed
   */
  public static Scope current() {
    ScopeImpl effective = ThreadState.current().effectiveScope();
    return effective != null && effective.isOpen() ? effective : null;
  }

  /**
   * @param name the scope's name
   * @return a new scope within the current one, entered on the current thread until closed
   */
  public static Scope open(String name) {
    ThreadState state = ThreadState.current();
    ScopeImpl scope = ScopeImpl.opened(name, state.effectiveScope(), false, false);
    scope.enteredOnOpen(state.scope);
    state.scope = scope;
    return scope;
  }

  /**
   * Opens the scope of a test or test container, not entered on any thread yet.
   *
   * @param name the test's name
   * @param parent the scope of the container it runs in, or null
   * @param container true for a container's, such as a test class's
   * @return the scope; closing it ends the test's scope
   */
  public static Scope openTest(String name, Scope parent, boolean container) {
    ScopeImpl scope = ScopeImpl.opened(name, (ScopeImpl) parent, true, container);
    synchronized (Scopes.class) {
      RUNNING.add(scope);
      findOrphanHome();
    }
    return scope;
  }

  /**
   * Opens the scope of a test, not entered on any thread yet.
   *
   * @param name the test's name
   * @param parent the scope of the container it runs in, or null
   * @return the scope; closing it ends the test's scope
   */
  public static Scope openTest(String name, Scope parent) {
    return openTest(name, parent, false);
  }

  /**
   * Makes the current thread run in a scope.
   *
   * @param scope the scope, or null for none
   * @return the scope it ran in before, to enter again later
   */
  public static Scope enter(Scope scope) {
    ThreadState state = ThreadState.current();
    ScopeImpl before = state.scope;
    state.scope = (ScopeImpl) scope;
    return before;
  }

  /** A test plan starts. */
  public static synchronized void planStarted() {
    if (plans++ == 0) {
      ranSideBySide = false;
    }
  }

  /** @return true if tests ran side by side at some time since the test plans started */
  public static boolean ranSideBySide() {
    return ranSideBySide;
  }

  /**
   * A test plan ended: when no other runs, no thread keeps state of the runtime, so that the
   * runtime and the classes it wove can be unloaded with the tests' class loader.
   */
  public static void planFinished() {
    synchronized (Scopes.class) {
      if (--plans > 0) {
        return;
      }
      plans = 0;
    }
    ThreadState.releaseAll();
  }

  /** @return true while some opened scope is open: then work may have a scope to carry */
  static boolean anyOpen() {
    return open > 0;
  }

  static synchronized void opened() {
    open++;
  }

  static void closed(ScopeImpl scope) {
    synchronized (Scopes.class) {
      open--;
      if (RUNNING.remove(scope)) {
        findOrphanHome();
      }
    }
  }

  /** Lock held. */
  private static void findOrphanHome() {
    ScopeImpl innermost = null;
    for (ScopeImpl running : RUNNING) {
      if (innermost == null || running.isWithin(innermost)) {
        innermost = running;
      }
    }
    List<ScopeImpl> offChain = new ArrayList<ScopeImpl>();
    for (ScopeImpl running : RUNNING) {
      if (!innermost.isWithin(running)) {
        offChain.add(running);
      }
    }
    testsSideBySide = !offChain.isEmpty();
    ranSideBySide |= testsSideBySide;
    orphanHome = offChain.isEmpty() ? innermost : null;
  }

  /** @return the scope a thread whose work is in no open scope runs in, or null */
  static ScopeImpl orphanHome() {
    return orphanHome;
  }

  /** @return true while tests run side by side, so that a thread in no scope is in no test */
  public static boolean testsSideBySide() {
    return testsSideBySide;
  }
}
