package dev.trap.maven;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BuildPhasesTest {

  @Test
  void reachTests_should_beTrue_forTheTestPhaseAndLater() {
    assertTrue(BuildPhases.reachTests(List.of("test")));
    assertTrue(BuildPhases.reachTests(List.of("clean", "install")));
    assertTrue(BuildPhases.reachTests(List.of("verify", "exec:java")));
    assertTrue(BuildPhases.reachTests(List.of("before:test")));
  }

  @Test
  void reachTests_should_beFalse_forBuildsThatStopBefore() {
    assertFalse(BuildPhases.reachTests(List.of("test-compile", "exec:java")));
    assertFalse(BuildPhases.reachTests(List.of("process-test-classes")));
    assertFalse(BuildPhases.reachTests(List.of("after:test-compile")));
    assertFalse(BuildPhases.reachTests(List.of("spring-boot:run")));
    assertFalse(BuildPhases.reachTests(List.of("clean", "site")));
  }
}
