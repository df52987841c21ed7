package dev.trap.internal.scope;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Tells whether the thread being made is a JDK pool's worker, from the stack of the thread that
 * makes it: a {@code ThreadPoolExecutor} adding a worker, a {@code ForkJoinPool} creating one, a
 * {@code Timer} being constructed. Only the top of that stack is read, with {@code StackWalker}
 * where the JVM has it (9 and later): the thread factory, whatever it wraps the worker in, runs
 * within a few frames of the pool's method.
 */
final class PoolThreads {

  /** How many frames to read: the pool's method is this near to {@code Thread}'s constructor. */
  private static final int DEPTH = 24;
  private static final MethodHandle WALK = stackWalk();
  private static final Predicate<String[]> POOL_METHOD = new Predicate<String[]>() {
    @Override
    public boolean test(String[] frame) {
      return isPoolMethod(frame);
    }
  };

  private PoolThreads() {
  }

  /** @return true if the current thread is making a thread for a JDK pool */
  static boolean isMakingOne() {
    if (WALK != null) {
      try {
        return (boolean) WALK.invokeExact(POOL_METHOD);
      } catch (Throwable e) {
        // Read the stack the Java 8 way below.
      }
    }
    StackTraceElement[] stack = new Throwable().getStackTrace();
    for (int i = 0; i < stack.length && i < DEPTH; i++) {
      if (isPoolMethod(new String[] {stack[i].getClassName(), stack[i].getMethodName()})) {
        return true;
      }
    }
    return false;
  }

  private static boolean isPoolMethod(String[] frame) {
    String type = frame[0];
    String method = frame[1];
    return type.equals("java.util.concurrent.ThreadPoolExecutor") && method.equals("addWorker")
        || type.equals("java.util.concurrent.ForkJoinPool") && method.equals("createWorker")
        || type.equals("java.util.Timer") && method.equals("<init>");
  }

  /**
   * @return {@code (Predicate<String[]> isPoolMethod)boolean} over the top frames through
   *     {@code StackWalker}, or null on Java 8
   */
  private static MethodHandle stackWalk() {
    try {
      Class<?> walker = Class.forName("java.lang.StackWalker");
      final Class<?> frame = Class.forName("java.lang.StackWalker$StackFrame");
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      final Object instance = lookup.findStatic(walker, "getInstance",
          MethodType.methodType(walker)).invoke();
      MethodHandle walk = lookup.findVirtual(walker, "walk",
          MethodType.methodType(Object.class, Function.class)).bindTo(instance);
      final MethodHandle className = lookup.findVirtual(frame, "getClassName",
          MethodType.methodType(String.class)).asType(
              MethodType.methodType(String.class, Object.class));
      final MethodHandle methodName = lookup.findVirtual(frame, "getMethodName",
          MethodType.methodType(String.class)).asType(
              MethodType.methodType(String.class, Object.class));
      MethodHandle walkFrames = MethodHandles.lookup().findStatic(PoolThreads.class, "walk",
          MethodType.methodType(boolean.class, MethodHandle.class, MethodHandle.class,
              MethodHandle.class, Predicate.class));
      return MethodHandles.insertArguments(walkFrames, 0, walk, className, methodName);
    } catch (Throwable e) {
      return null;
    }
  }

  private static boolean walk(MethodHandle walk, final MethodHandle className,
      final MethodHandle methodName, final Predicate<String[]> pool) throws Throwable {
    Function<Stream<?>, Boolean> frames = new Function<Stream<?>, Boolean>() {
      @Override
      public Boolean apply(Stream<?> stream) {
        return stream.limit(DEPTH).anyMatch(new Predicate<Object>() {
          @Override
          public boolean test(Object frame) {
            try {
              return pool.test(new String[] {(String) className.invokeExact(frame),
                  (String) methodName.invokeExact(frame)});
            } catch (Throwable e) {
              return false;
            }
          }
        });
      }
    };
    return (Boolean) walk.invoke(frames);
  }
}
