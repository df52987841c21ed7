package dev.trap.weaver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trap.weaver.testing.WovenClasses;
import java.lang.reflect.InvocationTargetException;
import org.junit.jupiter.api.Test;

/**
 * Calls of a method whose interceptors change meanwhile (samples.scenarios.DispatchRaceScenarios):
 * found by a review, where a call counted the interceptions that take it, and then listed them,
 * asking each twice, and threw NullPointerException or ArrayIndexOutOfBoundsException out of
 * the woven method when an answer changed in between.
 */
class DispatchRaceTest {

  private final WovenClasses woven = new WovenClasses(Weaver.builder().include("samples.**")
      .exclude("samples.scenarios.**").build(), "samples.");

  private Object scenario(String name) throws Throwable {
    try {
      return woven.load("samples.scenarios.DispatchRaceScenarios").getMethod(name).invoke(null);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Test
  void calls_while_a_patch_beside_another_closes_should_see_one_or_the_other() throws Throwable {
    assertEquals("failures=0 wrong=0",
        scenario("callsWhileAPatchBesideAnotherClosesShouldSeeOneOrTheOther"));
  }

  @Test
  void interceptors_added_during_calls_should_not_break_them() throws Throwable {
    assertEquals("failures=0", scenario("interceptorsAddedDuringCallsShouldNotBreakThem"));
  }
}
