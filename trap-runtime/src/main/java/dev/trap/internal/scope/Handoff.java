package dev.trap.internal.scope;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TimerTask;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinTask;
import java.util.stream.BaseStream;

/**
 * Links the calls by which woven code hands work to code that may run it on other threads: an
 * executor's {@code execute}, {@code submit}, {@code invokeAll} or {@code schedule}, a
 * {@code CompletableFuture}'s stages, a parallel stream's operations, a fork-join task's
 * {@code fork}, a {@code Timer}'s {@code schedule}, and the like. The weaver turns each such call
 * into an {@code invokedynamic} linked here ({@code dev.trap.weaver.internal.HandoffAdapter}),
 * which makes the same call with the work carrying the caller's scope, captured at the call:
 * whoever runs it, it runs as the caller's work. Outside any scope the work is handed over as it
 * is.
 *
 * <p>Carrying must not change what user code can observe of its own tasks. So a functional
 * object is wrapped ({@link Carriers}) only where the receiver keeps it to itself: a stream or a
 * {@code CompletableFuture} never hands it back, nor does a JDK executor's {@code submit}, which
 * wraps the task in one of its own. Where the receiver keeps the task itself (an executor's
 * {@code execute}, any {@code submit} of an executor of another class, a fork-join task, a timer
 * task), the scope rides on the task instead ({@link CarriedTasks}).
 *
 * <p>Not an API: only woven code may call it.
 */
public final class Handoff {

  /** Wraps every functional parameter: the receiver keeps them to itself. */
  public static final int WRAP = 0;
  /** Carries the tasks in place: the receiver keeps them where user code may see them. */
  public static final int IN_PLACE = 1;
  /** WRAP for a receiver of the JDK's own classes, which wraps its tasks; else IN_PLACE. */
  public static final int BY_RECEIVER = 2;
  /** WRAP while the receiver, a stream, is parallel; a sequential stream runs on the caller. */
  public static final int WHEN_PARALLEL = 3;

  private static final MethodHandle IN_PLACE_FILTER;
  private static final MethodHandle CARRY_CALLABLES;
  private static final MethodHandle OF_JDK;
  private static final MethodHandle IS_PARALLEL;
  private static final MethodHandle IS_CARRIED;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      IN_PLACE_FILTER = lookup.findStatic(CarriedTasks.class, "carry",
          MethodType.methodType(Object.class, Object.class));
      CARRY_CALLABLES = lookup.findStatic(Handoff.class, "carryCallables",
          MethodType.methodType(Collection.class, Collection.class));
      OF_JDK = lookup.findStatic(Handoff.class, "ofJdk",
          MethodType.methodType(boolean.class, Object.class));
      IS_PARALLEL = lookup.findStatic(Handoff.class, "isParallel",
          MethodType.methodType(boolean.class, Object.class));
      IS_CARRIED = lookup.findStatic(Carriers.class, "isCarried",
          MethodType.methodType(boolean.class, Object.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private Handoff() {
  }

  /**
   * Links one call that hands work over. It must not fail for want of something to carry: a
   * method with nothing this runtime carries is linked as it is.
   *
   * @param lookup the woven class's lookup
   * @param name the called method's name, for the JVM's messages
   * @param type the call's type: the receiver, if any, then the method's parameters
   * @param method the called method, as the call resolved it
   * @param policy {@link #WRAP}, {@link #IN_PLACE}, {@link #BY_RECEIVER} or
   *     {@link #WHEN_PARALLEL}
   * @return the call site
   */
  public static CallSite bootstrap(MethodHandles.Lookup lookup, String name, MethodType type,
      MethodHandle method, int policy) {
    MethodHandle target = method.asType(type);
    MethodHandle linked;
    switch (policy) {
      case IN_PLACE:
        linked = inPlace(target);
        break;
      case BY_RECEIVER:
        linked = guarded(OF_JDK, wrapping(target, false), inPlace(target));
        break;
      case WHEN_PARALLEL:
        linked = guarded(IS_PARALLEL, wrapping(target, false), wrapping(target, true));
        break;
      default:
        linked = wrapping(target, false);
        break;
    }
    return new ConstantCallSite(linked);
  }

  /**
   * @param unlessCarried true to leave as they are the functions that carry a scope already,
   *     such as the lambdas woven code makes: for a sequential stream, which runs them on the
   *     caller's thread, and wraps the others in case it is made parallel later
   * @return the call with every parameter of a carried functional type wrapped
   */
  private static MethodHandle wrapping(MethodHandle target, boolean unlessCarried) {
    MethodType type = target.type();
    MethodHandle[] filters = new MethodHandle[type.parameterCount()];
    for (int i = 0; i < filters.length; i++) {
      Class<?> parameter = type.parameterType(i);
      MethodHandle carrier = Carriers.forType(parameter);
      if (carrier == null && parameter == Collection.class) {
        // invokeAll and invokeAny: a collection of Callables, each handed over.
        carrier = CARRY_CALLABLES;
      }
      if (carrier != null) {
        carrier = carrier.asType(MethodType.methodType(parameter, parameter));
        if (unlessCarried) {
          carrier = MethodHandles.guardWithTest(
              IS_CARRIED.asType(MethodType.methodType(boolean.class, parameter)),
              MethodHandles.identity(parameter), carrier);
        }
      }
      filters[i] = carrier;
    }
    return MethodHandles.filterArguments(target, 0, filters);
  }

  /**
   * @return the call with every task parameter carried in place; the receiver too, which is a
   *     task only for {@code fork()}
   */
  private static MethodHandle inPlace(MethodHandle target) {
    MethodType type = target.type();
    MethodHandle[] filters = new MethodHandle[type.parameterCount()];
    for (int i = 0; i < filters.length; i++) {
      Class<?> parameter = type.parameterType(i);
      if (isTask(parameter)) {
        filters[i] = IN_PLACE_FILTER.asType(MethodType.methodType(parameter, parameter));
      }
    }
    return MethodHandles.filterArguments(target, 0, filters);
  }

  private static boolean isTask(Class<?> type) {
    return type == Runnable.class || type == Callable.class || type == TimerTask.class
        || ForkJoinTask.class.isAssignableFrom(type) || type == ForkJoinTask[].class
        || type == Collection.class;
  }

  /** @return {@code test(receiver) ? ifTrue : ifFalse} for calls of the type of both */
  private static MethodHandle guarded(MethodHandle test, MethodHandle ifTrue,
      MethodHandle ifFalse) {
    MethodType type = ifTrue.type();
    MethodHandle onReceiver = MethodHandles.dropArguments(test.asType(
        MethodType.methodType(boolean.class, type.parameterType(0))), 1,
        type.parameterList().subList(1, type.parameterCount()));
    return MethodHandles.guardWithTest(onReceiver, ifTrue, ifFalse);
  }

  /** @return a list of the callables, each carrying the current scope */
  static Collection<?> carryCallables(Collection<?> tasks) {
    if (tasks == null || Handover.now() == null) {
      return tasks;
    }
    List<Object> carried = new ArrayList<Object>(tasks.size());
    for (Object task : tasks) {
      carried.add(task instanceof Callable ? Carriers.carry((Callable<?>) task) : task);
    }
    return carried;
  }

  /**
   * The JDK's executors of these classes wrap what {@code submit} and the like are handed in
   * tasks of their own, which they never show again. Not the JDK's other executors: an
   * {@code Executors.unconfigurableExecutorService} hands its tasks to whatever executor it
   * wraps, which may be the application's own.
   */
  private static final java.util.Set<String> WRAPPING_EXECUTORS =
      new java.util.HashSet<String>(java.util.Arrays.asList(
          "java.util.concurrent.ThreadPoolExecutor",
          "java.util.concurrent.ScheduledThreadPoolExecutor",
          "java.util.concurrent.ForkJoinPool",
          "java.util.concurrent.ThreadPerTaskExecutor"));

  static boolean ofJdk(Object receiver) {
    return receiver != null && receiver.getClass().getClassLoader() == null
        && WRAPPING_EXECUTORS.contains(receiver.getClass().getName());
  }

  static boolean isParallel(Object stream) {
    return stream instanceof BaseStream && ((BaseStream<?, ?>) stream).isParallel();
  }
}
