package dev.trap.weaver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trap.Mock;
import dev.trap.Patch;
import dev.trap.weaver.testing.WovenClasses;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A patch means exactly the method it names, however it is named (issue 15): what a bound
 * object runs through bridges and interface defaults, overloads spread over a hierarchy, the
 * most specific default a call runs; what the real body throws stays its own. The scenarios
 * (samples.scenarios.PrecisionScenarios) run in the loader of the woven samples.
 */
class PatchPrecisionTest {

  private final WovenClasses woven = new WovenClasses(Weaver.builder().include("samples.**")
      .exclude("samples.scenarios.**").exclude("samples.Diamond")
      .exclude("samples.Diamond$*")
      .callSites(List.of("samples.Diamond$X#m", "samples.InheritedStatics$Impl#*",
          "java.util.logging.Logger#info"))
      .build(), "samples.");

  private Object scenario(String name) throws Throwable {
    return call("samples.scenarios.PrecisionScenarios", name);
  }

  private Object call(String type, String name) throws Throwable {
    try {
      return woven.load(type).getMethod(name).invoke(null);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Test
  void bound_reference_through_a_generic_base_should_patch_what_its_object_runs()
      throws Throwable {
    scenario("boundReferenceThroughAGenericBase");
  }

  @Test
  void bound_reference_through_a_generic_interface_should_patch_the_class_body()
      throws Throwable {
    scenario("boundReferenceThroughAGenericInterface");
  }

  @Test
  void bound_reference_should_patch_the_sub_interface_default_its_object_runs()
      throws Throwable {
    scenario("boundReferenceToADefaultOverriddenInASubInterface");
  }

  @Test
  void bound_reference_to_a_lambda_should_be_refused_saying_why() throws Throwable {
    String message = (String) scenario("boundReferenceToALambda");
    assertTrue(message.contains("is a lambda or method reference"), message);
    assertFalse(message.contains("<include>"), message);
  }

  @Test
  void bound_reference_to_a_proxy_should_be_refused_as_a_proxy() throws Throwable {
    String message = (String) scenario("boundReferenceToAProxy");
    assertTrue(message.contains("java.lang.reflect.Proxy"), message);
    assertFalse(message.contains("class of the JDK"), message);
  }

  @Test
  void patchByName_should_find_overloads_over_the_whole_hierarchy_ambiguous()
      throws Throwable {
    String message = (String) scenario("patchByNameOverloadsSpreadOverClassAndSuperclass");
    assertTrue(message.contains("samples.Precise$Sub.n(I)Ljava/lang/String;"), message);
    assertTrue(message.contains("samples.Precise$Base.n(Ljava/lang/String;)Ljava/lang/String;"),
        message);
    String inherited = (String) scenario("patchByNameOverloadsInheritedOnly");
    assertTrue(inherited.startsWith("samples.Precise$Sub has 2 methods named o: "
        + "samples.Precise$Base.o"), inherited);
    scenario("patchByNameOfAnInheritedOverloadByDescriptor");
  }

  @Test
  void what_the_real_body_throws_through_proceed_should_pass_unchanged() throws Throwable {
    scenario("interceptProceedingToARealBodyThatSneakyThrows");
    String refused = (String) scenario("replacementThrowingAnUndeclaredCheckedException");
    assertTrue(refused.contains("a checked exception the method does not declare"), refused);
  }

  @Test
  void deep_recursion_of_the_real_body_should_not_be_blamed_on_an_interceptor()
      throws Throwable {
    String message = (String) scenario("deepRealRecursionIntercepted");
    assertTrue(message == null || !message.contains("[Trap]"), message);
  }

  @Test
  void replacement_of_the_wrong_result_type_should_fail_the_call_naming_the_method()
      throws Throwable {
    assertEquals("java.lang.IllegalArgumentException: Cannot return a java.lang.String (free)"
        + " from samples.Shop.price(java.lang.String) (Shop.java:17), which returns int",
        scenario("replacementOfTheWrongResultType"));
  }

  @Test
  void what_held_should_hold() throws Throwable {
    scenario("held");
  }

  /** The JVM runs I2's default for X, the more specific, though X lists I1 first. */
  @Test
  void patch_of_a_default_should_take_the_calls_that_run_it_only() throws Throwable {
    assertEquals("I2", call("samples.DiamondUser", "callM"));
    try (Patch patch = Mock.patchByName(woven.load("samples.Diamond$I1"), "m",
        call -> "patched I1")) {
      assertEquals("I2", call("samples.DiamondUser", "callM"), "X runs I2.m, not I1.m");
    }
    try (Patch patch = Mock.patchByName(woven.load("samples.Diamond$I2"), "m",
        call -> "patched I2")) {
      assertEquals("patched I2", call("samples.DiamondUser", "callM"));
    }
  }

  @Test
  void static_field_read_through_a_class_that_inherits_it_should_be_patchable()
      throws Throwable {
    call("samples.InheritedStatics", "baseNamesThroughImpl");
    call("samples.InheritedStatics", "namesThroughImpl");
    try (Patch patch = Mock.patchField(woven.load("samples.InheritedStatics$Base"),
        "BASE_NAMES", () -> List.of("patched"))) {
      assertEquals(List.of("patched"), call("samples.InheritedStatics", "baseNamesThroughImpl"));
    }
    try (Patch patch = Mock.patchField(woven.load("samples.InheritedStatics$Consts"), "NAMES",
        () -> List.of("patched"))) {
      assertEquals(List.of("patched"), call("samples.InheritedStatics", "namesThroughImpl"));
    }
  }

  @Test
  void logger_should_name_the_method_that_logs_not_a_bridge() throws Throwable {
    assertEquals("samples.InheritedStatics.loggedFrom",
        call("samples.InheritedStatics", "loggedFrom"));
    assertFalse(woven.weave("samples.InheritedStatics").callees().stream()
        .anyMatch(callee -> callee.startsWith("java/util/logging/Logger")));
  }
}
