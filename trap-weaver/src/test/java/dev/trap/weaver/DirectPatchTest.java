package dev.trap.weaver;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trap.weaver.testing.WovenClasses;
import java.lang.reflect.InvocationTargetException;
import org.junit.jupiter.api.Test;

/**
 * A patch that has taken many calls is called directly by its trap, with no {@code Call} made
 * (issue 16): it must mean exactly what it meant before. Each scenario
 * (samples.scenarios.DirectScenarios) makes its patch busy, then checks.
 */
class DirectPatchTest {

  private final WovenClasses woven = new WovenClasses(Weaver.builder().include("samples.**")
      .exclude("samples.scenarios.**").build(), "samples.");

  private Object scenario(String name) throws Throwable {
    try {
      return woven.load("samples.scenarios.DirectScenarios").getMethod(name).invoke(null);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Test
  void busy_patch_should_hold_and_end_when_closed() throws Throwable {
    scenario("busyPatchShouldHoldAndEndWhenClosed");
  }

  @Test
  void busy_patch_should_stay_in_its_scope() throws Throwable {
    scenario("busyPatchShouldStayInItsScope");
  }

  @Test
  void recording_added_to_a_busy_patch_should_see_every_call() throws Throwable {
    scenario("recordingAddedToABusyPatchShouldSeeEveryCall");
  }

  @Test
  void trace_of_a_busy_patch_should_show_its_calls() throws Throwable {
    scenario("traceOfABusyPatchShouldShowItsCalls");
  }

  @Test
  void call_from_an_interceptor_hook_should_not_be_patched() throws Throwable {
    scenario("callFromAnInterceptorHookShouldNotBePatched");
  }

  @Test
  void busy_patch_of_one_object_should_leave_the_others() throws Throwable {
    scenario("busyPatchOfOneObjectShouldLeaveTheOthers");
  }

  @Test
  void busy_patch_through_a_subclass_should_leave_the_other_instances() throws Throwable {
    scenario("busyPatchThroughASubclassShouldLeaveTheOtherInstances");
  }

  @Test
  void wrong_result_type_should_fail_alike_busy_or_not() throws Throwable {
    String message = (String) scenario("wrongResultTypeOfABusyPatch");
    assertTrue(message.startsWith("Cannot return a java.lang.String (free) from"), message);
  }

  @Test
  void undeclared_checked_exception_should_be_refused_alike_busy_or_not() throws Throwable {
    scenario("undeclaredCheckedExceptionOfABusyPatch");
  }

  @Test
  void unchecked_exception_should_reach_the_caller_busy_or_not() throws Throwable {
    scenario("uncheckedExceptionOfABusyPatch");
  }

  @Test
  void recursion_of_a_busy_patch_should_be_explained() throws Throwable {
    String message = (String) scenario("recursionOfABusyPatch");
    assertTrue(message != null && message.startsWith("[Trap] The replacement of"), message);
  }

  @Test
  void an_overload_that_overflows_on_its_own_should_not_be_blamed_on_the_replacement()
      throws Throwable {
    StackOverflowError overflow = (StackOverflowError) scenario(
        "busyPatchCallingARecursiveOverload");
    assertTrue(overflow.getMessage() == null || !overflow.getMessage().startsWith("[Trap]"),
        overflow.getMessage());
  }

  @Test
  void busy_patch_of_a_void_method() throws Throwable {
    scenario("busyPatchOfAVoidMethod");
  }
}
