package dev.trap.internal;

import dev.trap.Interceptor;
import dev.trap.Registration;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;

/**
 * Knows every linked trap and every active interceptor, and arms exactly the traps that some
 * interceptor applies to. Changes are rare (a test adds or removes an interceptor) and take a
 * lock; calls never do.
 */
public final class Registry {

  private static final Object LOCK = new Object();
  private static final List<MethodSite> SITES = new ArrayList<MethodSite>();
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
      SITES.add(site);
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
      for (MethodSite site : SITES) {
        if (interception.appliesTo(site.method())) {
          site.add(interception);
        }
      }
      ACTIVE.add(interception);
      return interception;
    }
  }

  static void remove(Interception interception) {
    synchronized (LOCK) {
      if (ACTIVE.remove(interception)) {
        for (MethodSite site : SITES) {
          site.remove(interception);
        }
      }
    }
  }
}
