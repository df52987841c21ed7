package dev.trap.internal;

import dev.trap.Interceptor;
import dev.trap.Registration;
import java.lang.invoke.MethodType;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Knows every linked trap and every active interceptor, and arms exactly the traps that some
 * interceptor applies to. Changes are rare (a test adds or removes an interceptor) and take a
 * lock; calls never do.
 */
public final class Registry {

  private static final Object LOCK = new Object();
  /**
   * Weak: a linked trap is kept alive by its class (through the call site), and must not keep
   * the class and its loader alive in turn.
   */
  private static final List<WeakReference<MethodSite>> SITES =
      new ArrayList<WeakReference<MethodSite>>();
  private static final List<Interception> ACTIVE = new ArrayList<Interception>();
  private static long nextOrder;

  private Registry() {
  }

  static MethodSite link(WovenMethod method, MethodType type) {
    synchronized (LOCK) {
      MethodSite site = new MethodSite(method, type);
      for (Interception interception : ACTIVE) {
        if (interception.appliesTo(method)) {
          site.add(interception);
        }
      }
      SITES.add(new WeakReference<MethodSite>(site));
      return site;
    }
  }

  /**
   * Adds an interceptor.
   *
   * @param interceptor the interceptor
   * @param thread the only thread whose calls it sees, or null for all threads
   * @return its registration
   */
  public static Registration add(Interceptor interceptor, Thread thread) {
    if (interceptor == null) {
      throw new NullPointerException("interceptor");
    }
    synchronized (LOCK) {
      Interception interception = new Interception(interceptor, thread, nextOrder++);
      for (MethodSite site : liveSites()) {
        if (interception.appliesTo(site.method())) {
          site.add(interception);
        }
      }
      ACTIVE.add(interception);
      return interception;
    }
  }

  /** @return the traps whose classes are still loaded, dropping the others; lock held */
  private static List<MethodSite> liveSites() {
    List<MethodSite> live = new ArrayList<MethodSite>(SITES.size());
    for (Iterator<WeakReference<MethodSite>> i = SITES.iterator(); i.hasNext(); ) {
      MethodSite site = i.next().get();
      if (site == null) {
        i.remove();
      } else {
        live.add(site);
      }
    }
    return live;
  }

  static void remove(Interception interception) {
    synchronized (LOCK) {
      if (ACTIVE.remove(interception)) {
        for (MethodSite site : liveSites()) {
          site.remove(interception);
        }
      }
    }
  }
}
