package dev.trap.weaver;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Weaves classes as the JVM loads them, with the configuration a Maven build of Trap recorded:
 * for test runs that do not go through Surefire's woven copy, such as an IDE's, or that must
 * weave after another agent, such as JaCoCo's. The agent of {@code trap-weaver}'s {@code agent}
 * jar, which carries its own copy of ASM:
 *
 * <pre>
 * -javaagent:trap-weaver-VERSION-agent.jar=target/trap/agent.properties
 * </pre>
 *
 * <p>The file is the one the {@code weave} goal writes: {@code includes}, {@code excludes} and
 * {@code callSites} (comma-separated patterns), {@code weaveLambdas}, {@code callSiteList}, the
 * file listing the methods whose calls the woven classes trap, and {@code locations}, the
 * classes directories and jars whose classes are woven (separated as in a class path, relative to
 * the file's directory or absolute): what the build weaves, never the tests' own classes.
 *
 * @since 0.2.0
 */
public final class TrapAgent {

  /** System property the runtime reads the list of trapped call sites from. */
  static final String CALL_SITE_LIST = "dev.trap.callSiteList";

  /**
   * Prefixes, in the configuration, a system property to set (trap-maven-plugin's
   * {@code AgentSettings}); change both together.
   */
  private static final String PROPERTY_PREFIX = "property.";

  private TrapAgent() {
  }

  /**
   * Starts weaving.
   *
   * @param arguments the path of the configuration file
   * @param instrumentation the JVM's instrumentation
   * @throws IOException if the configuration cannot be read
   */
  public static void premain(String arguments, Instrumentation instrumentation)
      throws IOException {
    if (arguments == null || arguments.isEmpty()) {
      throw new IllegalArgumentException("Trap's agent needs the configuration the Maven build"
          + " wrote: -javaagent:trap-weaver-agent.jar=target/trap/agent.properties (run"
          + " mvn process-test-classes, or any later phase, once to write it)");
    }
    Path file = Paths.get(arguments).toAbsolutePath();
    Properties settings = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      settings.load(in);
    } catch (IOException e) {
      throw new IOException("Trap's agent cannot read its configuration " + file + ": " + e
          + ". Run mvn process-test-classes (or any later phase) once to write it.", e);
    }
    Weaver weaver = Weaver.builder().includes(list(settings, "includes"))
        .excludes(list(settings, "excludes")).callSites(list(settings, "callSites"))
        .weaveLambdas(Boolean.parseBoolean(settings.getProperty("weaveLambdas"))).build();
    String callSiteList = settings.getProperty("callSiteList");
    if (callSiteList != null && !callSiteList.isEmpty()) {
      System.setProperty(CALL_SITE_LIST, file.resolveSibling(callSiteList).toString());
    }
    Set<Path> locations = new HashSet<>();
    for (String location : settings.getProperty("locations", "").split(File.pathSeparator)) {
      if (!location.trim().isEmpty()) {
        locations.add(LoadTimeWeaving.normalized(file.resolveSibling(location.trim())));
      }
    }
    setProperties(settings);
    instrumentation.addTransformer(new LoadTimeWeaving(weaver, locations));
  }

  /**
   * Sets the system properties the build's tests run with (the trace settings of the pom), where
   * this JVM's command line does not set them itself: an IDE's run traces as the build's does.
   */
  private static void setProperties(Properties settings) {
    for (String key : settings.stringPropertyNames()) {
      if (key.startsWith(PROPERTY_PREFIX)) {
        String name = key.substring(PROPERTY_PREFIX.length());
        if (System.getProperty(name) == null) {
          System.setProperty(name, settings.getProperty(key));
        }
      }
    }
  }

  /**
   * What the agent wove in this JVM, for the runtime, which finds this class through the system
   * class loader that every agent jar is on ({@code dev.trap.internal.dispatch.WovenMarker}).
   *
   * @return class name to the text of the class's marker: the Trap version, then a line per
   *     method without a trap
   */
  public static Map<String, String> wovenMarkers() {
    return Collections.unmodifiableMap(LoadTimeWeaving.MARKERS);
  }

  private static List<String> list(Properties settings, String key) {
    List<String> values = new ArrayList<>();
    for (String value : settings.getProperty(key, "").split(",")) {
      if (!value.trim().isEmpty()) {
        values.add(value.trim());
      }
    }
    return values;
  }
}
