package dev.trap.weaver;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which classes to weave, by include and exclude patterns over binary class names
 * ({@code com.acme.billing.Invoice$Line}).
 *
 * <p>In a pattern, {@code *} stands for any characters but {@code .}, so {@code com.acme.*}
 * matches the classes of package {@code com.acme} (nested ones too, as {@code $} is no dot), and
 * {@code **} for any characters at all, so {@code com.acme.**} matches the classes of
 * {@code com.acme} and all packages below it. {@code ?} is one character. Anything else stands
 * for itself. A class is selected when some include matches it and no exclude does. Trap's own
 * classes ({@code dev.trap.**}) are never selected: woven code calls them.
 *
 * @since 0.1.0
 */
public final class ClassSelector {

  private static final Pattern VALID = Pattern.compile("[\\p{L}\\p{N}_$.*?]+");

  private final List<String> includes;
  private final List<String> excludes;
  private final List<Pattern> includePatterns;
  private final List<Pattern> excludePatterns;

  private ClassSelector(List<String> includes, List<String> excludes) {
    this.includes = Collections.unmodifiableList(new ArrayList<>(includes));
    this.excludes = Collections.unmodifiableList(new ArrayList<>(excludes));
    this.includePatterns = compileAll(includes, "include");
    this.excludePatterns = compileAll(excludes, "exclude");
  }

  /**
   * @param includes patterns of the classes to weave; at least one
   * @param excludes patterns of classes not to weave, even if included
   * @return the selector
   * @throws IllegalArgumentException naming the first malformed pattern
   */
  public static ClassSelector of(List<String> includes, List<String> excludes) {
    if (includes.isEmpty()) {
      throw new IllegalArgumentException("No include pattern: name the packages to weave, such as"
          + " com.acme.billing.**");
    }
    return new ClassSelector(includes, excludes);
  }

  private static List<Pattern> compileAll(List<String> patterns, String kind) {
    List<Pattern> compiled = new ArrayList<>(patterns.size());
    for (String pattern : patterns) {
      compiled.add(compile(pattern, kind));
    }
    return Collections.unmodifiableList(compiled);
  }

  /**
   * Checks one pattern.
   *
   * @param pattern the pattern as written
   * @param kind "include" or "exclude", for the message
   * @return the pattern as a regular expression
   * @throws IllegalArgumentException if the pattern is malformed, quoting it
   */
  static Pattern compile(String pattern, String kind) {
    String problem = problemOf(pattern);
    if (problem != null) {
      throw new IllegalArgumentException("Malformed " + kind + " pattern '" + pattern + "': "
          + problem + ". Write a class or package name with wildcards, such as com.acme.billing.**"
          + " or com.acme.*Service");
    }
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '*' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
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
    return Pattern.compile(regex.toString());
  }

  private static String problemOf(String pattern) {
    if (pattern == null || pattern.trim().isEmpty()) {
      return "it is empty";
    }
    if (pattern.indexOf('/') >= 0 || pattern.indexOf('\\') >= 0) {
      return "use dots between package names, not slashes";
    }
    if (pattern.endsWith(".class")) {
      return "name classes, not class files: drop '.class'";
    }
    if (pattern.contains("***")) {
      return "'***' means nothing: use '**'";
    }
    if (pattern.startsWith(".") || pattern.endsWith(".") || pattern.contains("..")) {
      return "a package name is empty";
    }
    if (!VALID.matcher(pattern).matches()) {
      return "only letters, digits, '_', '$', '.', '*' and '?' may appear";
    }
    return null;
  }

  /**
   * @param className a binary class name with dots, such as {@code com.acme.Price$Tax}
   * @return true if the class is to be woven
   */
  public boolean selects(String className) {
    if (isTrapOwn(className)) {
      return false;
    }
    return matchesAny(includePatterns, className) && !matchesAny(excludePatterns, className);
  }

  /**
   * Tells which include patterns select nothing among the given classes, so a build can warn
   * about them.
   *
   * @param classNames the binary names of the classes available
   * @return the include patterns, as written, that match none of them
   */
  public List<String> unmatchedIncludes(Iterable<String> classNames) {
    List<String> unmatched = new ArrayList<>();
    for (int i = 0; i < includePatterns.size(); i++) {
      boolean matched = false;
      for (String name : classNames) {
        if (includePatterns.get(i).matcher(name).matches()) {
          matched = true;
          break;
        }
      }
      if (!matched) {
        unmatched.add(includes.get(i));
      }
    }
    return unmatched;
  }

  private static boolean matchesAny(List<Pattern> patterns, String className) {
    for (Pattern pattern : patterns) {
      if (pattern.matcher(className).matches()) {
        return true;
      }
    }
    return false;
  }

  /** The runtime that woven code calls must never be woven itself. */
  private static boolean isTrapOwn(String className) {
    return className.startsWith("dev.trap.");
  }

  /** @return the include patterns, as written */
  public List<String> includes() {
    return includes;
  }

  /** @return the exclude patterns, as written */
  public List<String> excludes() {
    return excludes;
  }

  @Override
  public String toString() {
    return "includes " + includes + ", excludes " + excludes;
  }
}
