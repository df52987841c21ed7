package dev.trap.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

class TestPluginCheckTest {

  @Test
  void surefire_from_2_22_should_run_junit_platform_tests() {
    assertFalse(TestPluginCheck.runsJUnitPlatform("2.12.4"));
    assertFalse(TestPluginCheck.runsJUnitPlatform("2.21.0"));
    assertTrue(TestPluginCheck.runsJUnitPlatform("2.22.0"));
    assertTrue(TestPluginCheck.runsJUnitPlatform("2.22.2"));
    assertTrue(TestPluginCheck.runsJUnitPlatform("3.0.0-M5"));
    assertTrue(TestPluginCheck.runsJUnitPlatform("3.5.4"));
  }

  @Test
  void maven_3_default_surefire_should_be_named_with_the_fix() {
    assertEquals("Trap wove the classes of com.acme:shop:jar:1.0 for its tests, but"
        + " maven-surefire-plugin 2.12.4 (Maven's default, unless the pom names a version) runs"
        + " no JUnit 5 test: it finds none, and the build passes with no test run. Name a version"
        + " of 2.22.0 or later in the pom, such as 3.5.4, in <build><pluginManagement>, as"
        + " Trap's quick start shows.", TestPluginCheck.warning(project("2.12.4")).get());
    assertTrue(TestPluginCheck.warning(project("3.5.4")).isEmpty());
  }

  private static MavenProject project(String surefireVersion) {
    Model model = new Model();
    model.setGroupId("com.acme");
    model.setArtifactId("shop");
    model.setVersion("1.0");
    model.setPackaging("jar");
    Build build = new Build();
    Plugin surefire = new Plugin();
    surefire.setGroupId("org.apache.maven.plugins");
    surefire.setArtifactId("maven-surefire-plugin");
    surefire.setVersion(surefireVersion);
    build.addPlugin(surefire);
    model.setBuild(build);
    return new MavenProject(model);
  }
}
