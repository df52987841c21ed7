package dev.trap.internal.dispatch;

import dev.trap.Interceptor;
import dev.trap.MethodInfo;
import dev.trap.Registration;
import dev.trap.Scope;
import dev.trap.Target;
import dev.trap.internal.scope.ScopeImpl;
import dev.trap.internal.scope.ThreadState;

/** An added interceptor: its scope, its target, its place in the order of pre hooks. */
public final class Interception implements Registration {

  /** Being added: armed traps hold it, but it takes no call until the add has succeeded. */
  static final int PENDING = 0;
  static final int ACTIVE = 1;
  static final int CLOSED = 2;

  private final Interceptor interceptor;
  final ScopeImpl scope;
  /** The scope's kind and thread, copied here for the armed trap's guard: one load less. */
  final int kind;
  final Thread thread;
  final Target target;
  final long order;
  volatile int state = PENDING;
  private volatile boolean appliesToFailureReported;

  Interception(Interceptor interceptor, ScopeImpl scope, Target target, long order) {
    this.interceptor = interceptor;
    this.scope = scope;
    this.kind = scope.kind;
    this.thread = scope.thread;
    this.target = target;
    this.order = order;
  }

  /**
   * Asks the interceptor while it is being added: an exception fails the add.
   *
   * @throws IllegalStateException if {@code appliesTo} throws
   */
  boolean appliesToOrFail(MethodInfo method) {
    try {
      return askAppliesTo(method);
    } catch (RuntimeException e) {
      throw appliesToFailed(method, e);
    } catch (Error e) {
      if (e instanceof VirtualMachineError) {
        throw e;
      }
      throw appliesToFailed(method, e);
    }
  }

  private IllegalStateException appliesToFailed(MethodInfo method, Throwable e) {
    return new IllegalStateException("Interceptor " + interceptor + " threw from appliesTo("
        + method + "), so it was not added. appliesTo must not throw: make it return false for"
        + " the methods it cannot judge.", e);
  }

  /**
   * Asks the interceptor when a method is linked: an exception must not fail the linking, which
   * the JVM would remember for the life of the class, so it counts as "does not apply" and is
   * reported once.
   */
  boolean appliesToWhileLinking(MethodInfo method) {
    try {
      return askAppliesTo(method);
    } catch (Throwable e) {
      if (e instanceof VirtualMachineError) {
        throw (VirtualMachineError) e;
      }
      if (!appliesToFailureReported) {
        appliesToFailureReported = true;
        Reports.warn("Interceptor " + interceptor + " threw from appliesTo(" + method + ") when"
            + " the method was first called. It does not apply to that method, and the call goes"
            + " on. appliesTo must not throw: make it return false for the methods it cannot"
            + " judge. Further failures of this interceptor are not reported.", e);
      }
      return false;
    }
  }

  /**
   * Calls into woven code from appliesTo are the interceptor's own, and must not be trapped: the
   * callers ask with {@link ThreadState#hooks} raised, once for all the methods they ask about.
   */
  private boolean askAppliesTo(MethodInfo method) {
    return target.contains(method) && interceptor.appliesTo(method);
  }

  /** @return true if this interception takes calls made on {@code current} */
  boolean takes(Thread current, ThreadState threadState) {
    return state == ACTIVE && scope.covers(current, threadState);
  }

  /** @return true if this interception takes calls made on the current thread */
  boolean takes(ThreadState threadState) {
    return state == ACTIVE && (kind == ScopeImpl.GLOBAL || thread == Thread.currentThread()
        || kind == ScopeImpl.OPENED && threadState.isIn(scope));
  }

  @Override
  public Interceptor interceptor() {
    return interceptor;
  }

  @Override
  public Scope scope() {
    return scope;
  }

  @Override
  public boolean isActive() {
    return state != CLOSED;
  }

  /** @return true if the add succeeded, false if it was closed meanwhile */
  synchronized boolean activate() {
    if (state != PENDING) {
      return false;
    }
    state = ACTIVE;
    return true;
  }

  @Override
  public void close() {
    synchronized (this) {
      if (state == CLOSED) {
        return;
      }
      state = CLOSED;
    }
    Registry.remove(this);
    scope.unregister(this);
  }

  @Override
  public String toString() {
    return "Registration of " + interceptor + " in " + scope + (state == CLOSED ? " (closed)" : "");
  }
}
