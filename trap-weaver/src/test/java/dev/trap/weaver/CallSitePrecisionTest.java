package dev.trap.weaver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trap.Call;
import dev.trap.Mock;
import dev.trap.Recording;
import dev.trap.weaver.testing.WovenClasses;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Patches of JDK methods at trapped call sites mean what they name, and a call through a trapped
 * call site behaves as the direct call would (issue 15, items 3 to 7).
 */
class CallSitePrecisionTest {

  private final WovenClasses woven = new WovenClasses(Weaver.builder().include("samples.**")
      .callSites(List.of("java.util.ArrayList#stream", "java.util.ArrayList#size",
          "java.util.ArrayList#forEach", "java.util.Random#new", "java.lang.StackWalker#*",
          "java.lang.Thread#*", "java.lang.IllegalStateException#new"))
      .build(), "samples.");
  private final Class<?> suppliers = woven.load("samples.Suppliers");
  private final WovenClasses wovenReceivers = new WovenClasses(Weaver.builder()
      .include("samples.**").callSites(List.of("java.util.ArrayList#size", "java.util.List#size"))
      .build(), "samples.");
  private final Class<?> receivers = wovenReceivers.load("samples.Receivers");

  private Object call(String name, Object... arguments) throws Throwable {
    for (Method method : suppliers.getMethods()) {
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

  /**
   * Links the traps of the sample's call sites, as a first call does: in a build, the woven
   * copy's list of trapped call sites tells the runtime before (it/call-sites).
   */
  @org.junit.jupiter.api.BeforeEach
  void linkCallSites() throws Throwable {
    call("upper", names("a"));
    call("sizeOf", names("a"));
    call("nested", names("b"));
    call("random");
  }

  private static ArrayList<String> names(String... names) {
    return new ArrayList<>(List.of(names));
  }

  /** Item 3: the call names ArrayList, the method is Collection's: patches reach it either way. */
  @Test
  void patch_of_a_method_should_reach_every_trapped_call_that_resolves_to_it() throws Throwable {
    try (var patch = Mock.patch(Collection<?>::stream, list -> Stream.of("patched"))) {
      assertEquals(List.of("PATCHED"), call("upper", names("a")), "through Collection");
    }
    try (var patch = Mock.patch(ArrayList<?>::stream, list -> Stream.of("through ArrayList"))) {
      assertEquals(List.of("THROUGH ARRAYLIST"), call("upper", names("a")));
    }
    try (var patch = Mock.patchByName(ArrayList.class, "stream", c -> Stream.of("by name"))) {
      assertEquals(List.of("BY NAME"), call("upper", names("a")));
    }
    Recording<? extends Stream<?>> streams = Mock.record(ArrayList<?>::stream);
    call("upper", names("a", "b"));
    assertEquals(1, streams.count());
  }

  /** Item 4: a call on null fails as the direct call would, patched or not. */
  @Test
  void call_on_a_null_receiver_should_fail_as_the_direct_call_would() throws Throwable {
    try (var patch = Mock.patch(ArrayList<?>::size, list -> 42)) {
      assertEquals(42, call("sizeOf", names("a")));
      NullPointerException thrown =
          assertThrows(NullPointerException.class, () -> call("sizeOf", (Object) null));
      assertEquals("samples.Suppliers", thrown.getStackTrace()[0].getClassName());
      assertEquals("sizeOf", thrown.getStackTrace()[0].getMethodName());
      assertTrue(thrown.getStackTrace()[0].getLineNumber() > 0, "the caller's line");
      assertEquals("Cannot invoke \"java.util.ArrayList.size()\" because \"names\" is null",
          thrown.getMessage());
    }
  }

  /** Item 5: proceed() of a call site's interceptor leaves the next call through it trapped. */
  @Test
  void proceed_should_leave_reentrant_calls_through_the_same_call_site_trapped()
      throws Throwable {
    AtomicInteger seen = new AtomicInteger();
    try (var patch = Mock.intercept(ArrayList<?>::forEach, c -> {
      seen.incrementAndGet();
      return c.proceed();
    })) {
      assertEquals(List.of("a", "aa", "ab", "b"), call("nested", names("a", "b")));
    }
    assertEquals(2, seen.get(), "the outer forEach and the one its callback made");
  }

  /** Item 6: a constructor reference makes its objects as the constructor call does. */
  @Test
  void constructor_reference_should_obey_a_constructor_patch() throws Throwable {
    Random fixed = new Random(42);
    try (var patch = Mock.patch(Random::new, () -> fixed)) {
      assertEquals(fixed, call("random"));
    }
    assertNotEquals(fixed, call("random"));
  }

  /** Item 7: the JDK's stack readers see their caller's frames, as unwoven. */
  @Test
  void methods_that_read_the_stack_should_never_be_trapped() {
    WeaveResult result = woven.weave("samples.Suppliers");
    assertFalse(result.callees().stream().anyMatch(callee -> callee.startsWith(
        "java/lang/StackWalker.getCallerClass")
        || callee.startsWith("java/lang/Thread.getStackTrace")
        || callee.startsWith("java/lang/IllegalStateException.<init>")), result.callees()
        .toString());
    assertTrue(result.callees().contains(
        "java/lang/Thread.currentThread()Ljava/lang/Thread;"), "what reads no stack is trapped");
  }

  /** The same ArrayList, named as a List: ArrayList.size() is what the call runs. */
  @Test
  void patch_of_a_class_method_should_take_calls_that_name_its_interface() throws Throwable {
    call(receivers, "sizeThroughList", names("a"));
    call(receivers, "sizeThroughArrayList", names("a"));
    try (var patch = Mock.patch(ArrayList<?>::size, list -> 42)) {
      assertEquals(42, call(receivers, "sizeThroughArrayList", names("a")));
      assertEquals(42, call(receivers, "sizeThroughList", names("a")), "an ArrayList as a List");
      assertEquals(1, call(receivers, "sizeOfAList", List.of("a")), "a List of another class");
    }
    try (var patch = Mock.patch(List<?>::size, list -> 7)) {
      assertEquals(7, call(receivers, "sizeOfAList", List.of("a")));
      assertEquals(7, call(receivers, "sizeThroughArrayList", names("a")));
    }
  }

  /**
   * Item 4, in every shape of expression the JVM words: the message and the top frame are the
   * direct call's, compared on the unwoven class.
   */
  @ParameterizedTest
  @ValueSource(strings = {"computedIndex", "elementOfAReturnedArray", "fieldOfAReturnedObject",
      "fieldChain", "nullLiteral", "assignedInPlace", "castOfAnObject", "ternary", "staticField",
      "methodReferenceOnNull", "boundMethodReferenceOnNull", "reassignedParameter", "inALambda",
      "twoDimensional", "longChain"})
  void null_receiver_should_fail_as_the_direct_call_does(String name) throws Throwable {
    Object[] arguments = name.equals("ternary") ? new Object[] {true}
        : name.equals("reassignedParameter") ? new Object[] {names()} : new Object[0];
    NullPointerException expected = assertThrows(NullPointerException.class,
        () -> call(Class.forName("samples.Receivers"), name, arguments));
    call(receivers, "sizeThroughArrayList", names("a"));
    NullPointerException actual = assertThrows(NullPointerException.class,
        () -> call(receivers, name, arguments));
    assertEquals(expected.getMessage() + " at " + top(expected),
        actual.getMessage() + " at " + top(actual));
  }

  private static Object call(Class<?> type, String name, Object... arguments) throws Throwable {
    for (Method method : type.getDeclaredMethods()) {
      if (method.getName().equals(name)) {
        method.setAccessible(true);
        try {
          return method.invoke(null, arguments);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      }
    }
    throw new IllegalArgumentException(name);
  }

  private static String top(Throwable thrown) {
    StackTraceElement top = thrown.getStackTrace()[0];
    return top.getClassName() + "." + top.getMethodName() + ":" + top.getLineNumber();
  }
}
