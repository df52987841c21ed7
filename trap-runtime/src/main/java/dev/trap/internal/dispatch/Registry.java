package dev.trap.internal.dispatch;

import dev.trap.Interceptor;
import dev.trap.Registration;
import dev.trap.Scope;
import dev.trap.Target;
import dev.trap.internal.callsite.CallSites;
import dev.trap.internal.scope.ScopeImpl;
import dev.trap.internal.scope.ThreadState;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Knows every linked trap and every added interceptor, and arms exactly the traps that some
 * interceptor applies to.
 *
 * <p>Traps are indexed by class ({@link ClassTraps}, held by the class itself through a
 * {@link ClassValue}: as long as the class is loaded and no longer), then by method. A class
 * that may outlive the runtime, such as one of the JDK's whose calls woven classes trap, holds
 * nothing of the runtime: its traps are indexed here instead ({@link Loaders}). An
 * interceptor that targets one method or one class is found and placed through that index, with
 * the lock of that class alone. Only interceptors that target {@linkplain Target#any() any}
 * method are asked of every linked trap, under the one global lock.
 */
public final class Registry {

  private static final Interception[] NONE = new Interception[0];

  private static final ClassValue<ClassTraps> CLASSES = new ClassValue<ClassTraps>() {
    @Override
    protected ClassTraps computeValue(Class<?> type) {
      ClassTraps traps = new ClassTraps(type);
      remember(traps);
      return traps;
    }
  };

  /** The traps of classes that may outlive the runtime, which must not hold them. */
  private static final ConcurrentHashMap<Class<?>, ClassTraps> OUTLIVING =
      new ConcurrentHashMap<Class<?>, ClassTraps>();

  private static final AtomicLong ORDER = new AtomicLong();
  private static final Object LOCK = new Object();
  /** Interceptors of target any, which every newly linked trap asks. Written under LOCK. */
  private static volatile Interception[] anyTarget = NONE;
  /** Every class that linked a trap or was targeted, weakly. Guarded by LOCK. */
  private static final Set<WeakReference<ClassTraps>> ALL = new HashSet<WeakReference<ClassTraps>>();
  private static final ReferenceQueue<ClassTraps> UNLOADED = new ReferenceQueue<ClassTraps>();

  private Registry() {
  }

  /**
   * Prepares the first patch on a thread of its own ({@link Warmup}), as the tests start.
   * Calling it again does nothing.
   */
  public static void prepareFirstPatch() {
    Warmup.start();
  }

  /** @return the traps of a class, made on first use */
  static ClassTraps traps(Class<?> type) {
    if (!Loaders.mayOutliveRuntime(type)) {
      return CLASSES.get(type);
    }
    ClassTraps traps = OUTLIVING.get(type);
    if (traps == null) {
      ClassTraps made = new ClassTraps(type);
      traps = OUTLIVING.putIfAbsent(type, made);
      if (traps == null) {
        traps = made;
        remember(made);
      }
    }
    return traps;
  }

  /** Links the trap of one method, or returns the one linked before. */
  static MethodSite link(MethodHandles.Lookup lookup, MethodType type, MethodMetadata metadata) {
    if (metadata.callKind != 0) {
      return linkCallSite(lookup, type, metadata);
    }
    return traps(lookup.lookupClass()).link(lookup, type, metadata);
  }

  /**
   * Links the trap of a woven class's calls of another class's method. The calling class holds
   * the trap, so it lives as long as that class; the called class's traps know it too, weakly,
   * so that interceptors of the called method find it.
   */
  private static MethodSite linkCallSite(MethodHandles.Lookup lookup, MethodType type,
      MethodMetadata metadata) {
    Class<?> caller = lookup.lookupClass();
    Class<?> callee;
    try {
      callee = Class.forName(metadata.callee.replace('/', '.'), false, caller.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(caller.getName() + " calls " + metadata.callee
          + ", which its class loader cannot find", e);
    }
    // Filed under the root of the method the call resolves to (list.size() and
    // arrayList.size() under Collection.size()), where every patch of it looks.
    Class<?> declaring = CallSites.filed(
        CallSites.declaring(callee, metadata.name, metadata.descriptor), metadata.name,
        metadata.descriptor);
    CallSites.linked(declaring, metadata.name, metadata.descriptor);
    return traps(caller).linkCallSite(lookup, type, metadata, declaring, traps(declaring));
  }

  /**
   * Makes the trap of a woven task method take the hand-over its task carries when it runs
   * ({@link CarriedTasks}), before its interceptors are chosen, so that they are the ones of the
   * scope the task runs in.
   *
   * @param type the class that declares the method
   * @param method {@code name + descriptor}
   * @param always true for a fork-join task's, which only its pool runs
   */
  public static void takeHandovers(Class<?> type, String method, boolean always) {
    traps(type).takeHandovers(method, always);
  }

  /** @return Trap's marker of a class, as its class file holds it; read once per class */
  public static WovenMarker marker(Class<?> type) {
    return traps(type).marker();
  }

  /** @return the interceptors of target any; read by each newly linked trap */
  static Interception[] anyTarget() {
    return anyTarget;
  }

  /**
   * Adds an interceptor to a scope: all or nothing. Its pre hooks run after those of the
   * interceptors added before it.
   *
   * @throws IllegalStateException if the scope is closed or {@code appliesTo} throws
   */
  public static Registration add(ScopeImpl scope, Interceptor interceptor) {
    return add(scope, interceptor, false);
  }

  /**
   * Adds an interceptor that decides calls in place of others, such as a patch: its pre hook runs
   * after those of every interceptor of the usual kind, and before those of the replacing
   * interceptors added before it, so the newest replacement takes the call and the others wait
   * until it is closed. Observers (recordings, traces) thus see the call as its caller does.
   *
   * @param scope the scope
   * @param interceptor the interceptor
   * @return its registration
   */
  public static Registration addReplacing(Scope scope, Interceptor interceptor) {
    return add((ScopeImpl) scope, interceptor, true);
  }

  private static Registration add(ScopeImpl scope, Interceptor interceptor, boolean replacing) {
    if (interceptor == null) {
      throw new NullPointerException("interceptor");
    }
    Target target = interceptor.target();
    if (target == null) {
      throw new NullPointerException("Interceptor " + interceptor + " returned no target();"
          + " return Target.any() for every method");
    }
    long sequence = ORDER.incrementAndGet();
    Interception interception = new Interception(interceptor, scope, target,
        replacing ? Long.MAX_VALUE - sequence : sequence);
    scope.register(interception);
    // appliesTo is the interceptor's own code: its calls into woven code are not trapped.
    ThreadState thread = ThreadState.current();
    thread.hooks++;
    try {
      if (target.isAny()) {
        addToEveryTrap(interception);
      } else {
        traps(target.type()).add(interception);
      }
    } catch (RuntimeException e) {
      interception.close();
      // Also when a concurrent close of its scope closed it first, halfway through the add.
      remove(interception);
      throw e;
    } finally {
      thread.hooks--;
    }
    if (!interception.activate()) {
      // Its scope was closed while it was being added, and may have missed traps armed since.
      remove(interception);
    }
    return interception;
  }

  private static void addToEveryTrap(Interception interception) {
    List<ClassTraps> classes;
    synchronized (LOCK) {
      Interception[] next = Arrays.copyOf(anyTarget, anyTarget.length + 1);
      next[next.length - 1] = interception;
      anyTarget = next;
      classes = liveClasses();
    }
    for (ClassTraps traps : classes) {
      traps.addToEveryTrap(interception);
    }
  }

  static void remove(Interception interception) {
    if (!interception.target.isAny()) {
      traps(interception.target.type()).remove(interception);
      return;
    }
    List<ClassTraps> classes;
    synchronized (LOCK) {
      List<Interception> rest = new ArrayList<Interception>(Arrays.asList(anyTarget));
      rest.remove(interception);
      anyTarget = rest.isEmpty() ? NONE : rest.toArray(NONE);
      // Swept even if it was gone from anyTarget: an add racing a close may have placed it in
      // classes that the close's sweep had passed.
      classes = liveClasses();
    }
    for (ClassTraps traps : classes) {
      traps.removeFromEveryTrap(interception);
    }
  }

  private static void remember(ClassTraps traps) {
    synchronized (LOCK) {
      expungeUnloaded();
      ALL.add(new WeakReference<ClassTraps>(traps, UNLOADED));
    }
  }

  /** Lock held. */
  private static List<ClassTraps> liveClasses() {
    expungeUnloaded();
    List<ClassTraps> live = new ArrayList<ClassTraps>(ALL.size());
    for (WeakReference<ClassTraps> reference : ALL) {
      ClassTraps traps = reference.get();
      if (traps != null) {
        live.add(traps);
      }
    }
    return live;
  }

  /** Lock held. */
  private static void expungeUnloaded() {
    for (Object gone = UNLOADED.poll(); gone != null; gone = UNLOADED.poll()) {
      ALL.remove(gone);
    }
  }
}
