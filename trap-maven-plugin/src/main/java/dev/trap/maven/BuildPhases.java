package dev.trap.maven;

import java.util.List;

/** Which phases of Maven's default lifecycle a build runs to, read from what it was asked. */
final class BuildPhases {

  /** The default lifecycle, in order; the same in Maven 3 and 4. */
  private static final List<String> DEFAULT_LIFECYCLE = List.of("validate", "initialize",
      "generate-sources", "process-sources", "generate-resources", "process-resources",
      "compile", "process-classes", "generate-test-sources", "process-test-sources",
      "generate-test-resources", "process-test-resources", "test-compile",
      "process-test-classes", "test", "prepare-package", "package", "pre-integration-test",
      "integration-test", "post-integration-test", "verify", "install", "deploy");

  private BuildPhases() {
  }

  /**
   * @param goals what the build was asked to do, phases and plugin goals, as on the command line
   * @return true if it runs the {@code test} phase or a later one; a forked lifecycle, such as
   *     the one {@code spring-boot:run} forks up to {@code test-compile}, does not count
   */
  static boolean reachTests(List<String> goals) {
    int test = DEFAULT_LIFECYCLE.indexOf("test");
    for (String goal : goals) {
      // Maven 4's "before:test" and "after:test" belong to the phase they name.
      String phase = goal.startsWith("before:") || goal.startsWith("after:")
          ? goal.substring(goal.indexOf(':') + 1) : goal;
      if (DEFAULT_LIFECYCLE.indexOf(phase) >= test) {
        return true;
      }
    }
    return false;
  }
}
