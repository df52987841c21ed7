package dev.trap.internal.trace;

import dev.trap.MethodInfo;
import dev.trap.internal.dispatch.Reports;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * How traces are taken and kept, from system properties (which Surefire passes on from Maven's
 * command line and from trap-maven-plugin's configuration):
 * {@code trap.trace} ({@code true}, {@code failures} or {@code false}),
 * {@code trap.trace.include} and {@code trap.trace.exclude} (comma-separated patterns: a class,
 * with {@code *} within a package name and {@code **} across them, then optionally {@code #} and a
 * method name with {@code *}), {@code trap.trace.dir}, {@code trap.trace.maxCalls} and
 * {@code trap.trace.maxBytes}.
 */
public final class TraceConfig {

  /** Which tests are traced in a run. */
  public enum Mode { OFF, ALL, FAILURES }

  public final Mode mode;
  public final File directory;
  final long maxCalls;
  final long maxBytes;
  private final List<Pattern> includes;
  private final List<Pattern> excludes;
  /** What {@link #accepts} answered, per method: patterns are matched once. */
  private final ConcurrentHashMap<MethodInfo, Boolean> decided =
      new ConcurrentHashMap<MethodInfo, Boolean>();

  private TraceConfig(Mode mode, File directory, long maxCalls, long maxBytes,
      List<Pattern> includes, List<Pattern> excludes) {
    this.mode = mode;
    this.directory = directory;
    this.maxCalls = maxCalls;
    this.maxBytes = maxBytes;
    this.includes = includes;
    this.excludes = excludes;
  }

  static TraceConfig fromSystemProperties() {
    String trace = System.getProperty("trap.trace", "false").trim();
    Mode mode;
    if (trace.equalsIgnoreCase("true") || trace.equalsIgnoreCase("all") || trace.isEmpty()) {
      mode = Mode.ALL;
    } else if (trace.equalsIgnoreCase("failures")) {
      mode = Mode.FAILURES;
    } else if (trace.equalsIgnoreCase("false")) {
      mode = Mode.OFF;
    } else {
      Reports.warn("trap.trace is '" + trace + "'; it takes true, failures or false. Tracing is"
          + " off.", null);
      mode = Mode.OFF;
    }
    return new TraceConfig(mode,
        new File(System.getProperty("trap.trace.dir", "target" + File.separator + "trap-traces")),
        number("trap.trace.maxCalls", 100_000), number("trap.trace.maxBytes", 20_000_000),
        patterns("trap.trace.include"), patterns("trap.trace.exclude"));
  }

  /** @return the same, with another mode */
  public TraceConfig withMode(Mode other) {
    return new TraceConfig(other, directory, maxCalls, maxBytes, includes, excludes);
  }

  /** @return true if the calls of the method are to be recorded */
  public boolean accepts(MethodInfo method) {
    if (includes.isEmpty() && excludes.isEmpty()) {
      return true;
    }
    Boolean accepted = decided.get(method);
    if (accepted == null) {
      String name = method.declaringClass().getName() + "#" + method.name();
      accepted = (includes.isEmpty() || matchesAny(includes, name))
          && !matchesAny(excludes, name);
      decided.put(method, accepted);
    }
    return accepted;
  }

  private static boolean matchesAny(List<Pattern> patterns, String name) {
    for (Pattern pattern : patterns) {
      if (pattern.matcher(name).matches()) {
        return true;
      }
    }
    return false;
  }

  private static long number(String property, long otherwise) {
    String value = System.getProperty(property);
    if (value == null || value.trim().isEmpty()) {
      return otherwise;
    }
    try {
      long number = Long.parseLong(value.trim().replace("_", ""));
      if (number > 0) {
        return number;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    Reports.warn(property + " is '" + value + "', which is no number above 0; it is "
        + otherwise + ".", null);
    return otherwise;
  }

  private static List<Pattern> patterns(String property) {
    List<Pattern> patterns = new ArrayList<Pattern>();
    String value = System.getProperty(property, "");
    for (String pattern : value.split(",")) {
      if (!pattern.trim().isEmpty()) {
        patterns.add(compile(pattern.trim()));
      }
    }
    return patterns;
  }

  /** {@code com.acme.**#get*} to a regex over {@code class#method}. */
  static Pattern compile(String pattern) {
    int hash = pattern.indexOf('#');
    String classPart = hash < 0 ? pattern : pattern.substring(0, hash);
    String methodPart = hash < 0 ? "*" : pattern.substring(hash + 1);
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < classPart.length(); i++) {
      char c = classPart.charAt(i);
      if (c == '*' && i + 1 < classPart.length() && classPart.charAt(i + 1) == '*') {
        regex.append(".*");
        i++;
      } else if (c == '*') {
        regex.append("[^.]*");
      } else if (c == '?') {
        regex.append("[^.]");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    regex.append('#');
    for (char c : methodPart.toCharArray()) {
      regex.append(c == '*' ? ".*" : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(regex.toString());
  }
}
