package dev.trap.internal;

import dev.trap.Scope;

/** What {@link Scope}'s static methods do. Not an API. */
public final class Scopes {

  private static final ScopeImpl GLOBAL = ScopeImpl.global();

  private Scopes() {
  }

  /** @return the global scope */
  public static Scope global() {
    return GLOBAL;
  }

  /** @return the current thread's own scope */
  public static Scope currentThread() {
    ThreadState state = ThreadState.current();
    if (state.threadScope == null) {
      state.threadScope = ScopeImpl.ofThread(Thread.currentThread());
    }
    return state.threadScope;
  }

  /** @return the innermost open scope of the current thread, or null */
  public static Scope current() {
    return ThreadState.current().openScope();
  }

  /**
   * @param name the scope's name
   * @return a new scope within the current one, entered on the current thread
   */
  public static Scope open(String name) {
    ThreadState state = ThreadState.current();
    ScopeImpl scope = ScopeImpl.opened(name, state.openScope());
    state.scope = scope;
    return scope;
  }
}
