package dev.trap.internal;

import dev.trap.Call;
import dev.trap.Interceptor;
import dev.trap.Scope;
import dev.trap.Target;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.TimerTask;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountedCompleter;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.RecursiveTask;

/**
 * Carries the scope of a task that is handed over as it is: where the receiver keeps the task
 * itself, where user code can see it again ({@code Executor.execute}, whose queue,
 * {@code remove} and {@code shutdownNow} hold it; a {@code ForkJoinTask} forked or submitted; a
 * {@code TimerTask}), so a wrapper would change what the user's code observes. The scope rides
 * on the task instead, in a weak map by identity, and the trap of the task's own {@code run},
 * {@code call} or {@code compute} method enters it when the task runs: an interceptor of those
 * methods, added once per class, in the global scope.
 *
 * <p>That takes a task whose class is woven. A lambda made by woven code carries its scope in
 * itself ({@link Carry}); other tasks are handed over without one, and run in no scope.
 */
final class CarriedTasks {

  /** Task to the hand-over it carries, by identity, weakly. */
  private static final ConcurrentHashMap<Key, Handover> CARRIED =
      new ConcurrentHashMap<Key, Handover>();
  private static final ReferenceQueue<Object> GONE = new ReferenceQueue<Object>();
  /**
   * The method whose trap enters the scopes of a class's tasks, by class of task; only for
   * classes that cannot outlive the runtime ({@link Loaders}), as a class holds its values.
   */
  private static final ClassValue<Target> ENTRIES = new ClassValue<Target>() {
    @Override
    protected Target computeValue(Class<?> type) {
      return entryOf(type);
    }
  };
  /** An entry found for no method: the class's tasks cannot carry a scope. */
  private static final Target NONE = Target.any();
  /** The entries added to the global scope, so that each is added once. */
  private static final ConcurrentHashMap<Target, Boolean> ADDED =
      new ConcurrentHashMap<Target, Boolean>();

  private CarriedTasks() {
  }

  /**
   * Carries the current scope on a task, or on each task of an array or collection.
   *
   * @param task what is handed over
   * @return the task itself
   */
  static Object carry(Object task) {
    if (task == null) {
      return null;
    }
    Handover handover = Handover.now();
    if (handover == null) {
      return task;
    }
    if (task instanceof Object[]) {
      for (Object each : (Object[]) task) {
        carry(each, handover);
      }
    } else if (task instanceof Collection && !(task instanceof Runnable)) {
      for (Object each : (Collection<?>) task) {
        carry(each, handover);
      }
    } else {
      carry(task, handover);
    }
    return task;
  }

  private static void carry(Object task, Handover handover) {
    Class<?> type = task == null ? null : task.getClass();
    if (type == null || type.isSynthetic() || Loaders.mayOutliveRuntime(type)) {
      // A lambda made by woven code carries its scope itself; the JDK's tasks are not woven.
      return;
    }
    Target entry = ENTRIES.get(type);
    if (entry == NONE) {
      return;
    }
    if (ADDED.putIfAbsent(entry, Boolean.TRUE) == null) {
      Registry.add((ScopeImpl) Scope.global(), new Entry(entry));
    }
    expunge();
    CARRIED.put(new Key(task, GONE), handover);
  }

  /** @return the hand-over a task carries, or null */
  static Handover of(Object task) {
    return task == null ? null : CARRIED.get(new Key(task, null));
  }

  private static void expunge() {
    for (Object gone = GONE.poll(); gone != null; gone = GONE.poll()) {
      CARRIED.remove(gone);
    }
  }

  /** @return the method whose trap enters the scope of the class's tasks, or {@link #NONE} */
  private static Target entryOf(Class<?> type) {
    Method method = taskMethod(type);
    if (method == null || Modifier.isAbstract(method.getModifiers())) {
      return NONE;
    }
    Class<?> declaring = method.getDeclaringClass();
    WovenMarker marker = Registry.marker(declaring);
    Target target = Target.of(method);
    if (marker.state != WovenMarker.State.WOVEN
        || !marker.trapped(method.getName() + target.descriptor())) {
      return NONE;
    }
    return target;
  }

  /** @return the method that runs a task of the class: compute, exec, call or run; or null */
  private static Method taskMethod(Class<?> type) {
    try {
      if (ForkJoinTask.class.isAssignableFrom(type)) {
        boolean computes = RecursiveTask.class.isAssignableFrom(type)
            || RecursiveAction.class.isAssignableFrom(type)
            || CountedCompleter.class.isAssignableFrom(type);
        return mostSpecific(type, computes ? "compute" : "exec");
      }
      if (Callable.class.isAssignableFrom(type) && !Runnable.class.isAssignableFrom(type)) {
        return mostSpecific(type, "call");
      }
      if (Runnable.class.isAssignableFrom(type) || TimerTask.class.isAssignableFrom(type)) {
        return mostSpecific(type, "run");
      }
    } catch (LinkageError | RuntimeException e) {
      // A class whose methods cannot be listed cannot carry a scope; it runs in none.
    }
    return null;
  }

  /** @return the method of no parameters of that name the class runs, not a compiler's bridge */
  private static Method mostSpecific(Class<?> type, String name) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Method method : c.getDeclaredMethods()) {
        if (method.getName().equals(name) && method.getParameterTypes().length == 0
            && !method.isBridge() && !Modifier.isStatic(method.getModifiers())) {
          return method;
        }
      }
    }
    return null;
  }

  /** Enters the scope a task carries while its method runs. */
  private static final class Entry implements Interceptor {
    private final Target target;

    Entry(Target target) {
      this.target = target;
    }

    @Override
    public Target target() {
      return target;
    }

    @Override
    public Object pre(Call call) {
      Handover handover = of(call.receiver());
      return handover == null ? null : handover.enter();
    }

    @Override
    public void post(Call call, Object state) {
      if (state != null) {
        ((ThreadState) state).leave();
      }
    }

    @Override
    public String toString() {
      return "Trap's entry into the scope of tasks of " + target;
    }
  }

  /** A task, weakly, by identity; without a queue, a key to look one up with. */
  private static final class Key extends WeakReference<Object> {
    private final int hash;

    Key(Object task, ReferenceQueue<Object> queue) {
      super(task, queue);
      this.hash = System.identityHashCode(task);
    }

    @Override
    public boolean equals(Object other) {
      if (this == other) {
        return true;
      }
      if (!(other instanceof Key)) {
        return false;
      }
      Object task = get();
      return task != null && task == ((Key) other).get();
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
