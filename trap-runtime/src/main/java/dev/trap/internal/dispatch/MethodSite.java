package dev.trap.internal.dispatch;

import dev.trap.internal.scope.CarriedTasks;
import dev.trap.internal.scope.Handover;
import dev.trap.internal.scope.ScopeImpl;
import dev.trap.internal.scope.Scopes;
import dev.trap.internal.scope.ThreadState;
import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The trap of one woven method: its call site and the interceptions that apply to it.
 *
 * <p>The call site's target has two forms. <em>Idle</em>, while no interception applies: a
 * constant {@code null} that drops the arguments, which the JIT folds away. It is shared by all
 * traps of the same erased type, so linking a trap builds no method handle. <em>Armed</em>, once
 * an interception applies: a guard that asks, per call, whether an interception takes calls of the
 * calling thread ({@link #isTaken()}: its scope and a few field reads), and only then boxes the
 * arguments and enters the interceptors. The armed form is built on first use and kept.
 *
 * <p>Adding an interception arms the trap if it is idle; removing one changes only the array the
 * guard reads. A trap left armed with no interception goes back to idle at its next call. So
 * patching and unpatching the same method over and over retargets nothing, and a method no longer
 * patched runs idle again after one call.
 */
public final class MethodSite {

  private static final Interception[] NONE = new Interception[0];
  private static final MethodHandle IS_TAKEN;
  private static final MethodHandle ENTER;
  private static final ConcurrentHashMap<MethodType, MethodHandle> IDLE =
      new ConcurrentHashMap<MethodType, MethodHandle>();

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      IS_TAKEN = lookup.findVirtual(MethodSite.class, "isTaken",
          MethodType.methodType(boolean.class));
      ENTER = lookup.findVirtual(MethodSite.class, "enter",
          MethodType.methodType(Object.class, Object.class, Object[].class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final ClassTraps owner;
  private final WovenMethod method;
  private final MethodType type;
  private final MutableCallSite callSite;
  /** The interceptions that apply, in the order they were added. Written under this. */
  private volatile Interception[] interceptions = NONE;
  /** Guarded by this. */
  private boolean armed;
  private MethodHandle armedTarget;
  private MethodHandle body;
  private volatile boolean callInNoTestReported;
  /**
   * For the trap of a task's own run method: 0, none; 1, it takes the hand-over its task
   * carries, unless the thread calls it as its own code; 2, always ({@link CarriedTasks}).
   */
  private volatile int takesHandovers;

  MethodSite(ClassTraps owner, WovenMethod method, MethodType type) {
    this.owner = owner;
    this.method = method;
    this.type = type;
    this.callSite = new MutableCallSite(idle(type));
  }

  /** @return the idle target of a trap of this type, shared by all of them */
  static MethodHandle idle(MethodType type) {
    MethodHandle idle = IDLE.get(type);
    if (idle == null) {
      idle = MethodHandles.dropArguments(MethodHandles.constant(Object.class, null), 0,
          type.parameterList());
      MethodHandle raced = IDLE.putIfAbsent(type, idle);
      if (raced != null) {
        idle = raced;
      }
    }
    return idle;
  }

  WovenMethod method() {
    return method;
  }

  CallSite callSite() {
    return callSite;
  }

  synchronized void add(Interception interception) {
    Interception[] current = interceptions;
    if (Arrays.asList(current).contains(interception)) {
      return;
    }
    Interception[] next = Arrays.copyOf(current, current.length + 1);
    int i = next.length - 1;
    while (i > 0 && next[i - 1].order > interception.order) {
      next[i] = next[i - 1];
      i--;
    }
    next[i] = interception;
    interceptions = next;
    if (!armed) {
      armed = true;
      callSite.setTarget(armedTarget());
      MutableCallSite.syncAll(new MutableCallSite[] {callSite});
    }
  }

  /** Makes this trap take the hand-overs of its tasks ({@link CarriedTasks}); arms it. */
  synchronized void takeHandovers(boolean always) {
    takesHandovers = always ? 2 : 1;
    if (!armed) {
      armed = true;
      callSite.setTarget(armedTarget());
      MutableCallSite.syncAll(new MutableCallSite[] {callSite});
    }
  }

  /** @return true if the interception applies here; without the lock, for scans */
  boolean holds(Interception interception) {
    for (Interception held : interceptions) {
      if (held == interception) {
        return true;
      }
    }
    return false;
  }

  synchronized void remove(Interception interception) {
    Interception[] current = interceptions;
    int index = Arrays.asList(current).indexOf(interception);
    if (index < 0) {
      return;
    }
    Interception[] next = new Interception[current.length - 1];
    System.arraycopy(current, 0, next, 0, index);
    System.arraycopy(current, index + 1, next, index, next.length - index);
    interceptions = next.length == 0 ? NONE : next;
  }

  private synchronized void disarmIfUnused() {
    if (armed && interceptions.length == 0 && takesHandovers == 0) {
      armed = false;
      callSite.setTarget(idle(type));
    }
  }

  /** Lock held. */
  private MethodHandle armedTarget() {
    if (armedTarget == null) {
      MethodHandle enter = ENTER.bindTo(this);
      if (!method.takesReceiver()) {
        enter = MethodHandles.insertArguments(enter, 0, (Object) null);
      }
      int arguments = type.parameterCount() - (method.takesReceiver() ? 1 : 0);
      enter = enter.asCollector(Object[].class, arguments).asType(type);
      MethodHandle isTaken =
          MethodHandles.dropArguments(IS_TAKEN.bindTo(this), 0, type.parameterList());
      armedTarget = MethodHandles.guardWithTest(isTaken, enter, idle(type));
    }
    return armedTarget;
  }

  /**
   * The guard of the armed target, on every call: does an interception take calls of this thread?
   * Reads no thread-local unless an opened scope has to be checked.
   */
  boolean isTaken() {
    if (takesHandovers != 0 && CarriedTasks.anyPending()) {
      return true;
    }
    Interception[] current = interceptions;
    if (current.length == 0) {
      disarmIfUnused();
      return false;
    }
    // Whether an interception is still being added is left to enter(): the guard must be cheap.
    Thread thread = Thread.currentThread();
    ScopeImpl effective = null;
    boolean looked = false;
    for (Interception interception : current) {
      if (interception.thread == thread || interception.kind == ScopeImpl.GLOBAL) {
        return true;
      }
      if (interception.kind == ScopeImpl.OPENED) {
        if (!looked) {
          effective = ThreadState.current().effectiveScope();
          looked = true;
        }
        if (effective != null && effective.isOpen() && effective.isWithin(interception.scope)) {
          return true;
        }
      }
    }
    if (looked) {
      reportUntaken(effective, thread);
    }
    return false;
  }

  /**
   * A call that an opened scope's interceptor wants but does not take: the work of a scope that
   * has ended, or of no test while tests run side by side. Either way it ran the real method, and
   * Trap says so.
   */
  void reportUntaken(ScopeImpl effective, Thread thread) {
    if (effective != null && !effective.isOpen()) {
      Reports.leftover(this, thread, effective);
    } else if (Scopes.testsSideBySide()
        && (effective == null || effective.isContainer())) {
      Reports.callInNoTest(this, thread);
    }
  }

  /** @return true the first time only */
  boolean firstCallInNoTest() {
    if (callInNoTestReported) {
      return false;
    }
    callInNoTestReported = true;
    return true;
  }

  /** @return the call's state, or null if no interceptor takes this call */
  Object enter(Object receiver, Object[] arguments) {
    ThreadState state = ThreadState.current();
    if (state.hooks > 0) {
      return null;
    }
    if (state.bypass == this) {
      state.bypass = null;
      return null;
    }
    if (receiver == null && method.takesReceiver()) {
      // A call on null: it fails as the call would, with no interceptor in between.
      return null;
    }
    ThreadState entered = null;
    if (takesHandovers != 0) {
      // The task's run enters the scope it was handed over in, which chooses the interceptors.
      Handover handover = CarriedTasks.take(receiver, state, takesHandovers == 2);
      entered = handover == null ? null : handover.enterAsHandedOver(state);
    }
    Interception[] chain = takers(state);
    if (chain == null) {
      if (entered == null) {
        return null;
      }
      if (interceptions.length > 0) {
        reportUntaken(state.effectiveScope(), Thread.currentThread());
      }
      chain = NONE;
    }
    Invocation invocation = new Invocation(this, receiver, arguments, chain, state, entered);
    invocation.start();
    return invocation;
  }

  /** @return the interceptions that take this call, or null; the array is not to be written */
  private Interception[] takers(ThreadState state) {
    Interception[] current = interceptions;
    Thread thread = Thread.currentThread();
    int taking = 0;
    for (Interception interception : current) {
      if (interception.takes(thread, state)) {
        taking++;
      }
    }
    if (taking == current.length || taking == 0) {
      // Arrays in interceptions are never written once published: the common case shares it.
      return taking == 0 ? null : current;
    }
    Interception[] takers = new Interception[taking];
    int i = 0;
    for (Interception interception : current) {
      if (interception.takes(thread, state)) {
        takers[i++] = interception;
      }
    }
    return takers;
  }

  /**
   * @return the method's body as {@code (Object receiver, Object[] arguments)Object}, called
   *     without virtual dispatch, as the woven class itself would call it; for a call site's
   *     trap, the called method, with the call's own dispatch
   */
  synchronized MethodHandle body() throws ReflectiveOperationException {
    if (body == null) {
      MethodHandles.Lookup lookup = owner.lookup();
      Class<?> declaring = method.declaringClass();
      MethodType methodType = method.type();
      MethodHandle handle;
      if (method.callKind() == 'f') {
        handle = lookup.findStaticGetter(declaring, method.name(), methodType.returnType());
      } else if (method.callKind() == 'n') {
        handle = lookup.findConstructor(declaring, methodType.changeReturnType(void.class));
      } else if (method.isStatic()) {
        handle = lookup.findStatic(declaring, method.name(), methodType);
      } else if (method.callKind() != 0) {
        // A call site's body is the call: dispatched as the call was.
        handle = lookup.findVirtual(declaring, method.name(), methodType);
      } else {
        handle = lookup.findSpecial(declaring, method.name(), methodType, declaring);
      }
      handle = handle.asSpreader(Object[].class, methodType.parameterCount());
      if (!method.takesReceiver()) {
        handle = MethodHandles.dropArguments(handle, 0, Object.class);
      }
      body = handle.asType(MethodType.methodType(Object.class, Object.class, Object[].class));
    }
    return body;
  }

  @Override
  public String toString() {
    return "trap of " + method;
  }
}
