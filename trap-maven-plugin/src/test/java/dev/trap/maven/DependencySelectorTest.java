package dev.trap.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.junit.jupiter.api.Test;

class DependencySelectorTest {

  private static Artifact artifact(String groupId, String artifactId) {
    return new DefaultArtifact(groupId, artifactId, "1.0", "compile", "jar", null,
        new DefaultArtifactHandler("jar"));
  }

  @Test
  void selects_should_matchGroupAndArtifact_withStarsForAnyRun() {
    DependencySelector selector = new DependencySelector(
        List.of("org.acme:pricing-client", "com.example.*:*-api"));

    assertTrue(selector.selects(artifact("org.acme", "pricing-client")));
    assertTrue(selector.selects(artifact("com.example.shop", "orders-api")));
    assertFalse(selector.selects(artifact("org.acme", "pricing-server")));
    assertFalse(selector.selects(artifact("org.acmex", "pricing-client")));
  }

  @Test
  void unmatched_should_nameThePatterns_thatNameNoDependency() {
    DependencySelector selector = new DependencySelector(List.of("org.acme:*", "org.typo:lib"));

    assertEquals(List.of("org.typo:lib"),
        selector.unmatched(Set.of(artifact("org.acme", "pricing-client"))));
  }

  @Test
  void constructor_should_refuseAPatternThatIsNotGroupAndArtifact() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new DependencySelector(List.of("org.acme:lib:1.0")));

    assertEquals("the <weaveDependencies> pattern 'org.acme:lib:1.0' is not groupId:artifactId,"
        + " such as org.acme:pricing-client or org.acme:*", e.getMessage());
  }
}
