package dev.trap.internal.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trap.Call;
import dev.trap.Interceptor;
import dev.trap.MethodInfo;
import dev.trap.Registration;
import dev.trap.Scope;
import dev.trap.Target;
import dev.trap.Trap;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * How the registry keeps traps and places interceptors. Traps are linked as the JVM would link
 * them, through {@link Trampoline#bootstrap}, with methods of this class as their woven methods:
 * each test names methods of its own, since a trap, once linked, lives as long as its class.
 */
class RegistryTest {

  private static final MethodType NO_ARGUMENTS = MethodType.methodType(Object.class);
  private static final AtomicInteger NAMES = new AtomicInteger();

  private static CallSite link(String name) {
    return link(name, Modifier.STATIC);
  }

  private static CallSite link(String name, int access) {
    return Trampoline.bootstrap(MethodHandles.lookup(), "trap", NO_ARGUMENTS,
        MethodMetadata.encode(access, 7, name, "()V", null, "RegistryTest.java"));
  }

  private static Object call(CallSite site) throws Throwable {
    Object call = site.dynamicInvoker().invoke();
    if (call != null) {
      Trampoline.exit(call);
    }
    return call;
  }

  private static String uniqueName(String prefix) {
    return prefix + NAMES.incrementAndGet();
  }

  private static Interceptor named(String name, List<String> seen) {
    return new Interceptor() {
      @Override
      public boolean appliesTo(MethodInfo method) {
        return method.name().equals(name);
      }

      @Override
      public Object pre(Call call) {
        seen.add(call.method().name());
        return null;
      }
    };
  }

  /** The reproduction of the issue: test 1 patches, tests 2..n allocate, test n+1 patches again. */
  @Test
  void trap_should_outlive_garbage_collection_while_its_class_is_loaded() throws Throwable {
    String name = uniqueName("collected");
    CallSite site = link(name);   // as the woven class's constant pool holds it
    assertNull(call(site));

    for (int i = 0; i < 5; i++) {
      System.gc();
      byte[][] garbage = new byte[64][];
      for (int j = 0; j < garbage.length; j++) {
        garbage[j] = new byte[1 << 20];
      }
      Thread.sleep(5);
    }

    List<String> seen = new ArrayList<>();
    try (Registration registration = Trap.addThreadInterceptor(named(name, seen))) {
      assertNotNull(call(site), "the interceptor must see the call");
    }
    assertEquals(Collections.singletonList(name), seen);
  }

  @Test
  void add_should_arm_nothing_when_appliesTo_throws_for_one_of_the_methods() throws Throwable {
    String first = uniqueName("first");
    String second = uniqueName("second");
    CallSite firstSite = link(first);
    link(second);
    Interceptor brokenOnSecond = new Interceptor() {
      @Override
      public boolean appliesTo(MethodInfo method) {
        if (method.name().equals(second)) {
          throw new IllegalStateException("cannot judge " + method.name());
        }
        return method.name().equals(first);
      }

      @Override
      public Object pre(Call call) {
        throw new AssertionError("must not see " + call.method());
      }
    };

    IllegalStateException thrown = assertThrows(IllegalStateException.class,
        () -> Trap.addGlobalInterceptor(brokenOnSecond));

    assertTrue(thrown.getMessage().contains("threw from appliesTo(dev.trap.internal.dispatch.RegistryTest."
        + second + "() (RegistryTest.java:7)), so it was not added"), thrown.getMessage());
    assertNull(call(firstSite), "the first method must not stay armed for the failed add");
  }

  @Test
  void linking_should_survive_an_appliesTo_that_throws_and_report_it_once() throws Throwable {
    String fragile = uniqueName("fragile");
    String other = uniqueName("other");
    Interceptor throwsWhenLinking = new Interceptor() {
      @Override
      public boolean appliesTo(MethodInfo method) {
        if (method.name().startsWith("fragile") || method.name().startsWith("other")) {
          throw new NoClassDefFoundError("com/acme/Optional");
        }
        return false;
      }

      @Override
      public String toString() {
        return "ThrowsWhenLinking";
      }
    };
    String report;
    CallSite site;
    CallSite otherSite;
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (Registration registration = Trap.addGlobalInterceptor(throwsWhenLinking)) {
      System.setErr(new PrintStream(captured, true, "UTF-8"));
      try {
        site = link(fragile);
        otherSite = link(other);
      } finally {
        System.setErr(err);
      }
      report = new String(captured.toByteArray(), StandardCharsets.UTF_8);
      assertNull(call(site));
    }
    assertNull(call(site), "the method must work after the interceptor is gone");
    assertNull(call(otherSite));
    assertTrue(report.startsWith("[Trap] WARNING: Interceptor ThrowsWhenLinking threw from"
        + " appliesTo(dev.trap.internal.dispatch.RegistryTest." + fragile + "() (RegistryTest.java:7))"
        + " when the method was first called. It does not apply to that method, and the call"
        + " goes on."), report);
    assertTrue(report.contains("java.lang.NoClassDefFoundError: com/acme/Optional"), report);
    assertEquals(1, report.split("\\[Trap\\]", -1).length - 1, "reported once: " + report);
  }

  @Test
  void racing_first_calls_should_link_one_trap_and_one_method() throws Throwable {
    int threads = 4;
    Set<MethodInfo> seen = Collections.newSetFromMap(new IdentityHashMap<MethodInfo, Boolean>());
    Interceptor recorder = new Interceptor() {
      @Override
      public boolean appliesTo(MethodInfo method) {
        if (method.name().startsWith("raced")) {
          synchronized (seen) {
            seen.add(method);
          }
        }
        return false;
      }
    };
    try (Registration registration = Trap.addGlobalInterceptor(recorder)) {
      for (int round = 0; round < 100; round++) {
        String name = uniqueName("raced");
        CyclicBarrier start = new CyclicBarrier(threads);
        CallSite[] sites = new CallSite[threads];
        List<Thread> racers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int index = t;
          Thread racer = new Thread(() -> {
            try {
              start.await();
              sites[index] = link(name);
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          });
          racer.start();
          racers.add(racer);
        }
        for (Thread racer : racers) {
          racer.join();
        }
        for (CallSite site : sites) {
          assertSame(sites[0], site, "round " + round);
        }
      }
    }
    assertEquals(100, seen.size(), "one MethodInfo per method");
  }

  @Test
  void modifiers_should_hold_only_the_flags_reflection_reports() {
    int deprecatedPseudoFlag = 0x20000;
    String name = uniqueName("deprecated");
    List<MethodInfo> seen = new ArrayList<>();
    try (Registration registration = Trap.addThreadInterceptor(new Interceptor() {
      @Override
      public boolean appliesTo(MethodInfo method) {
        if (method.name().equals(name)) {
          seen.add(method);
        }
        return false;
      }
    })) {
      link(name, Modifier.PUBLIC | Modifier.STATIC | deprecatedPseudoFlag);
    }
    assertEquals(Modifier.PUBLIC | Modifier.STATIC, seen.get(0).modifiers());
  }

  @Test
  void malformed_metadata_should_leave_the_method_untrapped_and_say_why() throws Throwable {
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    CallSite site;
    System.setErr(new PrintStream(captured, true, "UTF-8"));
    try {
      site = Trampoline.bootstrap(MethodHandles.lookup(), "trap", NO_ARGUMENTS,
          "name, descriptor, access");
    } finally {
      System.setErr(err);
    }

    assertNull(call(site));
    assertEquals("[Trap] WARNING: Trap cannot link a trap of dev.trap.internal.dispatch.RegistryTest:"
        + " Malformed trap metadata 'name, descriptor, access': the class was woven by another"
        + " version of Trap than this runtime. Use the same version of trap-maven-plugin and"
        + " trap-runtime, and rebuild (mvn clean). Until then its calls run untrapped.",
        new String(captured.toByteArray(), StandardCharsets.UTF_8).trim());
  }

  @Test
  void method_target_should_apply_to_a_method_linked_after_it_was_added() throws Throwable {
    String name = uniqueName("later");
    List<String> seen = new ArrayList<>();
    Interceptor onLater = new Interceptor() {
      @Override
      public Target target() {
        return Target.method(RegistryTest.class, name, "()V");
      }

      @Override
      public Object pre(Call call) {
        seen.add(call.method().name());
        return null;
      }
    };
    try (Registration registration = Trap.addThreadInterceptor(onLater)) {
      CallSite site = link(name);
      assertNotNull(call(site));
      CallSite other = link(uniqueName("notTargeted"));
      assertNull(call(other));
    }
    assertEquals(Collections.singletonList(name), seen);
  }

  @Test
  void method_target_should_ask_appliesTo_only_of_its_method() throws Throwable {
    String name = uniqueName("asked");
    link(name);
    link(uniqueName("notAsked"));
    List<String> asked = new ArrayList<>();
    Interceptor oneMethod = new Interceptor() {
      @Override
      public Target target() {
        return Target.method(RegistryTest.class, name, "()V");
      }

      @Override
      public boolean appliesTo(MethodInfo method) {
        asked.add(method.name());
        return true;
      }
    };
    Trap.addThreadInterceptor(oneMethod).close();

    assertEquals(Collections.singletonList(name), asked);
  }

  @Test
  void type_target_should_apply_to_every_method_of_the_class_linked_before_or_after()
      throws Throwable {
    CallSite before = link(uniqueName("before"));
    List<String> seen = new ArrayList<>();
    Interceptor wholeClass = new Interceptor() {
      @Override
      public Target target() {
        return Target.type(RegistryTest.class);
      }

      @Override
      public Object pre(Call call) {
        seen.add(call.method().name().replaceAll("\\d", ""));
        return null;
      }
    };
    try (Registration registration = Trap.addThreadInterceptor(wholeClass)) {
      CallSite after = link(uniqueName("after"));
      call(before);
      call(after);
    }
    assertEquals(java.util.Arrays.asList("before", "after"), seen);
  }

  @Test
  void replacing_interceptors_should_come_after_the_others_and_the_newest_first()
      throws Throwable {
    String name = uniqueName("replaced");
    CallSite site = link(name);
    List<String> order = new ArrayList<>();
    Interceptor observer = named(name, order);
    Interceptor older = replacing(name, "older", order);
    Interceptor newer = replacing(name, "newer", order);
    try (Registration first = Registry.addReplacing(Scope.currentThread(), older);
        Registration second = Trap.addThreadInterceptor(observer);
        Registration third = Registry.addReplacing(Scope.currentThread(), newer)) {
      call(site);
      third.close();
      call(site);
    }
    assertEquals(java.util.Arrays.asList(name, "newer", name, "older"), order);
  }

  /** Decides the call, as a patch does: the pre hooks of replacing ones after it do not run. */
  private static Interceptor replacing(String name, String label, List<String> seen) {
    return new Interceptor() {
      @Override
      public boolean appliesTo(MethodInfo method) {
        return method.name().equals(name);
      }

      @Override
      public Object pre(Call call) {
        seen.add(label);
        call.returnWith(null);
        return null;
      }
    };
  }

  @Test
  void closed_registration_should_disarm_the_trap_at_its_next_call() throws Throwable {
    String name = uniqueName("disarmed");
    CallSite site = link(name);
    Object idle = site.getTarget();
    Registration registration = Trap.addThreadInterceptor(named(name, new ArrayList<>()));
    Object armed = site.getTarget();
    registration.close();

    assertNull(call(site));

    assertTrue(idle != armed, "adding arms the trap");
    assertSame(idle, site.getTarget(), "the next call after closing disarms it");
    assertSame(MethodSite.idle(NO_ARGUMENTS), idle, "idle targets are shared by type");
  }
}
