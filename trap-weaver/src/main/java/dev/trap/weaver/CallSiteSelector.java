package dev.trap.weaver;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which methods outside the woven classes get a trap at their call sites, and which static fields
 * at their reads, by patterns of the form {@code class#member}: the class as {@link ClassSelector}
 * reads patterns, the method or field name with {@code *} for any characters, such as
 * {@code java.lang.System#currentTimeMillis}, {@code java.time.*#now},
 * {@code java.nio.file.Files#*} or {@code com.acme.Config#TIMEOUT}; {@code new} names the
 * constructors ({@code java.util.Random#new}). A call matches by the class it names
 * as compiled: {@code Random#nextInt} does not catch calls compiled as
 * {@code ThreadLocalRandom.nextInt}.
 *
 * <p>Each call from a woven class to such a method then goes through a trap of its own, which the
 * runtime files under the called method, so interceptors and patches of that method see it.
 * Calls from classes that are not woven are not affected.
 *
 * @since 0.2.0
 */
public final class CallSiteSelector {

  /**
   * The call sites opened by {@code callSiteDefaults}: the clock, sleeping, UUIDs, randomness,
   * environment variables and system properties.
   */
  public static final List<String> DEFAULTS = Collections.unmodifiableList(List.of(
      "java.lang.System#currentTimeMillis",
      "java.lang.System#nanoTime",
      "java.lang.System#getenv",
      "java.lang.System#getProperty",
      "java.lang.Thread#sleep",
      "java.time.*#now",
      "java.time.Clock#system*",
      "java.util.UUID#randomUUID",
      "java.lang.Math#random",
      "java.util.Random#next*",
      "java.util.concurrent.ThreadLocalRandom#next*"));

  private static final CallSiteSelector NONE = new CallSiteSelector(List.of());
  private static final Pattern METHOD = Pattern.compile("[\\p{L}\\p{N}_$*<>]+");

  private final List<String> patterns;
  private final List<ClassSelector> classes = new ArrayList<>();
  private final List<Pattern> methods = new ArrayList<>();

  private CallSiteSelector(List<String> patterns) {
    this.patterns = Collections.unmodifiableList(new ArrayList<>(patterns));
    for (String pattern : patterns) {
      int hash = pattern == null ? -1 : pattern.indexOf('#');
      if (hash <= 0 || hash == pattern.length() - 1 || pattern.indexOf('#', hash + 1) >= 0) {
        throw new IllegalArgumentException("Malformed call site pattern '" + pattern + "': write"
            + " the class, '#' and the method, such as java.lang.System#currentTimeMillis or"
            + " java.nio.file.Files#*");
      }
      String method = pattern.substring(hash + 1);
      if (!METHOD.matcher(method).matches()) {
        throw new IllegalArgumentException("Malformed call site pattern '" + pattern + "': a"
            + " method name holds letters, digits, '_', '$' and '*' only");
      }
      try {
        classes.add(ClassSelector.of(List.of(pattern.substring(0, hash)), List.of()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Malformed call site pattern '" + pattern + "': "
            + e.getMessage(), e);
      }
      methods.add(Pattern.compile(("\\Q" + method + "\\E").replace("*", "\\E.*\\Q")));
    }
  }

  /**
   * @param patterns the patterns, such as {@code java.lang.System#currentTimeMillis}
   * @return the selector
   * @throws IllegalArgumentException naming the first malformed pattern
   */
  public static CallSiteSelector of(List<String> patterns) {
    return patterns.isEmpty() ? NONE : new CallSiteSelector(patterns);
  }

  /** @return a selector that selects no call site */
  public static CallSiteSelector none() {
    return NONE;
  }

  /**
   * @param owner the class a call names, as an internal name such as {@code java/lang/System}
   * @param method the method's name
   * @return true if calls of it get a trap
   */
  public boolean selects(String owner, String method) {
    if (patterns.isEmpty() || owner.startsWith("[")) {
      return false;
    }
    String className = owner.replace('/', '.');
    String name = method.equals("<init>") ? "new" : method;
    for (int i = 0; i < patterns.size(); i++) {
      if (methods.get(i).matcher(name).matches() && classes.get(i).selects(className)) {
        return true;
      }
    }
    return false;
  }

  /**
   * @param patterns some of this selector's patterns, such as those a user wrote
   * @param callees the methods whose calls got traps, as {@code owner.name + descriptor} with
   *     internal names, as {@link WeaveResult#callees()} gives them
   * @return the patterns that match none of them, in their order: a typo, or no call in the
   *     woven classes
   */
  public List<String> unmatched(List<String> patterns, Iterable<String> callees) {
    List<String> unmatched = new ArrayList<>();
    for (String pattern : patterns) {
      CallSiteSelector alone = of(List.of(pattern));
      boolean matched = false;
      for (String callee : callees) {
        int dot = callee.lastIndexOf('.', callee.indexOf('('));
        if (alone.selects(callee.substring(0, dot),
            callee.substring(dot + 1, callee.indexOf('(')))) {
          matched = true;
          break;
        }
      }
      if (!matched) {
        unmatched.add(pattern);
      }
    }
    return unmatched;
  }

  /** @return true if no call site is selected */
  public boolean isEmpty() {
    return patterns.isEmpty();
  }

  /** @return the patterns, as written */
  public List<String> patterns() {
    return patterns;
  }

  @Override
  public String toString() {
    return "call sites " + patterns;
  }
}
