package dev.trap.testing;

import dev.trap.internal.dispatch.Trampoline;
import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Modifier;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The trap of a static {@code void} method without arguments, linked as the JVM links a woven
 * method's trap, and called as the woven method's prologue and exit would call it. The method
 * need not exist: the trap knows it by the constants it was linked with. Each trap is linked with
 * a name of its own, as a trap lives as long as its class.
 */
public final class LinkedTrap {

  private static final AtomicInteger NAMES = new AtomicInteger();

  private final CallSite site;
  private final String name;

  private LinkedTrap(CallSite site, String name) {
    this.site = site;
    this.name = name;
  }

  /**
   * @param lookup the lookup of the class the method is to belong to
   * @param prefix the start of the method's name, followed by a number of its own
   * @return the linked trap
   */
  public static LinkedTrap link(MethodHandles.Lookup lookup, String prefix) {
    String name = prefix + NAMES.incrementAndGet();
    // The metadata of a static method of no parameters, without line or source file.
    String metadata = Modifier.STATIC + " -1 " + name + "/()V-";
    return new LinkedTrap(Trampoline.bootstrap(lookup, "trap", MethodType.methodType(Object.class),
        metadata), name);
  }

  /** @return the method's name */
  public String name() {
    return name;
  }

  /** @return the call site, as the woven class's constant pool holds it */
  public CallSite site() {
    return site;
  }

  /**
   * Calls the method: runs the trap and, if interceptors took the call, its exit.
   *
   * @return true if interceptors took the call
   */
  public boolean call() {
    Object call;
    try {
      call = site.dynamicInvoker().invoke();
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
    if (call != null) {
      Trampoline.exit(call);
    }
    return call != null;
  }
}
