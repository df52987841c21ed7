package dev.trap.internal.scope;

import dev.trap.internal.dispatch.Loaders;
import dev.trap.internal.dispatch.Registry;
import dev.trap.internal.dispatch.Reports;
import dev.trap.internal.dispatch.WovenMarker;
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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Carries the scope of a task that is handed over as it is: where the receiver keeps the task
 * itself, where user code can see it again ({@code Executor.execute}, whose queue,
 * {@code remove} and {@code shutdownNow} hold it; a {@code ForkJoinTask} forked or submitted; a
 * {@code TimerTask}), so a wrapper would change what the user's code observes. The hand-over
 * rides beside the task instead, in a weak map by identity, pending until the task runs, which
 * takes it: the trap of the task's own {@code run}, {@code call} or {@code compute} method, for a
 * task of a woven class ({@link MethodSite}). A lambda made by woven code ({@link Carriers})
 * holds its hand-overs itself. Other tasks are handed over without a scope.
 *
 * <p>A hand-over is for one run: a task handed over by one test and run later by another's code,
 * directly, runs as that code's. A {@code TimerTask}, which a timer runs again and again and
 * which can be scheduled only once, keeps its hand-over. The same task handed over by two scopes
 * before it ran cannot tell which run is whose: it runs in neither, and Trap says so.
 */
public final class CarriedTasks {

  /** Task to its pending hand-overs, by identity, weakly. */
  private static final ConcurrentHashMap<Key, Pending> PENDING =
      new ConcurrentHashMap<Key, Pending>();
  private static final ReferenceQueue<Object> GONE = new ReferenceQueue<Object>();
  /** How many tasks have a hand-over pending: while none has, no trap looks for one. */
  private static final AtomicInteger COUNT = new AtomicInteger();
  /**
   * The method whose trap takes the hand-over of a class's tasks, by class of task; only for
   * classes that cannot outlive the runtime ({@link Loaders}), as a class holds its values.
   */
  private static final ClassValue<Entry> ENTRIES = new ClassValue<Entry>() {
    @Override
    protected Entry computeValue(Class<?> type) {
      return entryOf(type);
    }
  };
  private static final Entry NONE = new Entry(null, null, false);

  private CarriedTasks() {
  }

  /** @return true while some task has a hand-over pending */
  public static boolean anyPending() {
    return COUNT.get() > 0;
  }

  /**
   * Carries the current scope on a task, or on each task of an array or collection.
   *
   * @param task what is handed over
   * @return the task itself
   */
  static Object carry(Object task) {
    if (task == null || !Scopes.anyOpen()) {
      return task;
    }
    Handover shared = null;
    if (task instanceof Object[]) {
      for (Object each : (Object[]) task) {
        shared = carry(each, shared);
      }
    } else if (task instanceof Collection && !(task instanceof Runnable)) {
      for (Object each : (Collection<?>) task) {
        shared = carry(each, shared);
      }
    } else {
      carry(task, null);
    }
    return task;
  }

  /** @param handover the hand-over to carry, or null for the current one, taken once needed */
  private static Handover carry(Object task, Handover handover) {
    Class<?> type = task == null ? null : task.getClass();
    if (type == null || type.isSynthetic() || Loaders.mayOutliveRuntime(type)) {
      // The JDK's own tasks, and lambdas made elsewhere, run nothing of Trap's to take it.
      return handover;
    }
    if (task instanceof Carriers.Carried) {
      // A lambda made by woven code holds its own hand-overs.
      Handover carried = handover != null ? handover : Handover.now();
      if (carried != null) {
        ((Carriers.Carried<?>) task).handOver(carried);
      }
      return carried;
    }
    Entry entry = ENTRIES.get(type);
    if (entry == NONE) {
      return handover;
    }
    Handover carried = handover != null ? handover : Handover.now();
    if (carried == null) {
      return null;
    }
    entry.arm();
    expunge();
    Key key = new Key(task, GONE);
    boolean keep = task instanceof TimerTask;
    while (true) {
      Pending pending = PENDING.get(key);
      if (pending == null) {
        if (PENDING.putIfAbsent(key, new Pending(carried, keep)) == null) {
          COUNT.incrementAndGet();
          return carried;
        }
      } else if (pending.add(carried, task)) {
        return carried;
      }
    }
  }

  /**
   * Takes the hand-over a task carries, for one run of it.
   *
   * @param task the task, about to run
   * @param state the state of the thread that runs it
   * @param always true for a fork-join task, which only its pool runs; false for a task that
   *     code may also call directly, as its own: a thread that runs a test's own work, in
   *     another scope than the hand-over's, calls it as such and takes nothing
   * @return the hand-over to run the task in, {@link Handover#UNTOLD} for none, or null if the
   *     task carries none for this run
   */
  public static Handover take(Object task, ThreadState state, boolean always) {
    if (task == null || COUNT.get() == 0) {
      return null;
    }
    Key key = new Key(task, null);
    Pending pending = PENDING.get(key);
    if (pending == null) {
      return null;
    }
    return pending.take(state, always, key);
  }

  private static void expunge() {
    for (Object gone = GONE.poll(); gone != null; gone = GONE.poll()) {
      if (PENDING.remove(gone) != null) {
        COUNT.decrementAndGet();
      }
    }
  }

  private static void removed(Key key, Pending pending) {
    if (PENDING.remove(key, pending)) {
      COUNT.decrementAndGet();
    }
  }

  /** @return the method whose trap takes the hand-over of the class's tasks, or {@link #NONE} */
  private static Entry entryOf(Class<?> type) {
    boolean forkJoin = ForkJoinTask.class.isAssignableFrom(type);
    Method method = taskMethod(type, forkJoin);
    if (method == null || Modifier.isAbstract(method.getModifiers())) {
      return NONE;
    }
    Class<?> declaring = method.getDeclaringClass();
    String descriptor = dev.trap.Target.of(method).descriptor();
    WovenMarker marker = Registry.marker(declaring);
    if (marker.state != WovenMarker.State.WOVEN
        || !marker.trapped(method.getName() + descriptor)) {
      return NONE;
    }
    return new Entry(declaring, method.getName() + descriptor, forkJoin);
  }

  /** @return the method that runs a task of the class: compute, exec, call or run; or null */
  private static Method taskMethod(Class<?> type, boolean forkJoin) {
    try {
      if (forkJoin) {
        boolean computes = RecursiveTask.class.isAssignableFrom(type)
            || RecursiveAction.class.isAssignableFrom(type)
            || CountedCompleter.class.isAssignableFrom(type);
        return mostSpecific(type, computes ? "compute" : "exec");
      }
      if (Callable.class.isAssignableFrom(type) && !Runnable.class.isAssignableFrom(type)) {
        return mostSpecific(type, "call");
      }
      if (Runnable.class.isAssignableFrom(type)) {
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

  /** The woven method whose trap takes the hand-over of a class's tasks. */
  private static final class Entry {
    private final Class<?> declaring;
    private final String method;
    private final boolean always;
    private volatile boolean armed;

    Entry(Class<?> declaring, String method, boolean always) {
      this.declaring = declaring;
      this.method = method;
      this.always = always;
    }

    void arm() {
      if (!armed) {
        armed = true;
        Registry.takeHandovers(declaring, method, always);
      }
    }
  }

  /** The hand-overs of one task not yet taken by its runs. Guarded by itself. */
  private static final class Pending {
    private Handover handover;
    private final boolean keep;
    private int count = 1;

    Pending(Handover handover, boolean keep) {
      this.handover = handover;
      this.keep = keep;
    }

    /** @return false if the task's runs took every hand-over meanwhile: start again */
    synchronized boolean add(Handover another, Object task) {
      if (count == 0) {
        return false;
      }
      if (handover != Handover.UNTOLD && handover.scope != another.scope) {
        Reports.handedOverTwice(task, handover.scope, another.scope);
        handover = Handover.UNTOLD;
      }
      count++;
      return true;
    }

    synchronized Handover take(ThreadState state, boolean always, Key key) {
      if (count == 0) {
        return null;
      }
      if (!always && state.scope != handover.scope && state.runsOwnWork()) {
        return null;
      }
      Handover taken = handover;
      if (!keep && --count == 0) {
        removed(key, this);
      }
      return taken;
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
