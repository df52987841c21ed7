package dev.trap.internal;

/**
 * What the runtime keeps per thread: the opened scope it runs in, whether interceptor hooks run on
 * it, and the trapped call in progress. Inherited, so that a thread started within a scope runs
 * in that scope too; nothing else is inherited.
 */
final class ThreadState {

  private static final InheritableThreadLocal<ThreadState> CURRENT =
      new InheritableThreadLocal<ThreadState>() {
        @Override
        protected ThreadState initialValue() {
          return new ThreadState(null);
        }

        @Override
        protected ThreadState childValue(ThreadState parent) {
          return new ThreadState(parent.scope);
        }
      };

  /** The innermost opened scope this thread runs in, or null; closed ones are skipped on use. */
  ScopeImpl scope;
  /** This thread's own scope, made on first use. */
  ScopeImpl threadScope;
  /** How deep this thread is in interceptor hooks: while above 0, its calls are not trapped. */
  int hooks;
  /** The trap whose next call runs its body without interceptors: set by {@code proceed}. */
  MethodSite bypass;
  /** The innermost trapped call in progress on this thread, or null. */
  Invocation call;

  private ThreadState(ScopeImpl scope) {
    this.scope = scope;
  }

  static ThreadState current() {
    return CURRENT.get();
  }

  /**
   * @return true if this thread runs in {@code opened} or in a scope opened within it; a thread
   *     in no open scope runs in the one test running, if there is one ({@link Scopes#orphanHome})
   */
  boolean isIn(ScopeImpl opened) {
    boolean inOpenScope = false;
    for (ScopeImpl s = scope; s != null; s = s.parent) {
      if (s == opened) {
        return true;
      }
      inOpenScope |= s.isOpen();
    }
    if (!inOpenScope) {
      for (ScopeImpl s = Scopes.orphanHome(); s != null; s = s.parent) {
        if (s == opened) {
          return true;
        }
      }
    }
    return false;
  }

  /** @return true if this thread runs in no open scope of its own */
  boolean isOrphan() {
    return openScope() == null;
  }

  /** @return the innermost open scope this thread runs in, or null */
  ScopeImpl openScope() {
    ScopeImpl s = scope;
    while (s != null && !s.isOpen()) {
      s = s.parent;
    }
    return s;
  }
}
