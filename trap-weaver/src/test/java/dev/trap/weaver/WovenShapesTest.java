package dev.trap.weaver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trap.Call;
import dev.trap.Interceptor;
import dev.trap.MethodInfo;
import dev.trap.Registration;
import dev.trap.Trap;
import dev.trap.weaver.testing.WovenClasses;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * Every shape of method the weaver handles, woven, verified by ASM and the JVM, run, and seen by
 * an interceptor.
 */
class WovenShapesTest {

  private static final List<String> SAMPLES = List.of("samples.Calculator", "samples.Greeter",
      "samples.Planet", "samples.Planet$1", "samples.Point", "samples.Nest", "samples.Nest$Inner",
      "samples.Nest$Box", "samples.Nest$1", "samples.Constructors", "samples.Base");

  @Test
  void every_sample_should_pass_asm_verification_once_woven() {
    WovenClasses woven = WovenClasses.samples();
    for (String sample : SAMPLES) {
      WeaveResult result = woven.weave(sample);
      assertEquals(WeaveResult.Status.WOVEN, result.status(), sample);
      StringWriter problems = new StringWriter();
      CheckClassAdapter.verify(new ClassReader(result.bytes()), woven, false,
          new PrintWriter(problems));
      assertEquals("", problems.toString(), sample);
    }
  }

  @Test
  void interfaces_enums_records_nestmates_and_generics_should_run_woven_and_be_seen()
      throws Exception {
    WovenClasses woven = WovenClasses.samples();
    List<String> seen = new ArrayList<>();
    try (Registration registration = Trap.addThreadInterceptor(new Interceptor() {
      @Override
      public boolean appliesTo(MethodInfo method) {
        return method.declaringClass().getClassLoader() == woven;
      }

      @Override
      public Object pre(Call call) {
        String owner = call.method().declaringClass().getName();
        seen.add(owner.substring(owner.lastIndexOf('.') + 1) + "." + call.method().name());
        return null;
      }
    })) {
      Class<?> greeterType = woven.load("samples.Greeter");
      Object greeter = greeterType.getMethod("named", String.class).invoke(null, "trap");
      assertEquals("hello you from trap",
          greeterType.getMethod("hello", String.class).invoke(greeter, "you"));

      Class<?> planet = woven.load("samples.Planet");
      Object earth = planet.getField("EARTH").get(null);
      assertEquals("home", planet.getMethod("describe").invoke(earth));
      Object mercury = planet.getField("MERCURY").get(null);
      assertEquals("mercury", planet.getMethod("describe").invoke(mercury));
      double gravity = (double) planet.getMethod("surfaceGravity").invoke(earth);
      assertEquals(9.8, gravity, 0.01);

      Class<?> point = woven.load("samples.Point");
      Object origin = point.getConstructor(int.class, int.class).newInstance(1, 2);
      Object sum = point.getMethod("plus", point).invoke(origin, origin);
      assertEquals("Point[x=2, y=4]", sum.toString());
      assertEquals(2, point.getMethod("y").invoke(origin));
      assertEquals(origin.hashCode(),
          point.getConstructor(int.class, int.class).newInstance(1, 2).hashCode());

      Class<?> nest = woven.load("samples.Nest");
      Object outer = nest.getConstructor().newInstance();
      Class<?> inner = woven.load("samples.Nest$Inner");
      Object innerObject = inner.getConstructor(nest).newInstance(outer);
      assertEquals(42, inner.getMethod("reveal").invoke(innerObject));
      assertEquals(82, nest.getMethod("viaAnonymous").invoke(outer));
      assertEquals(44, nest.getMethod("viaLambda", int.class).invoke(outer, 2));

      Class<?> box = woven.load("samples.Nest$Box");
      assertEquals("b", box.getMethod("max", Comparable.class, Comparable.class)
          .invoke(null, "a", "b"));
      Object one = box.getConstructor(Comparable.class).newInstance(1);
      Object two = box.getConstructor(Comparable.class).newInstance(2);
      assertEquals(-1, ((Comparable<Object>) one).compareTo(two));
    }

    // Record accessors are woven, but toString and hashCode read the fields directly; nestmates
    // (Java 11+) need no access$000 bridge to reach Nest.secret.
    assertEquals(new TreeSet<>(List.of("Greeter.named", "Greeter.hello", "Greeter.prefix",
        "Planet.<init>", "Planet.describe", "Planet.surfaceGravity", "Planet$1.<init>",
        "Planet$1.describe", "Point.<init>", "Point.plus", "Point.y", "Point.toString",
        "Point.hashCode", "Nest.<init>", "Nest$Inner.<init>", "Nest$Inner.reveal",
        "Nest.viaAnonymous", "Nest$1.<init>", "Nest$1.getAsInt", "Nest.viaLambda", "Nest$Box.max",
        "Nest$Box.<init>", "Nest$Box.compareTo")),
        new TreeSet<>(seen));
  }

  @Test
  void lambda_bodies_should_be_woven_only_when_asked() throws Exception {
    Weaver weaver = Weaver.builder().include("samples.**").weaveLambdas(true).build();
    WovenClasses woven = new WovenClasses(weaver, "samples.");
    Class<?> nest = woven.load("samples.Nest");
    List<String> seen = new ArrayList<>();
    try (Registration registration = Trap.addThreadInterceptor(new Interceptor() {
      @Override
      public boolean appliesTo(MethodInfo method) {
        return method.declaringClass() == nest;
      }

      @Override
      public Object pre(Call call) {
        seen.add(call.method().name());
        return null;
      }
    })) {
      Object outer = nest.getConstructor().newInstance();
      assertEquals(44, nest.getMethod("viaLambda", int.class).invoke(outer, 2));
    }

    assertEquals(3, seen.size(), seen.toString());
    assertTrue(seen.get(2).startsWith("lambda$viaLambda$"), seen.toString());
  }

  @Test
  void synchronized_varargs_and_loop_headers_should_behave_as_before() throws Exception {
    WovenClasses woven = WovenClasses.samples();
    Class<?> calculator = woven.load("samples.Calculator");
    Object instance = calculator.getConstructor(String.class).newInstance("c");
    try (Registration registration = Trap.addThreadInterceptor(new Interceptor() { })) {
      assertEquals(6, calculator.getMethod("sum", int[].class).invoke(null, new int[] {1, 2, 3}));
      assertEquals(2, calculator.getMethod("locked", int.class).invoke(instance, 1));
      assertEquals(6, calculator.getMethod("loopsFromStart", int.class).invoke(null, 5));
      assertEquals("null!", calculator.getMethod("caught", String.class)
          .invoke(null, (Object) null));
      assertEquals("X", calculator.getMethod("caught", String.class).invoke(null, "x"));
    }
  }

  @Test
  void woven_class_should_run_on_many_threads_at_once() throws Exception {
    WovenClasses woven = WovenClasses.samples();
    Class<?> nest = woven.load("samples.Nest");
    Object outer = nest.getConstructor().newInstance();
    java.lang.reflect.Method viaLambda = nest.getMethod("viaLambda", int.class);
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int t = 0; t < 4; t++) {
      int offset = t;
      threads.add(new Thread(() -> {
        try (Registration registration = Trap.addThreadInterceptor(new Interceptor() {
          @Override
          public void post(Call call, Object state) {
            if (call.method().name().equals("viaLambda")) {
              call.returnWith(offset);
            }
          }
        })) {
          for (int i = 0; i < 2_000; i++) {
            int result = (int) viaLambda.invoke(outer, 2);
            if (result != offset) {
              throw new AssertionError("thread " + offset + " saw " + result);
            }
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }
    IntSupplier unpatched = () -> {
      try {
        return (int) viaLambda.invoke(outer, 2);
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    };

    assertEquals(List.of(), failures);
    assertEquals(44, unpatched.getAsInt());
  }
}
