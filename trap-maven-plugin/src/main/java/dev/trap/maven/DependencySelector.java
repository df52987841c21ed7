package dev.trap.maven;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.maven.artifact.Artifact;

/**
 * Selects the dependencies whose classes are woven, by {@code groupId:artifactId} patterns in
 * which {@code *} matches any run of characters.
 */
final class DependencySelector {

  private static final Pattern WELL_FORMED = Pattern.compile("[^:\\s]+:[^:\\s]+");

  private final Map<String, Pattern> patterns = new LinkedHashMap<>();

  /**
   * @param patterns the patterns, such as {@code org.acme:pricing-client} or {@code org.acme:*}
   * @throws IllegalArgumentException naming a pattern that is not {@code groupId:artifactId}
   */
  DependencySelector(List<String> patterns) {
    for (String pattern : patterns) {
      String trimmed = pattern == null ? "" : pattern.trim();
      if (!WELL_FORMED.matcher(trimmed).matches()) {
        throw new IllegalArgumentException("the <weaveDependencies> pattern '" + pattern
            + "' is not groupId:artifactId, such as org.acme:pricing-client or org.acme:*");
      }
      this.patterns.put(trimmed, Pattern.compile(
          ("\\Q" + trimmed + "\\E").replace("*", "\\E.*\\Q")));
    }
  }

  /**
   * @param artifact a dependency
   * @return true if a pattern names it
   */
  boolean selects(Artifact artifact) {
    String key = artifact.getGroupId() + ":" + artifact.getArtifactId();
    return patterns.values().stream().anyMatch(pattern -> pattern.matcher(key).matches());
  }

  /**
   * @param artifacts the project's dependencies
   * @return the patterns that name none of them
   */
  List<String> unmatched(Set<Artifact> artifacts) {
    List<String> unmatched = new ArrayList<>();
    for (Map.Entry<String, Pattern> pattern : patterns.entrySet()) {
      if (artifacts.stream().noneMatch(artifact -> pattern.getValue()
          .matcher(artifact.getGroupId() + ":" + artifact.getArtifactId()).matches())) {
        unmatched.add(pattern.getKey());
      }
    }
    return unmatched;
  }
}
