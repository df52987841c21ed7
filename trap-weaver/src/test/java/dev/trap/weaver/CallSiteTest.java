package dev.trap.weaver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trap.Call;
import dev.trap.CallTree;
import dev.trap.Interceptor;
import dev.trap.MethodInfo;
import dev.trap.Mock;
import dev.trap.Patch;
import dev.trap.Recording;
import dev.trap.Registration;
import dev.trap.Target;
import dev.trap.Trace;
import dev.trap.Trap;
import dev.trap.weaver.testing.WovenClasses;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Calls from woven classes to JDK methods, opened as call sites: each goes through a trap filed
 * under the called method, so patches, recordings and interceptors of that method see it.
 */
class CallSiteTest {

  private static final List<String> CALL_SITES = List.of("java.lang.System#currentTimeMillis",
      "java.lang.System#getProperty", "java.util.Random#nextInt", "java.util.List#size",
      "java.time.Instant#now", "samples.CallSites#GREETING", "samples.CallSites#limit",
      "samples.CallSites#CONSTANT", "java.util.Random#new", "java.lang.StringBuilder#new",
      "java.util.ArrayList#new", "samples.CallSites$Box#new");

  private final WovenClasses woven = new WovenClasses(Weaver.builder().include("samples.**")
      .callSites(CALL_SITES).build(), "samples.");
  private final Class<?> sample = woven.load("samples.CallSites");

  private Object property(String name) throws Exception {
    try {
      return call("property", name);
    } catch (Exception | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private Object call(String name, Object... arguments) throws Throwable {
    for (Method method : sample.getMethods()) {
      if (method.getName().equals(name)) {
        try {
          return method.invoke(null, arguments);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      }
    }
    throw new IllegalArgumentException(name);
  }

  @Test
  void weave_should_listTheMethodsWhoseCallsGetTraps() {
    assertEquals(Set.of("java/lang/System.currentTimeMillis()J",
        "java/lang/System.getProperty(Ljava/lang/String;)Ljava/lang/String;",
        "java/util/Random.nextInt(I)I", "java/util/List.size()I",
        "java/time/Instant.now()Ljava/time/Instant;",
        "samples/CallSites.GREETING()Ljava/lang/String;", "samples/CallSites.limit()I",
        "java/util/Random.<init>()V", "java/lang/StringBuilder.<init>(Ljava/lang/String;)V",
        "java/util/ArrayList.<init>(Ljava/util/Collection;)V",
        "samples/CallSites$Box.<init>(I)V"),
        woven.weave("samples.CallSites").callees());
  }

  @Test
  void patch_of_a_static_JDK_method_should_replace_its_calls_from_woven_classes()
      throws Throwable {
    call("millis"); // links the call site: the build's list is not on this test's class path
    try (Patch patch = Mock.patch(System::currentTimeMillis, () -> 42L)) {
      assertEquals(42L, call("millis"));
      assertNotEquals(42L, System.currentTimeMillis(), "calls from unwoven code stay untrapped");
    }
    assertNotEquals(42L, call("millis"));
  }

  @Test
  void patch_should_reach_calls_in_constructors_and_class_initializers() throws Throwable {
    call("millis");
    try (Patch patch = Mock.patch(System::currentTimeMillis, () -> 7L)) {
      Object instance = sample.getConstructor().newInstance();
      assertEquals(7L, sample.getMethod("createdAt").invoke(instance));
      // The class initializer ran before the patch: its call was real.
      assertNotEquals(7L, call("loadedAt"));
    }
  }

  @Test
  void patch_should_see_the_arguments_of_a_static_call() throws Throwable {
    call("property", "user.dir");
    try (Patch patch = Mock.patch(System::getProperty, (String name) -> "patched " + name)) {
      assertEquals("patched user.dir", call("property", "user.dir"));
    }
  }

  @Test
  void patch_of_a_virtual_method_should_get_the_receiver_of_each_call() throws Throwable {
    Random random = new Random(1);
    call("roll", random, 6);
    List<Object> receivers = new ArrayList<>();
    try (Patch patch = Mock.patchByName(Random.class, "nextInt", "(I)I", c -> {
      receivers.add(c.receiver());
      return 3;
    })) {
      assertEquals(4, call("roll", random, 6));
    }
    assertEquals(List.of(random), receivers);
  }

  @Test
  void patch_of_a_bound_reference_should_take_only_that_instance() throws Throwable {
    Random patched = new Random(1);
    Random other = new Random(1);
    call("roll", other, 6);
    try (Patch patch = Mock.patch(patched::nextInt, (Integer bound) -> 0)) {
      assertEquals(1, call("roll", patched, 6));
      int real = (int) call("roll", other, 6);
      assertTrue(real >= 1 && real <= 6);
    }
  }

  @Test
  void patch_of_an_interface_method_should_replace_its_calls() throws Throwable {
    call("size", List.of());
    try (Patch patch = Mock.patchByName(List.class, "size", "()I", c -> 99)) {
      assertEquals(99, call("size", List.of("a")));
    }
    assertEquals(1, call("size", List.of("a")));
  }

  @Test
  void method_reference_to_a_JDK_method_should_go_through_the_trap() throws Throwable {
    Instant then = Instant.parse("2000-01-01T00:00:00Z");
    call("nowThroughReference");
    try (Patch patch = Mock.patch(Instant::now, () -> then)) {
      assertEquals(then, call("nowThroughReference"));
    }
  }

  @Test
  void bound_method_reference_should_go_through_the_trap() throws Throwable {
    Random random = new Random(1);
    call("rollThroughBoundReference", random);
    try (Patch patch = Mock.patchByName(Random.class, "nextInt", "(I)I", c -> 5)) {
      assertEquals(5, call("rollThroughBoundReference", random));
    }
  }

  @Test
  void serializable_method_reference_should_stay_as_it_is() throws Throwable {
    call("millis");
    try (Patch patch = Mock.patch(System::currentTimeMillis, () -> 42L)) {
      assertNotEquals(42L, call("millisThroughSerializableReference"));
    }
  }

  @Test
  void default_method_should_call_through_a_bridge_of_its_interface() throws Throwable {
    Object timer = woven.load("samples.CallSites$Timer").getConstructor().newInstance();
    Method time = woven.load("samples.CallSites$Timed").getMethod("time");
    time.invoke(timer);
    try (Patch patch = Mock.patch(System::currentTimeMillis, () -> 3L)) {
      assertEquals(3L, time.invoke(timer));
    }
  }

  @Test
  void proceed_should_call_the_real_method() throws Throwable {
    call("property", "java.version");
    try (Patch patch = Mock.patchByName(System.class, "getProperty",
        "(Ljava/lang/String;)Ljava/lang/String;", c -> c.proceed() + "!")) {
      assertEquals(System.getProperty("java.version") + "!", call("property", "java.version"));
    }
  }

  @Test
  void recording_should_see_the_calls_of_every_call_site() throws Throwable {
    call("millis");
    Recording<Long> millis = Mock.record(System::currentTimeMillis);
    call("millis");
    sample.getConstructor().newInstance();
    assertEquals(2, millis.calls().size());
  }

  @Test
  void interceptor_should_see_the_called_method() throws Throwable {
    call("property", "user.dir");
    List<MethodInfo> seen = new ArrayList<>();
    Interceptor interceptor = new Interceptor() {
      @Override
      public Target target() {
        return Target.type(System.class);
      }

      @Override
      public boolean appliesTo(MethodInfo method) {
        return true;
      }

      @Override
      public Object pre(Call call) {
        seen.add(call.method());
        return null;
      }
    };
    try (Registration registration = Trap.addThreadInterceptor(interceptor)) {
      call("property", "user.dir");
    }
    assertEquals(1, seen.size());
    assertEquals(System.class, seen.get(0).declaringClass());
    assertEquals("getProperty", seen.get(0).name());
    assertTrue(seen.get(0).isStatic());
    assertEquals(List.of(String.class), seen.get(0).parameterTypes());
  }

  @Test
  void patch_of_a_JDK_method_whose_calls_are_not_trapped_should_fail_saying_how_to_open_it() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Mock.patch(System::lineSeparator, () -> "\r\n"));

    assertEquals("Mock.patch cannot patch java.lang.System.lineSeparator(): java.lang.System is"
        + " a class of the JDK, which Trap does not weave, and no woven class has a trapped call"
        + " of it. Trap can trap the calls of it that woven classes make: add"
        + " <callSite>java.lang.System#lineSeparator</callSite> to the <callSites> of"
        + " trap-maven-plugin's configuration (or set <callSiteDefaults>true</callSiteDefaults>,"
        + " which opens the clock, sleep, UUIDs, randomness, environment variables and system"
        + " properties). Calls from classes that are not woven, such as the tests' own, stay"
        + " untrapped.", e.getMessage());
  }

  @Test
  void patchField_should_replace_the_reads_of_a_static_field() throws Throwable {
    call("greeting");
    call("limit");
    try (Patch greeting = Mock.patchField(sample, "GREETING", () -> "hi");
        Patch limit = Mock.patchField(sample, "limit", () -> 99)) {
      assertEquals("hi", call("greeting"));
      assertEquals(99, call("limit"));
    }
    assertEquals("hello", call("greeting"));
    assertEquals(10, call("limit"));
  }

  @Test
  void patchField_of_a_constant_should_fail_saying_why() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Mock.patchField(sample, "CONSTANT", () -> 4));

    assertEquals("Mock.patchField cannot patch samples.CallSites.CONSTANT: if it is a"
        + " compile-time constant (static final, a primitive or a String, set to a constant"
        + " expression), the compiler copied its value into every class that reads it, and no"
        + " read of it is left to trap. Set it from a method, or in a static block, to make it a"
        + " field that is read; then open its reads with"
        + " <callSite>samples.CallSites#CONSTANT</callSite> in trap-maven-plugin's"
        + " configuration.", e.getMessage());
  }

  @Test
  void patchField_of_an_instance_field_should_fail_saying_why() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Mock.patchField(sample, "counter", () -> 4));

    assertEquals("Mock.patchField cannot patch samples.CallSites.counter: it is an instance"
        + " field, and Trap traps the reads of static fields. Patch the methods that read it"
        + " instead.", e.getMessage());
  }

  @Test
  void patch_of_a_constructor_should_replace_the_objects_that_woven_classes_make()
      throws Throwable {
    call("newRandom");
    Random seeded = new Random(42);
    try (Patch patch = Mock.patch(Random::new, () -> seeded)) {
      assertTrue(call("newRandom") == seeded);
    }
    assertTrue(call("newRandom") != seeded);
  }

  @Test
  void patch_of_a_constructor_should_see_its_arguments() throws Throwable {
    call("built", "a");
    try (Patch patch = Mock.patch(StringBuilder::new, (String text) -> {
      return new StringBuilder("<" + text + ">");
    })) {
      assertEquals("<a>!", call("built", "a"));
      assertEquals(5, call("builtFromEither", true), "made where frames hold the unmade object");
    }
    assertEquals(2, call("builtFromEither", false));
  }

  @Test
  void constructor_call_site_should_proceed_and_report_the_object_made() throws Throwable {
    call("copyOfCopy", List.of("x"));
    List<Object> made = new ArrayList<>();
    List<MethodInfo> methods = new ArrayList<>();
    try (Patch patch = Mock.patchByName(ArrayList.class, "<init>", "(Ljava/util/Collection;)V",
        c -> {
          methods.add(c.method());
          Object object = c.proceed();
          made.add(object);
          return object;
        })) {
      assertEquals(List.of("x"), call("copyOfCopy", List.of("x")));
    }
    assertEquals(2, made.size(), "the inner and the outer new");
    assertTrue(made.get(0) instanceof ArrayList);
    assertTrue(methods.get(0).isConstructor());
    assertEquals(ArrayList.class, methods.get(0).declaringClass());
    assertEquals(ArrayList.class, methods.get(0).returnType());
  }

  @Test
  void patch_of_a_woven_constructor_should_replace_the_objects_made_at_trapped_calls()
      throws Throwable {
    Class<?> box = woven.load("samples.CallSites$Box");
    Method size = box.getMethod("size");
    call("box", 1);
    try (Patch patch = Mock.patchByName(box, "<init>", "(I)V",
        c -> box.getConstructor(int.class).newInstance(99))) {
      assertEquals(99, size.invoke(call("box", 1)));
      assertEquals(2, size.invoke(box.getConstructor(int.class).newInstance(2)),
          "a reflective construction has no trapped call site");
    }
    assertEquals(1, size.invoke(call("box", 1)));
  }

  @Test
  void trace_should_show_the_JDK_calls_under_the_woven_method_that_made_them() throws Throwable {
    call("property", "user.dir");
    CallTree tree = Trace.record(() -> property("trap.none"));

    assertEquals("Trace of Trace.record, 2 calls\n"
        + "  CallSites.property(\"trap.none\") -> null\n"
        + "    System.getProperty(\"trap.none\") -> null", tree.toString());
  }

  @Test
  void call_sites_of_a_class_that_is_not_woven_should_stay_as_they_are() {
    WeaveResult result = woven.weave("samples.CallSites");
    assertFalse(new WovenClasses(Weaver.builder().include("other.**").callSites(CALL_SITES)
        .build(), "samples.").weave("samples.CallSites").isWoven());
    assertTrue(result.isWoven());
  }
}
