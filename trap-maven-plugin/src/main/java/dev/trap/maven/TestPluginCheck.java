package dev.trap.maven;

import java.util.Optional;
import org.apache.maven.artifact.versioning.ComparableVersion;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;

/**
 * Whether the plugin that runs a module's tests can run them on the JUnit Platform, where Trap's
 * patches and traces live. Maven 3's default Surefire, 2.12.4, cannot: it finds no JUnit 5 test,
 * runs none, and the build passes. A build that weaves and then runs no test is a configuration
 * error, and Trap says so.
 */
final class TestPluginCheck {

  static final String SUREFIRE = "org.apache.maven.plugins:maven-surefire-plugin";
  /** The first Surefire with a JUnit Platform provider. */
  static final String FIRST_WITH_PLATFORM = "2.22.0";

  private TestPluginCheck() {
  }

  /** @return a warning for the module, if its Surefire cannot run JUnit Platform tests */
  static Optional<String> warning(MavenProject project) {
    for (Plugin plugin : project.getBuildPlugins()) {
      if (plugin.getKey().equals(SUREFIRE) && plugin.getVersion() != null
          && !runsJUnitPlatform(plugin.getVersion())) {
        return Optional.of("Trap wove the classes of " + project.getId() + " for its tests,"
            + " but maven-surefire-plugin " + plugin.getVersion() + " (Maven's default, unless"
            + " the pom names a version) runs no JUnit 5 test: it finds none, and the build"
            + " passes with no test run. Name a version of " + FIRST_WITH_PLATFORM + " or later"
            + " in the pom, such as 3.5.4, in <build><pluginManagement>, as Trap's quick start"
            + " shows.");
      }
    }
    return Optional.empty();
  }

  static boolean runsJUnitPlatform(String surefireVersion) {
    return new ComparableVersion(surefireVersion)
        .compareTo(new ComparableVersion(FIRST_WITH_PLATFORM)) >= 0;
  }
}
