package dev.trap.internal;

/** Per-thread state of the dispatcher: whether interceptors are running on this thread. */
final class ThreadState {

  private static final ThreadLocal<ThreadState> CURRENT = new ThreadLocal<ThreadState>() {
    @Override
    protected ThreadState initialValue() {
      return new ThreadState();
    }
  };

  private int dispatching;

  static ThreadState current() {
    return CURRENT.get();
  }

  /** @return true while an interceptor hook runs on this thread: its calls are not trapped */
  boolean isDispatching() {
    return dispatching > 0;
  }

  void enterHooks() {
    dispatching++;
  }

  void exitHooks() {
    dispatching--;
  }
}
