package dev.trap.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The traps of one class, by method, and the interceptors that target the class or one of its
 * methods, linked or not yet. The class holds it (see {@link Registry}), so its traps live exactly
 * as long as the class, and a trap found once is found again however much garbage is collected.
 * One lock per class: linking and patching in different classes never wait for each other.
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
  /** Interceptors of one method, whether linked or not. */
  private final Map<Key, Interception[]> byMethod = new HashMap<Key, Interception[]>();
  /** Interceptors of every method of the class. */
  private Interception[] byType = NONE;
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
    // Stored once every interception was offered: a link that failed halfway is done again
    // whole. An appliesTo that called the method linked it meanwhile: that trap is the JVM's.
    MethodSite linkedMeanwhile = sites.get(key);
    if (linkedMeanwhile != null) {
      return linkedMeanwhile;
    }
    sites.put(key, site);
    return site;
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
      byMethod.put(key, with(byMethod.get(key), interception));
      return;
    }
    // Published first, and asked of a copy of the sites: appliesTo may link methods meanwhile.
    byType = with(byType, interception);
    for (MethodSite site : sitesNow()) {
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
      return;
    }
    Interception[] rest = without(byType, interception);
    byType = rest == null ? NONE : rest;
    for (MethodSite site : sitesNow()) {
      if (site.holds(interception)) {
        site.remove(interception);
      }
    }
  }

  /**
   * Adds an interceptor of target any; all or nothing is the caller's business. Hooks raised.
   */
  synchronized void addToEveryTrap(Interception interception) {
    for (MethodSite site : sitesNow()) {
      if (interception.appliesToOrFail(site.method())) {
        site.add(interception);
      }
    }
  }

  synchronized void removeFromEveryTrap(Interception interception) {
    for (MethodSite site : sitesNow()) {
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
  private static final class Key {
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
