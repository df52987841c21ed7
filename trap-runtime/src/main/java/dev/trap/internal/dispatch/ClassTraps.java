package dev.trap.internal.dispatch;

import dev.trap.internal.scope.ThreadState;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The traps of one class, by method, and the interceptors that target the class or one of its
 * methods, linked or not yet. The class holds it (see {@link Registry}), so its traps live exactly
 * as long as the class, and a trap found once is found again however much garbage is collected.
 * One lock per class: linking and patching in different classes never wait for each other.
 *
 * <p>The traps of a woven class's call sites (calls of another class's method, such as
 * {@code System.currentTimeMillis}) are held by the calling class, and known weakly to the
 * called class's traps, which place the interceptors of the called method on them. A calling
 * class's lock may be held while the called class's is taken, never the other way.
 */
final class ClassTraps {

  private static final Interception[] NONE = new Interception[0];

  private final Class<?> type;
  /**
   * The woven class's own lookup, from its first link: what {@code proceed} calls bodies with.
   * Volatile, read without the lock: a site reads it under its own lock, and this class's lock
   * is taken before a site's, never after.
   */
  private volatile MethodHandles.Lookup lookup;
  private final Map<Key, MethodSite> sites = new HashMap<Key, MethodSite>();
  /** The traps of this class's call sites, by called class and method. */
  private final Map<Key, MethodSite> callSites = new HashMap<Key, MethodSite>();
  /** The traps of other classes' calls of this class's methods, by method. */
  private final Map<Key, List<WeakReference<MethodSite>>> calledFrom =
      new HashMap<Key, List<WeakReference<MethodSite>>>();
  /** Interceptors of one method, whether linked or not. */
  private final Map<Key, Interception[]> byMethod = new HashMap<Key, Interception[]>();
  /** Interceptors of every method of the class. */
  private Interception[] byType = NONE;
  /** Methods whose traps take the hand-overs of their tasks, to whether always; guarded by this. */
  private final Map<Key, Boolean> handoverTakers = new HashMap<Key, Boolean>();
  /** The class file's marker, read on first use. */
  private volatile WovenMarker marker;

  ClassTraps(Class<?> type) {
    this.type = type;
  }

  synchronized MethodSite link(MethodHandles.Lookup lookup, MethodType type,
      MethodMetadata metadata) {
    Key key = new Key(metadata.name, metadata.descriptor);
    MethodSite site = sites.get(key);
    if (site != null) {
      // Threads racing through a first call, or a class redefined by an agent: one trap each.
      return site;
    }
    if (this.lookup == null) {
      this.lookup = lookup;
    }
    site = new MethodSite(this, new WovenMethod(this.type, metadata), type);
    Boolean takesHandovers = handoverTakers.get(key);
    if (takesHandovers != null) {
      site.takeHandovers(takesHandovers);
    }
    offerAll(site, key);
    // Stored once every interception was offered: a link that failed halfway is done again
    // whole. An appliesTo that called the method linked it meanwhile: that trap is the JVM's.
    MethodSite linkedMeanwhile = sites.get(key);
    if (linkedMeanwhile != null) {
      return linkedMeanwhile;
    }
    sites.put(key, site);
    return site;
  }

  /**
   * Links the trap of this class's calls of another class's method.
   *
   * @param callee the called class
   * @param calleeTraps its traps, which learn of the trap
   */
  synchronized MethodSite linkCallSite(MethodHandles.Lookup lookup, MethodType type,
      MethodMetadata metadata, Class<?> callee, ClassTraps calleeTraps) {
    Key key = new Key(metadata.callee + '.' + metadata.name, metadata.descriptor);
    MethodSite site = callSites.get(key);
    if (site != null) {
      return site;
    }
    if (this.lookup == null) {
      this.lookup = lookup;
    }
    site = new MethodSite(this, new WovenMethod(callee, metadata), type);
    calleeTraps.attach(site, new Key(metadata.name, metadata.descriptor));
    callSites.put(key, site);
    return site;
  }

  /** A call site's trap of one of this class's methods: offered what intercepts the method. */
  synchronized void attach(MethodSite site, Key key) {
    offerAll(site, key);
    List<WeakReference<MethodSite>> list = calledFrom.get(key);
    if (list == null) {
      list = new ArrayList<WeakReference<MethodSite>>(2);
      calledFrom.put(key, list);
    }
    for (Iterator<WeakReference<MethodSite>> i = list.iterator(); i.hasNext(); ) {
      if (i.next().get() == null) {
        i.remove();
      }
    }
    list.add(new WeakReference<MethodSite>(site));
  }

  /** @return the live call-site traps of one of this class's methods, or of all of them */
  private List<MethodSite> calledFromNow(Key key) {
    List<MethodSite> live = new ArrayList<MethodSite>();
    for (Map.Entry<Key, List<WeakReference<MethodSite>>> entry : calledFrom.entrySet()) {
      if (key == null || key.equals(entry.getKey())) {
        for (WeakReference<MethodSite> reference : entry.getValue()) {
          MethodSite site = reference.get();
          if (site != null) {
            live.add(site);
          }
        }
      }
    }
    return live;
  }

  /** Offers a new trap what intercepts its method, its class, or any method. Lock held. */
  private void offerAll(MethodSite site, Key key) {
    Interception[] ofMethod = byMethod.get(key);
    Interception[] ofAny = Registry.anyTarget();
    if (byType.length > 0 || ofMethod != null || ofAny.length > 0) {
      ThreadState thread = ThreadState.current();
      thread.hooks++;
      try {
        offer(site, byType);
        offer(site, ofMethod);
        offer(site, ofAny);
      } finally {
        thread.hooks--;
      }
    }
  }

  /** Hooks raised. */
  private static void offer(MethodSite site, Interception[] interceptions) {
    if (interceptions == null) {
      return;
    }
    for (Interception interception : interceptions) {
      if (interception.state != Interception.CLOSED
          && interception.appliesToWhileLinking(site.method())) {
        site.add(interception);
      }
    }
  }

  /** Makes the trap of one method take the hand-overs of its tasks, once linked if not yet. */
  synchronized void takeHandovers(String method, boolean always) {
    int parameters = method.indexOf('(');
    Key key = new Key(method.substring(0, parameters), method.substring(parameters));
    handoverTakers.put(key, always);
    MethodSite site = sites.get(key);
    if (site != null) {
      site.takeHandovers(always);
    }
  }

  WovenMarker marker() {
    WovenMarker read = marker;
    if (read == null) {
      read = WovenMarker.of(type);
      marker = read;
    }
    return read;
  }

  MethodHandles.Lookup lookup() {
    return lookup;
  }

  /** Adds an interceptor of this class or one of its methods; all or nothing. Hooks raised. */
  synchronized void add(Interception interception) {
    String name = interception.target.name();
    if (name != null) {
      Key key = new Key(name, interception.target.descriptor());
      MethodSite site = sites.get(key);
      if (site != null && interception.appliesToOrFail(site.method())) {
        site.add(interception);
      }
      for (MethodSite callSite : calledFromNow(key)) {
        if (interception.appliesToOrFail(callSite.method())) {
          callSite.add(interception);
        }
      }
      byMethod.put(key, with(byMethod.get(key), interception));
      return;
    }
    // Published first, and asked of a copy of the sites: appliesTo may link methods meanwhile.
    byType = with(byType, interception);
    List<MethodSite> all = sitesNow();
    all.addAll(calledFromNow(null));
    for (MethodSite site : all) {
      if (interception.appliesToOrFail(site.method())) {
        site.add(interception);
      }
    }
  }

  private List<MethodSite> sitesNow() {
    return new ArrayList<MethodSite>(sites.values());
  }

  synchronized void remove(Interception interception) {
    String name = interception.target.name();
    if (name != null) {
      Key key = new Key(name, interception.target.descriptor());
      Interception[] rest = without(byMethod.get(key), interception);
      if (rest == null) {
        byMethod.remove(key);
      } else {
        byMethod.put(key, rest);
      }
      MethodSite site = sites.get(key);
      if (site != null) {
        site.remove(interception);
      }
      for (MethodSite callSite : calledFromNow(key)) {
        callSite.remove(interception);
      }
      return;
    }
    Interception[] rest = without(byType, interception);
    byType = rest == null ? NONE : rest;
    List<MethodSite> all = sitesNow();
    all.addAll(calledFromNow(null));
    for (MethodSite site : all) {
      if (site.holds(interception)) {
        site.remove(interception);
      }
    }
  }

  /**
   * Adds an interceptor of target any; all or nothing is the caller's business. Hooks raised.
   */
  synchronized void addToEveryTrap(Interception interception) {
    List<MethodSite> all = sitesNow();
    all.addAll(callSites.values());
    for (MethodSite site : all) {
      if (interception.appliesToOrFail(site.method())) {
        site.add(interception);
      }
    }
  }

  synchronized void removeFromEveryTrap(Interception interception) {
    List<MethodSite> all = sitesNow();
    all.addAll(callSites.values());
    for (MethodSite site : all) {
      if (site.holds(interception)) {
        site.remove(interception);
      }
    }
  }

  private static Interception[] with(Interception[] interceptions, Interception added) {
    if (interceptions == null) {
      return new Interception[] {added};
    }
    Interception[] next = Arrays.copyOf(interceptions, interceptions.length + 1);
    next[interceptions.length] = added;
    return next;
  }

  /** @return the rest, or null if none is left */
  private static Interception[] without(Interception[] interceptions, Interception removed) {
    if (interceptions == null) {
      return null;
    }
    List<Interception> rest = new ArrayList<Interception>(Arrays.asList(interceptions));
    rest.remove(removed);
    return rest.isEmpty() ? null : rest.toArray(NONE);
  }

  @Override
  public String toString() {
    return "traps of " + type.getName();
  }

  /** A method of the class: its name and descriptor, without concatenating them. */
  static final class Key {
    private final String name;
    private final String descriptor;

    Key(String name, String descriptor) {
      this.name = name;
      this.descriptor = descriptor;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key && ((Key) other).name.equals(name)
          && ((Key) other).descriptor.equals(descriptor);
    }

    @Override
    public int hashCode() {
      return name.hashCode() * 31 + descriptor.hashCode();
    }
  }
}
