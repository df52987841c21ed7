package dev.trap.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RuntimeDependencyTest {

  @Test
  void missing_should_showTheDependencyToAdd() {
    assertEquals("Trap wove classes of com.acme:billing, but dev.trap:trap-runtime is not among"
        + " its dependencies: woven classes call it, so its tests would fail with"
        + " NoClassDefFoundError: dev/trap/internal/dispatch/Trampoline. Add to the <dependencies> of its"
        + " pom.xml:\n"
        + "    <dependency>\n"
        + "      <groupId>dev.trap</groupId>\n"
        + "      <artifactId>trap-runtime</artifactId>\n"
        + "      <version>0.1.0</version>\n"
        + "      <scope>test</scope>\n"
        + "    </dependency>", RuntimeDependency.missing("com.acme:billing", "0.1.0"));
  }

  @Test
  void otherVersion_should_nameBothVersions() {
    assertEquals("The project depends on dev.trap:trap-runtime:0.0.9, but classes were woven by"
        + " trap-maven-plugin 0.1.0. Use the same version for both, as woven classes and the"
        + " runtime must match.", RuntimeDependency.otherVersion("0.0.9", "0.1.0"));
  }
}
