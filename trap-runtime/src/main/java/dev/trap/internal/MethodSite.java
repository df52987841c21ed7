package dev.trap.internal;

import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The trap of one woven method: its call site and the interceptions that apply to it.
 *
 * <p>The call site's target is the whole fast path, rebuilt whenever the interceptions change.
 * While none applies it is a constant {@code null} that drops the arguments, which the JIT folds
 * away. While only thread interceptions apply, it compares the current thread with each of their
 * threads, bound into the target as constants, and boxes the arguments only on a match: calls on
 * other threads pay one compare, with no ThreadLocal and no memory read. A global interception
 * makes the target enter the interceptors on every call.
 */
final class MethodSite {

  private static final Interception[] NONE = new Interception[0];
  private static final MethodHandle IS_CURRENT_THREAD;
  private static final MethodHandle ENTER;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      IS_CURRENT_THREAD = lookup.findStatic(MethodSite.class, "isCurrentThread",
          MethodType.methodType(boolean.class, Thread.class));
      ENTER = lookup.findVirtual(MethodSite.class, "enter",
          MethodType.methodType(Object.class, Object.class, Object[].class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final WovenMethod method;
  private final MutableCallSite callSite;
  private final MethodType type;
  private final MethodHandle idle;
  private final MethodHandle enter;
  private volatile Interception[] interceptions = NONE;

  MethodSite(WovenMethod method, MethodType type) {
    this.method = method;
    this.type = type;
    this.idle = MethodHandles.dropArguments(
        MethodHandles.constant(Object.class, null), 0, type.parameterList());
    MethodHandle enter = ENTER.bindTo(this);
    if (method.isStatic()) {
      enter = MethodHandles.insertArguments(enter, 0, (Object) null);
    }
    int arguments = type.parameterCount() - (method.isStatic() ? 0 : 1);
    this.enter = enter.asCollector(Object[].class, arguments).asType(type);
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
    retarget(next);
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
    retarget(next);
  }

  private void retarget(Interception[] applying) {
    callSite.setTarget(targetFor(applying));
    MutableCallSite.syncAll(new MutableCallSite[] {callSite});
  }

  private MethodHandle targetFor(Interception[] applying) {
    Set<Thread> threads = new LinkedHashSet<Thread>();
    for (Interception interception : applying) {
      if (interception.thread() == null) {
        return enter;
      }
      threads.add(interception.thread());
    }
    MethodHandle target = idle;
    for (Thread thread : threads) {
      MethodHandle isThread = MethodHandles.dropArguments(
          MethodHandles.insertArguments(IS_CURRENT_THREAD, 0, thread), 0, type.parameterList());
      target = MethodHandles.guardWithTest(isThread, enter, target);
    }
    return target;
  }

  private static boolean isCurrentThread(Thread expected) {
    return Thread.currentThread() == expected;
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
