package dev.trap.maven;

import dev.trap.weaver.Weaver;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The configuration file of Trap's agent ({@code dev.trap.weaver.TrapAgent}), written by every
 * build, so that a test run outside Surefire's woven copy (an IDE's, or one behind JaCoCo's agent)
 * weaves with exactly what the build weaves with, and traces as the build's tests do: there is no
 * second configuration to keep in sync.
 */
final class AgentSettings {

  /** The file, beside the woven copy: {@code target/trap/agent.properties}. */
  static final String FILE_NAME = "agent.properties";

  private AgentSettings() {
  }

  /** Prefixes a system property the agent sets for the tests, unless the JVM has it already. */
  static final String PROPERTY_PREFIX = "property.";

  /**
   * @param file where to write
   * @param weaver the weaver configured as the build's
   * @param callSiteList the list of trapped call sites, relative to the file's directory
   * @param locations the classes directories and jars whose classes the build weaves: the
   *     agent weaves theirs alone, never the tests' own classes, which the includes may match
   * @param properties the system properties the tests run with in the build (the trace
   *     settings), which the agent sets where a run does not set them itself
   * @throws IOException if the file cannot be written
   */
  static void write(Path file, Weaver weaver, String callSiteList, List<Path> locations,
      Map<String, String> properties) throws IOException {
    StringBuilder text = new StringBuilder("# Trap's agent configuration, written by the weave goal"
        + " of trap-maven-plugin\n# from the pom: edit the pom, not this file.\n");
    Properties escaper = new Properties();
    append(text, escaper, "includes", String.join(",", weaver.selector().includes()));
    append(text, escaper, "excludes", String.join(",", weaver.selector().excludes()));
    append(text, escaper, "callSites", String.join(",", weaver.callSites().patterns()));
    append(text, escaper, "weaveLambdas", String.valueOf(weaver.weavesLambdas()));
    append(text, escaper, "callSiteList", callSiteList);
    append(text, escaper, "locations", locations.stream()
        .map(location -> location.toAbsolutePath().normalize().toString())
        .collect(Collectors.joining(File.pathSeparator)));
    for (Map.Entry<String, String> property : properties.entrySet()) {
      append(text, escaper, PROPERTY_PREFIX + property.getKey(), property.getValue());
    }
    AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.ISO_8859_1), null, null);
  }

  private static void append(StringBuilder text, Properties escaper, String key, String value) {
    text.append(WeaveState.line(escaper, key, value));
  }

  /**
   * @param value the value of a project property such as {@code argLine}
   * @return true if it puts JaCoCo's agent on the test JVM's command line
   */
  static boolean hasJacocoAgent(String value) {
    return value != null && value.contains("-javaagent:") && value.contains("jacoco");
  }
}
