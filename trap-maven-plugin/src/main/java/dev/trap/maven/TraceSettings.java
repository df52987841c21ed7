package dev.trap.maven;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.regex.Pattern;

/**
 * Hands a module's trace settings to its test JVMs. Surefire and Failsafe pass Maven's user
 * properties on to the JVMs they start as system properties, which is where Trap's runtime reads
 * them; so the settings go into the session's user properties. A property given on Maven's
 * command line wins over the pom. A property that Trap set for one module of a reactor is set
 * anew, or taken away, for the next, so that no module runs with another's settings.
 */
final class TraceSettings {

  static final String TRACE = "trap.trace";
  static final String INCLUDE = "trap.trace.include";
  static final String EXCLUDE = "trap.trace.exclude";

  private static final Pattern METHOD_PATTERN =
      Pattern.compile("[\\p{L}\\p{N}_$.*?]+(#[\\p{L}\\p{N}_$*<>]+)?");
  /** Per build: the properties that Trap set, and not the person who started Maven. */
  private static final Map<Object, Set<String>> SET_BY_TRAP = new WeakHashMap<>();

  private final String trace;
  private final List<String> includes;
  private final List<String> excludes;

  TraceSettings(String trace, List<String> includes, List<String> excludes) {
    this.trace = blankToNull(trace);
    this.includes = includes == null ? List.of() : includes;
    this.excludes = excludes == null ? List.of() : excludes;
  }

  /**
   * Checks the settings and puts them into the user properties.
   *
   * @param build what identifies the build, such as its session
   * @return the settings the tests will see, as system properties, for a test run that does not
   *     go through Maven (an IDE's, through Trap's agent)
   * @throws IllegalArgumentException naming what is wrong and how to put it right
   */
  Map<String, String> applyTo(Properties user, Object build) {
    Set<String> setByTrap;
    synchronized (SET_BY_TRAP) {
      setByTrap = SET_BY_TRAP.computeIfAbsent(build, key -> new HashSet<>());
    }
    Map<String, String> seen = new TreeMap<>();
    synchronized (setByTrap) {
      String mode = apply(user, setByTrap, TRACE, trace);
      if (mode != null) {
        checkMode(mode);
        seen.put(TRACE, mode);
      }
      String included = apply(user, setByTrap, INCLUDE, joined(includes));
      checkPatterns(included, "traceIncludes", INCLUDE);
      String excluded = apply(user, setByTrap, EXCLUDE, joined(excludes));
      checkPatterns(excluded, "traceExcludes", EXCLUDE);
      if (included != null) {
        seen.put(INCLUDE, included);
      }
      if (excluded != null) {
        seen.put(EXCLUDE, excluded);
      }
    }
    return seen;
  }

  /** @return the value the tests will see */
  private static String apply(Properties user, Set<String> setByTrap, String key, String value) {
    if (user.containsKey(key) && !setByTrap.contains(key)) {
      return user.getProperty(key);
    }
    if (value == null) {
      user.remove(key);
      setByTrap.remove(key);
    } else {
      user.setProperty(key, value);
      setByTrap.add(key);
    }
    return value;
  }

  private static void checkMode(String mode) {
    String word = mode.trim().toLowerCase(Locale.ROOT);
    if (!word.isEmpty() && !word.equals("true") && !word.equals("all")
        && !word.equals("failures") && !word.equals("false")) {
      throw new IllegalArgumentException("trace is '" + mode + "': it takes true (every test),"
          + " failures (the tests that fail) or false. Set <trace> in trap-maven-plugin's"
          + " configuration, or -D" + TRACE + " on the command line, to one of them.");
    }
  }

  private static void checkPatterns(String patterns, String parameter, String property) {
    if (patterns == null) {
      return;
    }
    for (String pattern : patterns.split(",")) {
      String trimmed = pattern.trim();
      if (!trimmed.isEmpty() && !METHOD_PATTERN.matcher(trimmed).matches()) {
        throw new IllegalArgumentException(parameter + " has the pattern '" + trimmed + "', which"
            + " names no methods: write a class with dots, '*' within a package name and '**'"
            + " across them, then optionally '#' and a method name, as in com.acme.** or"
            + " com.acme.Shop#price* (" + parameter + " in the plugin's configuration, or -D"
            + property + ").");
      }
    }
  }

  private static String joined(List<String> patterns) {
    return blankToNull(String.join(",", patterns));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
