package dev.trap.internal;

import dev.trap.Interceptor;
import dev.trap.MethodInfo;
import dev.trap.Registration;

/** An added interceptor, its scope and its place in the order of pre hooks. */
final class Interception implements Registration {

  private final Interceptor interceptor;
  private final Thread thread;
  private final long order;
  private volatile boolean active = true;

  Interception(Interceptor interceptor, Thread thread, long order) {
    this.interceptor = interceptor;
    this.thread = thread;
    this.order = order;
  }

  boolean appliesTo(MethodInfo method) {
    try {
      return interceptor.appliesTo(method);
    } catch (RuntimeException | Error e) {
      throw new IllegalStateException("Interceptor " + interceptor + " failed in appliesTo("
          + method + "); appliesTo must not throw", e);
    }
  }

  /** @return true if this interception sees calls made on the given thread */
  boolean covers(Thread current) {
    return thread == null || thread == current;
  }

  long order() {
    return order;
  }

  @Override
  public Interceptor interceptor() {
    return interceptor;
  }

  @Override
  public Thread thread() {
    return thread;
  }

  @Override
  public boolean isActive() {
    return active;
  }

  @Override
  public void close() {
    if (active) {
      active = false;
      Registry.remove(this);
    }
  }

  @Override
  public String toString() {
    return "Registration of " + interceptor
        + (thread == null ? " on all threads" : " on thread " + thread.getName())
        + (active ? "" : " (closed)");
  }
}
