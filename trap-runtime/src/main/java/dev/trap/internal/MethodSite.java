package dev.trap.internal;

import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.util.Arrays;

/**
 * The trap of one woven method: its call site and the interceptions that apply to it.
 *
 * <p>The call site's target is the whole fast path. While no interception applies it is a
 * constant {@code null} that drops the arguments, which the JIT folds away. When some apply, it
 * is a guard that first asks whether any of them covers the current thread, and only then boxes
 * the arguments and enters the interceptors.
 */
final class MethodSite {

  private static final Interception[] NONE = new Interception[0];
  private static final MethodHandle COVERS_CURRENT_THREAD;
  private static final MethodHandle ENTER;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      COVERS_CURRENT_THREAD = lookup.findVirtual(MethodSite.class, "coversCurrentThread",
          MethodType.methodType(boolean.class));
      ENTER = lookup.findVirtual(MethodSite.class, "enter",
          MethodType.methodType(Object.class, Object.class, Object[].class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final WovenMethod method;
  private final MutableCallSite callSite;
  private final MethodHandle idle;
  private final MethodHandle armed;
  private volatile Interception[] interceptions = NONE;

  MethodSite(WovenMethod method, MethodType type) {
    this.method = method;
    this.idle = MethodHandles.dropArguments(
        MethodHandles.constant(Object.class, null), 0, type.parameterList());
    MethodHandle enter = ENTER.bindTo(this);
    if (method.isStatic()) {
      enter = MethodHandles.insertArguments(enter, 0, (Object) null);
    }
    int arguments = type.parameterCount() - (method.isStatic() ? 0 : 1);
    enter = enter.asCollector(Object[].class, arguments).asType(type);
    MethodHandle test = MethodHandles.dropArguments(
        COVERS_CURRENT_THREAD.bindTo(this), 0, type.parameterList());
    this.armed = MethodHandles.guardWithTest(test, enter, idle);
    this.callSite = new MutableCallSite(idle);
  }

  WovenMethod method() {
    return method;
  }

  CallSite callSite() {
    return callSite;
  }

  /** Called with the registry's lock held. */
  void add(Interception interception) {
    Interception[] current = interceptions;
    Interception[] next = Arrays.copyOf(current, current.length + 1);
    int i = next.length - 1;
    while (i > 0 && next[i - 1].order() > interception.order()) {
      next[i] = next[i - 1];
      i--;
    }
    next[i] = interception;
    interceptions = next;
    if (current.length == 0) {
      retarget(armed);
    }
  }

  /** Called with the registry's lock held. */
  void remove(Interception interception) {
    Interception[] current = interceptions;
    int index = Arrays.asList(current).indexOf(interception);
    if (index < 0) {
      return;
    }
    Interception[] next = new Interception[current.length - 1];
    System.arraycopy(current, 0, next, 0, index);
    System.arraycopy(current, index + 1, next, index, next.length - index);
    interceptions = next.length == 0 ? NONE : next;
    if (next.length == 0) {
      retarget(idle);
    }
  }

  private void retarget(MethodHandle target) {
    callSite.setTarget(target);
    MutableCallSite.syncAll(new MutableCallSite[] {callSite});
  }

  /** The guard of the armed target: no ThreadLocal, no allocation. */
  boolean coversCurrentThread() {
    Interception[] current = interceptions;
    if (current.length == 0) {
      return false;
    }
    Thread thread = Thread.currentThread();
    for (Interception interception : current) {
      if (interception.covers(thread)) {
        return true;
      }
    }
    return false;
  }

  /** @return the call's state, or null if no interceptor takes this call */
  Object enter(Object receiver, Object[] arguments) {
    ThreadState state = ThreadState.current();
    if (state.isDispatching()) {
      return null;
    }
    Interception[] current = interceptions;
    Thread thread = Thread.currentThread();
    int covering = 0;
    for (Interception interception : current) {
      if (interception.covers(thread)) {
        covering++;
      }
    }
    if (covering == 0) {
      return null;
    }
    Interception[] chain = new Interception[covering];
    int i = 0;
    for (Interception interception : current) {
      if (interception.covers(thread)) {
        chain[i++] = interception;
      }
    }
    Invocation invocation = new Invocation(method, receiver, arguments, chain, state);
    invocation.start();
    return invocation;
  }
}
