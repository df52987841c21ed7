package dev.trap.internal.scope;

import dev.trap.Interceptor;
import dev.trap.Registration;
import dev.trap.Scope;
import dev.trap.internal.dispatch.Interception;
import dev.trap.internal.dispatch.Registry;
import dev.trap.internal.trace.TraceSession;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The three kinds of {@link Scope} in one class, so that the check an armed trap makes on every
 * call ({@link #covers}) stays one switch over a field.
 */
public final class ScopeImpl implements Scope {

  public static final int GLOBAL = 0;
  static final int THREAD = 1;
  public static final int OPENED = 2;

  public final int kind;
  final ScopeImpl parent;
  /** The thread of a thread scope, else null. */
  public final Thread thread;
  private final String name;
  /** Opened by a test framework's listener for a test or a test container. */
  private final boolean byFramework;
  /** A test container's (a class's, an engine's): tests run within it, its work is theirs. */
  private final boolean container;
  /** The thread that opened this scope with {@link Scopes#open}, and what it ran in before. */
  private Thread opener;
  private ScopeImpl openerBefore;
  /** Set when work of this scope was first seen running after it closed. */
  public volatile boolean leftoverReported;
  private volatile boolean open = true;
  /** How many interceptors are added to this scope now; opened scopes only. */
  private volatile int interceptors;
  /** The trace of the calls in this scope, or null. */
  public volatile TraceSession trace;
  /** Opened scopes only: what closing must close. Guarded by this. */
  private final Set<Interception> registrations;
  private final Set<ScopeImpl> children;
  /** What untraced work handed over, or lambdas made, in this scope carry; made on first use. */
  private volatile Handover handedOver;
  private volatile Handover made;

  private ScopeImpl(int kind, String name, ScopeImpl parent, Thread thread, boolean byFramework,
      boolean container) {
    this.kind = kind;
    this.name = name;
    this.byFramework = byFramework;
    this.container = container;
    this.parent = parent;
    this.thread = thread;
    this.registrations = kind == OPENED ? new LinkedHashSet<Interception>() : null;
    this.children = kind == OPENED ? new LinkedHashSet<ScopeImpl>() : null;
  }

  static ScopeImpl global() {
    return new ScopeImpl(GLOBAL, "global", null, null, false, false);
  }

  /** @return the scope of work whose test cannot be told: closed from the start */
  static ScopeImpl untold() {
    ScopeImpl untold = new ScopeImpl(OPENED, "work handed over by two tests before it ran", null,
        null, false, false);
    untold.open = false;
    return untold;
  }

  static ScopeImpl ofThread(Thread thread) {
    return new ScopeImpl(THREAD, "thread " + thread.getName(), null, thread, false, false);
  }

  /**
   * @param parent the scope it is opened within, or null; a scope opened within a closed one is
   *     closed from the start, as what opens it is work of a scope that has ended
   * @param byFramework true for a test's or a test container's
   * @param container true for a test container's
   */
  static ScopeImpl opened(String name, ScopeImpl parent, boolean byFramework, boolean container) {
    if (name == null) {
      throw new NullPointerException("name");
    }
    ScopeImpl scope = new ScopeImpl(OPENED, name, parent, null, byFramework, container);
    if (parent != null) {
      synchronized (parent) {
        if (parent.open) {
          parent.children.add(scope);
        } else {
          scope.open = false;
        }
      }
    }
    if (scope.open) {
      Scopes.opened();
    }
    return scope;
  }

  /** Remembers that the current thread entered this scope on opening it, leaving {@code before}. */
  void enteredOnOpen(ScopeImpl before) {
    this.opener = Thread.currentThread();
    this.openerBefore = before;
  }

  /**
   * @param current the calling thread
   * @param state its state, or null if not looked up yet
   * @return true if a call on {@code current} is within this scope
   */
  public boolean covers(Thread current, ThreadState state) {
    switch (kind) {
      case GLOBAL:
        return true;
      case THREAD:
        return thread == current;
      default:
        return (state == null ? ThreadState.current() : state).isIn(this);
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Scope parent() {
    return parent;
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public Registration add(Interceptor interceptor) {
    return Registry.add(this, interceptor);
  }

  /** Records a registration that closing this scope must close. */
  public void register(Interception interception) {
    if (kind != OPENED) {
      return;
    }
    synchronized (this) {
      if (!open) {
        throw new IllegalStateException("Cannot add " + interception.interceptor() + " to "
            + this + ": the scope is closed");
      }
      registrations.add(interception);
      interceptors = registrations.size();
    }
  }

  /** @return true for the scope of a test or test container */
  boolean isByFramework() {
    return byFramework;
  }

  /** @return true for the scope of a test container */
  public boolean isContainer() {
    return container;
  }

  /** @return true if this scope is {@code outer} or was opened within it */
  public boolean isWithin(ScopeImpl outer) {
    for (ScopeImpl s = this; s != null; s = s.parent) {
      if (s == outer) {
        return true;
      }
    }
    return false;
  }

  public void unregister(Interception interception) {
    if (kind == OPENED) {
      synchronized (this) {
        registrations.remove(interception);
        interceptors = registrations.size();
      }
    }
  }

  @Override
  public Runnable wrap(Runnable task) {
    if (task == null) {
      throw new NullPointerException("task");
    }
    checkWrappable();
    return kind == GLOBAL ? task : handover().wrap(task);
  }

  @Override
  public <V> Callable<V> wrap(Callable<V> task) {
    if (task == null) {
      throw new NullPointerException("task");
    }
    checkWrappable();
    return kind == GLOBAL ? task : handover().wrap(task);
  }

  private Handover handover() {
    return Handover.of(this, ThreadState.current());
  }

  private void checkWrappable() {
    if (kind == THREAD) {
      throw new UnsupportedOperationException("The scope of " + this + " holds the calls of that"
          + " thread alone, and cannot follow a task to another thread. Open a scope"
          + " (Scope.open) to follow tasks.");
    }
  }

  @Override
  public void close() {
    if (kind != OPENED) {
      throw new UnsupportedOperationException("The " + this + " scope cannot be closed; close"
          + " the registrations of its interceptors instead");
    }
    List<Interception> toClose;
    List<ScopeImpl> childrenToClose;
    synchronized (this) {
      if (!open) {
        return;
      }
      open = false;
      toClose = new ArrayList<Interception>(registrations);
      childrenToClose = new ArrayList<ScopeImpl>(children);
      registrations.clear();
      interceptors = 0;
      children.clear();
    }
    if (parent != null) {
      synchronized (parent) {
        parent.children.remove(this);
      }
    }
    for (ScopeImpl child : childrenToClose) {
      child.close();
    }
    for (Interception interception : toClose) {
      interception.close();
    }
    Scopes.closed(this);
    if (opener == Thread.currentThread()) {
      ThreadState state = ThreadState.current();
      if (state.scope != null && state.scope.isWithin(this)) {
        state.scope = openerBefore;
      }
    }
  }

  @Override
  public String toString() {
    return kind == OPENED ? "scope '" + name + "'" + (open ? "" : " (closed)") : name;
  }

  /** @return what untraced work handed over ({@code made}: lambdas made) in this scope carries */
  Handover handover(boolean made) {
    Handover handover = made ? this.made : handedOver;
    if (handover == null) {
      // Racing threads may each make one: they are equal.
      handover = Handover.untraced(this, made);
      if (made) {
        this.made = handover;
      } else {
        handedOver = handover;
      }
    }
    return handover;
  }
}
