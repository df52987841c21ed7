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
 * <p>The call site's target has three forms. <em>Idle</em>, while no interception applies: a
 * constant {@code null} that drops the arguments, which the JIT folds away. It is shared by all
 * traps of the same erased type, so linking a trap builds no method handle. <em>Armed</em>, once
 * an interception applies: a guard that asks, per call, whether an interception takes calls of the
 * calling thread ({@link #isTaken()}: its scope and a few field reads), and only then boxes the
 * arguments and enters the interceptors. The armed form is built on first use and kept.
 * <em>Direct</em>, while a method's only interceptor is a {@link DirectReplacement} (a patch)
 * that has taken {@value #DIRECT_AFTER} calls: a guard that checks the same, then calls the
 * replacement's function with the arguments as they are, and no {@code Call} is made; any
 * change of the interceptors goes back to the armed form.
 *
 * <p>Adding an interception arms the trap if it is idle; removing one changes only the array the
 * guard reads. A trap left armed with no interception goes back to idle at its next call. So
 * patching and unpatching the same method over and over retargets nothing, unless a patch takes
 * enough calls to go direct (and back, when it ends: two retargets, each of which makes the JIT
 * recompile the code that inlined the call), and a method no longer patched runs idle again after
 * one call.
 */
public final class MethodSite {

  private static final Interception[] NONE = new Interception[0];
  private static final MethodHandle IS_TAKEN;
  private static final MethodHandle ENTER;
  private static final MethodHandle TAKES_DIRECT;
  private static final MethodHandle TAKES_DIRECT_STATIC;
  private static final MethodHandle DECIDED;
  /**
   * How many calls a method's only interceptor takes through the general path before the trap
   * calls its {@link DirectReplacement} directly: a patch called a few times costs no method
   * handles to build, a busy one costs what calling its function costs.
   */
  static final int DIRECT_AFTER = 200;
  private static final ConcurrentHashMap<MethodType, MethodHandle> IDLE =
      new ConcurrentHashMap<MethodType, MethodHandle>();

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      IS_TAKEN = lookup.findVirtual(MethodSite.class, "isTaken",
          MethodType.methodType(boolean.class));
      ENTER = lookup.findVirtual(MethodSite.class, "enter",
          MethodType.methodType(Object.class, Object.class, Object[].class));
      TAKES_DIRECT = lookup.findVirtual(MethodSite.class, "takesDirect",
          MethodType.methodType(boolean.class, Interception[].class, Interception.class,
              Object.class));
      TAKES_DIRECT_STATIC = lookup.findVirtual(MethodSite.class, "takesDirect",
          MethodType.methodType(boolean.class, Interception[].class, Interception.class));
      DECIDED = lookup.findVirtual(MethodSite.class, "decided",
          MethodType.methodType(Object.class, Class.class, Object.class));
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
  /** The target that calls the only interceptor's function directly, while in use; or null. */
  private MethodHandle directTarget;
  /** Calls the general path took for the only interceptor since the interceptors changed. */
  private int generalCalls;
  /** The interceptors for which the direct target was tried, so that it is tried once. */
  private Interception[] directTried;
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
    leaveDirect();
    if (!armed) {
      armed = true;
      callSite.setTarget(armedTarget());
      MutableCallSite.syncAll(new MutableCallSite[] {callSite});
    }
  }

  /** Makes this trap take the hand-overs of its tasks ({@link CarriedTasks}); arms it. */
  synchronized void takeHandovers(boolean always) {
    takesHandovers = always ? 2 : 1;
    leaveDirect();
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
    leaveDirect();
  }

  /** Lock held: back to the general armed target, which checks everything anew. */
  private void leaveDirect() {
    generalCalls = 0;
    if (directTarget != null) {
      directTarget = null;
      if (armed) {
        callSite.setTarget(armedTarget());
      }
    }
  }

  /**
   * Lock held: calls the only interceptor's function directly from now on, where it is a
   * {@link DirectReplacement} that can be so called. The direct target's guard checks, per
   * call, all that the general path checks: that the interceptors are still these, that the
   * interceptor takes the call (its scope, the receiver), that no hook runs; else the general
   * path takes the call.
   */
  private synchronized void goDirect(Interception[] only) {
    if (interceptions != only) {
      // Changed meanwhile: the next call through the general path tries with the new ones.
      return;
    }
    directTried = only;
    if (directTarget != null || !armed || takesHandovers != 0
        || method.isConstructor()
        || !(only[0].interceptor() instanceof DirectReplacement)) {
      return;
    }
    MethodHandle replacement;
    try {
      replacement = ((DirectReplacement) only[0].interceptor()).directHandle(method, type);
    } catch (RuntimeException e) {
      replacement = null;
    }
    if (replacement == null) {
      return;
    }
    // Bound into the handles, the constants fold away in compiled code.
    MethodHandle test;
    if (method.takesReceiver()) {
      test = MethodHandles.dropArguments(MethodHandles.insertArguments(TAKES_DIRECT, 0, this,
          only, only[0]).asType(MethodType.methodType(boolean.class, type.parameterType(0))),
          1, type.parameterList().subList(1, type.parameterCount()));
    } else {
      test = MethodHandles.dropArguments(
          MethodHandles.insertArguments(TAKES_DIRECT_STATIC, 0, this, only, only[0]), 0,
          type.parameterList());
    }
    Class<?> returnType = method.returnType();
    MethodHandle decided = MethodHandles.insertArguments(DECIDED, 0, this,
        returnType.isPrimitive() && returnType != void.class
            ? MethodType.methodType(returnType).wrap().returnType() : returnType);
    directTarget = MethodHandles.guardWithTest(test,
        MethodHandles.filterReturnValue(replacement, decided), armedTarget());
    callSite.setTarget(directTarget);
  }

  /** The guard of the direct target of an instance method: does every check pass? */
  boolean takesDirect(Interception[] only, Interception interception, Object receiver) {
    return receiver != null && takesDirect(only, interception)
        && ((DirectReplacement) interception.interceptor()).takesReceiver(receiver);
  }

  /** The guard of the direct target of a static method: does every check pass? */
  boolean takesDirect(Interception[] only, Interception interception) {
    if (interceptions != only) {
      return false;
    }
    ThreadState state = ThreadState.current();
    return state.hooks == 0 && state.bypass != this && interception.takes(state);
  }

  /**
   * @param type the method's return type, boxed for a primitive one
   * @return the function's result as the outcome of the call, checked as {@code returnWith}
   */
  Object decided(Class<?> type, Object value) {
    boolean fits = type == void.class ? value == null
        : value == null ? !method.returnType().isPrimitive() : type.isInstance(value);
    if (!fits) {
      throw new IllegalArgumentException("Cannot return " + Types.describe(value) + " from "
          + method + ", which returns " + method.returnType().getName());
    }
    return new Decided(value);
  }

  private synchronized void disarmIfUnused() {
    if (armed && interceptions.length == 0 && takesHandovers == 0) {
      armed = false;
      directTarget = null;
      callSite.setTarget(idle(type));
    }
  }

  /** Lock held. */
  private MethodHandle armedTarget() {
    if (armedTarget == null) {
      armedTarget = armed(this, method.takesReceiver(), type);
    }
    return armedTarget;
  }

  /**
   * @param site the trap, or null for a target of the same shape that is never called, which
   *     makes the JDK generate the code of that shape ahead of the first real one
   *     ({@link Warmup})
   * @return the armed target of a trap of that type
   */
  static MethodHandle armed(MethodSite site, boolean takesReceiver, MethodType type) {
    MethodHandle enter = ENTER.bindTo(site);
    if (!takesReceiver) {
      enter = MethodHandles.insertArguments(enter, 0, (Object) null);
    }
    int arguments = type.parameterCount() - (takesReceiver ? 1 : 0);
    enter = enter.asCollector(Object[].class, arguments).asType(type);
    // A guard may take fewer arguments than the target: this one takes none.
    return MethodHandles.guardWithTest(IS_TAKEN.bindTo(site), enter, idle(type));
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
    if (chain.length == 1 && entered == null && chain == interceptions
        && ++generalCalls >= DIRECT_AFTER && directTried != chain) {
      goDirect(chain);
    }
    Invocation invocation = new Invocation(this, receiver, arguments, chain, state, entered);
    invocation.start();
    return invocation;
  }

  /**
   * @return the interceptions that take this call, or null; the array is not to be written.
   *     Each interception is asked once: another thread may change what it takes meanwhile
   *     (a patch closed, an interceptor activated), and the answers must agree with one another.
   */
  private Interception[] takers(ThreadState state) {
    Interception[] current = interceptions;
    Thread thread = Thread.currentThread();
    Interception[] some = null;
    int taking = 0;
    for (int i = 0; i < current.length; i++) {
      if (current[i].takes(thread, state)) {
        if (some != null) {
          some[taking] = current[i];
        }
        taking++;
      } else if (some == null) {
        // The first that does not take: all before it did.
        some = new Interception[current.length];
        System.arraycopy(current, 0, some, 0, taking);
      }
    }
    if (taking == 0) {
      return null;
    }
    if (some == null) {
      // Arrays in interceptions are never written once published: the common case shares it.
      return current;
    }
    return taking == some.length ? some : Arrays.copyOf(some, taking);
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
