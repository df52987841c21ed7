package dev.trap.internal;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.ref.WeakReference;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

class RegistryTest {

  /**
   * The registry's record of a trap holds the trap's call site, so the call site can only be
   * collected if the registry lets go of the record once nothing else needs it.
   */
  @Test
  void registry_should_not_keep_traps_alive_once_nothing_else_does() throws Exception {
    WeakReference<CallSite> site = new WeakReference<>(Trampoline.bootstrap(
        MethodHandles.lookup(), "trap", MethodType.methodType(Object.class), "unused", "()V",
        Modifier.STATIC, "", -1, ""));

    for (int i = 0; i < 50 && site.get() != null; i++) {
      System.gc();
      Thread.sleep(10);
    }

    assertNull(site.get());
  }
}
