package dev.trap.maven;

/**
 * Woven classes call {@code dev.trap.internal.dispatch.Trampoline} from {@code trap-runtime}, so a project
 * whose classes are woven needs it on its test class path. These messages say so, with the
 * dependency to paste.
 */
final class RuntimeDependency {

  static final String GROUP_ID = "dev.trap";
  static final String ARTIFACT_ID = "trap-runtime";

  private RuntimeDependency() {
  }

  /**
   * @param project the project, as {@code groupId:artifactId}
   * @param version the Trap version to depend on
   * @return the message for a project that weaves classes without depending on the runtime
   */
  static String missing(String project, String version) {
    return "Trap wove classes of " + project + ", but " + GROUP_ID + ":" + ARTIFACT_ID
        + " is not among its dependencies: woven classes call it, so its tests would fail with"
        + " NoClassDefFoundError: dev/trap/internal/dispatch/Trampoline. Add to the <dependencies> of its"
        + " pom.xml:\n"
        + "    <dependency>\n"
        + "      <groupId>" + GROUP_ID + "</groupId>\n"
        + "      <artifactId>" + ARTIFACT_ID + "</artifactId>\n"
        + "      <version>" + version + "</version>\n"
        + "      <scope>test</scope>\n"
        + "    </dependency>";
  }

  /**
   * @param found the runtime version among the dependencies
   * @param expected the version of the weaver
   * @return the warning for a runtime of another version than the weaver's
   */
  static String otherVersion(String found, String expected) {
    return "The project depends on " + GROUP_ID + ":" + ARTIFACT_ID + ":" + found + ", but classes"
        + " were woven by trap-maven-plugin " + expected + ". Use the same version for both, as"
        + " woven classes and the runtime must match.";
  }
}
