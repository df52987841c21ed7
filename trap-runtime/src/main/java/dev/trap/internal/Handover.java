package dev.trap.internal;

import java.util.concurrent.Callable;

/**
 * What a task carries from the thread that hands it over to the thread that runs it: the scope
 * to run in, so that the scope's interceptors see its calls, and the call that handed it over,
 * under which a trace shows them.
 */
final class Handover {

  private final ScopeImpl scope;
  private final Invocation by;

  Handover(ScopeImpl scope, Invocation by) {
    this.scope = scope;
    this.by = by;
  }

  <T> T call(Callable<T> task) throws Exception {
    ThreadState state = ThreadState.current();
    ScopeImpl outer = state.scope;
    Object before = state.handOverStarted(by);
    state.scope = scope;
    try {
      return task.call();
    } finally {
      state.scope = outer;
      state.handOverEnded(before);
    }
  }

  /** Runs a task that throws no checked exception. */
  <T> T unchecked(Callable<T> task) {
    try {
      return call(task);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Exception e) {
      throw Sneaky.<RuntimeException>rethrow(e);
    }
  }

  Runnable wrap(final Runnable task) {
    if (task instanceof Comparable) {
      // A pool on a priority queue orders its tasks: the wrapper must still compare as they do.
      return new ComparableTask(task);
    }
    return new Runnable() {
      @Override
      public void run() {
        unchecked(() -> {
          task.run();
          return null;
        });
      }

      @Override
      public String toString() {
        return task + " in " + scope;
      }
    };
  }

  /** A wrapped task that compares as the task it wraps. */
  private final class ComparableTask implements Runnable, Comparable<Object> {
    private final Runnable task;

    ComparableTask(Runnable task) {
      this.task = task;
    }

    @Override
    public void run() {
      unchecked(() -> {
        task.run();
        return null;
      });
    }

    @Override
    @SuppressWarnings("unchecked")
    public int compareTo(Object other) {
      Object unwrapped = other instanceof ComparableTask ? ((ComparableTask) other).task : other;
      return ((Comparable<Object>) task).compareTo(unwrapped);
    }

    @Override
    public String toString() {
      return task + " in " + scope;
    }
  }

  <V> Callable<V> wrap(final Callable<V> task) {
    return new Callable<V>() {
      @Override
      public V call() throws Exception {
        return Handover.this.call(task);
      }

      @Override
      public String toString() {
        return task + " in " + scope;
      }
    };
  }
}
