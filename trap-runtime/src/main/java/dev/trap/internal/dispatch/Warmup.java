package dev.trap.internal.dispatch;

import java.lang.invoke.MethodType;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Prepares, on a thread of its own, what the first patch of a test JVM needs: the runtime's
 * classes that only patches and their calls load, and the code the JDK generates, once per
 * shape, for a trap's armed target (its method handles' lambda forms), which is most of the
 * first patch's time. Started when the tests start or the first trap links, it runs beside the
 * test framework's discovery and the class loading of the first tests, on the other core; the
 * first patch then finds it done, or shares what is done. It calls no woven code and touches
 * no state.
 */
final class Warmup {

  private static final AtomicBoolean STARTED = new AtomicBoolean();

  /** What a first patch loads, in the order it does; by name, not to load them here. */
  private static final String[] CLASSES = {
      "dev.trap.Mock", "dev.trap.internal.mock.Mocks", "dev.trap.internal.mock.MethodReference",
      "java.lang.invoke.SerializedLambda", "dev.trap.internal.mock.PatchInterception",
      "dev.trap.internal.mock.Replacement", "dev.trap.internal.mock.Recursion",
      "dev.trap.internal.mock.RecordingInterception", "dev.trap.internal.scope.ScopeImpl",
      "dev.trap.internal.scope.Scopes", "dev.trap.internal.scope.ThreadState",
      "dev.trap.internal.dispatch.Invocation", "dev.trap.internal.dispatch.Types",
      "dev.trap.internal.dispatch.Decided"};

  /** The commonest shapes of traps: static and instance, no argument and one reference. */
  private static final MethodType[] SHAPES = {
      MethodType.methodType(Object.class),
      MethodType.methodType(Object.class, Object.class),
      MethodType.methodType(Object.class, Object.class, Object.class)};

  private Warmup() {
  }

  /** Starts the warm-up, once per runtime. */
  static void start() {
    if (STARTED.get() || !STARTED.compareAndSet(false, true)) {
      return;
    }
    try {
      Thread thread = new Thread(new Runnable() {
        @Override
        public void run() {
          warmUp();
        }
      }, "trap-warm-up");
      thread.setDaemon(true);
      thread.setPriority(Thread.MIN_PRIORITY);
      // The runtime's loader, not the creating thread's context: it loads only Trap's classes.
      thread.setContextClassLoader(Warmup.class.getClassLoader());
      thread.start();
    } catch (RuntimeException | Error e) {
      // A JVM that refuses a thread gets its first patch unprepared: nothing else changes.
    }
  }

  static void warmUp() {
    ClassLoader loader = Warmup.class.getClassLoader();
    for (String name : CLASSES) {
      try {
        Class.forName(name, true, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        // Prepared is all it is: the first patch loads what could not be loaded here.
      }
    }
    for (MethodType shape : SHAPES) {
      MethodSite.armed(null, false, shape);
      if (shape.parameterCount() > 0) {
        MethodSite.armed(null, true, shape);
      }
    }
  }
}
