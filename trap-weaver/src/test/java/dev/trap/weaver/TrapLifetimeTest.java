package dev.trap.weaver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.trap.Call;
import dev.trap.Interceptor;
import dev.trap.MethodInfo;
import dev.trap.Registration;
import dev.trap.Trap;
import dev.trap.weaver.testing.WovenClasses;
import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A trap lives exactly as long as its class: a woven class keeps its traps, whatever the garbage
 * collector does, and the runtime keeps no woven class loaded once its loader is dropped.
 */
class TrapLifetimeTest {

  private static Interceptor countingAdd(AtomicInteger calls) {
    return new Interceptor() {
      @Override
      public boolean appliesTo(MethodInfo method) {
        return method.declaringClass().getName().equals("samples.Calculator")
            && method.name().equals("add");
      }

      @Override
      public Object pre(Call call) {
        calls.incrementAndGet();
        return null;
      }
    };
  }

  private static int add(Class<?> calculator) throws Exception {
    return (int) calculator.getMethod("add", int.class, int.class).invoke(null, 2, 3);
  }

  private static void collectGarbage() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      byte[][] garbage = new byte[32][];
      for (int j = 0; j < garbage.length; j++) {
        garbage[j] = new byte[1 << 20];
      }
      Thread.sleep(5);
    }
  }

  @Test
  void trap_should_take_interceptors_added_after_garbage_collection() throws Exception {
    Class<?> calculator = WovenClasses.samples().load("samples.Calculator");
    assertEquals(5, add(calculator));

    collectGarbage();

    AtomicInteger calls = new AtomicInteger();
    try (Registration registration = Trap.addThreadInterceptor(countingAdd(calls))) {
      assertEquals(5, add(calculator));
    }
    assertEquals(1, calls.get());
  }

  @Test
  void woven_class_should_be_unloaded_once_its_loader_is_dropped() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    try (Registration armingIt = Trap.addGlobalInterceptor(countingAdd(calls))) {
      WeakReference<Class<?>> calculator = loadAndCall();
      for (int i = 0; i < 20 && calculator.get() != null; i++) {
        collectGarbage();
      }
      assertNull(calculator.get(), "the runtime keeps the woven class loaded");
    }
    assertEquals(1, calls.get());
  }

  /** In a method of its own, so that no local variable keeps the class. */
  private static WeakReference<Class<?>> loadAndCall() throws Exception {
    Class<?> calculator = WovenClasses.samples().load("samples.Calculator");
    assertEquals(5, add(calculator));
    return new WeakReference<>(calculator);
  }
}
