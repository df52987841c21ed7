package dev.trap.maven;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.TreeMap;

/**
 * What weaving a classes directory did, for the build log: counts for the one summary line,
 * the weaver's warnings, and the class files that could not be woven.
 */
final class WeaveReport {

  private final String version;
  private final String subject;
  private int wovenClasses;
  private int wovenMethods;
  private int upToDate;
  private int selected;
  private boolean moduleOpened;
  private final Set<String> callees = new TreeSet<>();
  private final Map<String, Integer> leftAlone = new TreeMap<>();
  private final List<String> warnings = new ArrayList<>();
  private final List<String> classNames = new ArrayList<>();
  private final List<Failure> failures = new ArrayList<>();
  private long millis;

  /** @param version the Trap version, for the summary */
  WeaveReport(String version) {
    this(version, null);
  }

  /**
   * @param version the Trap version, for the summary
   * @param subject what was woven, such as {@code com.acme:billing:1.0}, or null for the
   *     project's own classes
   */
  WeaveReport(String version, String subject) {
    this.version = version;
    this.subject = subject;
  }

  void woven(int methods) {
    wovenClasses++;
    wovenMethods += methods;
    selected++;
  }

  void upToDate() {
    upToDate++;
    selected++;
  }

  void leftAlone(String reason) {
    leftAlone.merge(reason == null ? "no reason given" : reason, 1, Integer::sum);
    selected++;
  }

  void failed(String file, String message, Throwable cause) {
    failures.add(new Failure(file, message, cause));
    selected++;
  }

  void warning(String warning) {
    warnings.add(warning);
  }

  /** A class seen, selected or not, to tell which include patterns match no class. */
  synchronized void className(String name) {
    classNames.add(name);
  }

  /** The classes' module descriptor now requires Trap's runtime module. */
  void moduleOpened() {
    moduleOpened = true;
  }

  /** @param methods the methods whose calls the woven classes trap */
  /** @return the methods of other classes whose calls got traps, as {@code owner.name + descriptor} */
  Set<String> callees() {
    return callees;
  }

  void callees(Set<String> methods) {
    callees.clear();
    callees.addAll(methods);
  }

  void millis(long millis) {
    this.millis = millis;
  }

  /** @return the milliseconds spent */
  long millis() {
    return millis;
  }

  /** @return how many classes were woven by this build */
  int wovenClasses() {
    return wovenClasses;
  }

  /** @return how many classes were woven already and unchanged since */
  int upToDateClasses() {
    return upToDate;
  }

  /**
   * @return how many class files the includes and excludes select, whatever became of them: if
   *     none, the project needs no Trap runtime
   */
  int selectedClasses() {
    return selected;
  }

  /** @return the weaver's warnings, such as methods left unwoven */
  List<String> warnings() {
    return Collections.unmodifiableList(warnings);
  }

  /** @return the names of the classes seen, selected or not */
  List<String> classNames() {
    return Collections.unmodifiableList(classNames);
  }

  /** @return the class files that could not be woven, in path order */
  List<Failure> failures() {
    return Collections.unmodifiableList(failures);
  }

  /**
   * The one line a build logs, such as {@code Trap 0.1.0 wove 12 classes (87 methods) in 143 ms;
   * 3 up to date; 2 left alone (1 enum, 1 interface without code)}.
   *
   * @return the summary
   */
  String summary() {
    StringBuilder line = new StringBuilder("Trap ").append(version).append(" wove ")
        .append(count(wovenClasses, "class", "classes"));
    if (wovenClasses > 0) {
      line.append(" (").append(count(wovenMethods, "method", "methods")).append(')');
    }
    if (subject != null) {
      line.append(" of ").append(subject);
    }
    line.append(" in ").append(millis).append(" ms");
    if (upToDate > 0) {
      line.append("; ").append(upToDate).append(" up to date");
    }
    if (!leftAlone.isEmpty()) {
      int total = leftAlone.values().stream().mapToInt(Integer::intValue).sum();
      line.append("; ").append(total).append(" left alone (");
      String separator = "";
      for (Map.Entry<String, Integer> reason : leftAlone.entrySet()) {
        line.append(separator).append(reason.getValue()).append(' ').append(reason.getKey());
        separator = ", ";
      }
      line.append(')');
    }
    if (!callees.isEmpty()) {
      line.append("; calls of ").append(count(callees.size(), "other method", "other methods"))
          .append(" trapped");
    }
    if (moduleOpened) {
      line.append("; module-info.class requires dev.trap");
    }
    if (!failures.isEmpty()) {
      line.append("; ").append(failures.size()).append(" failed and left unwoven");
    }
    return line.toString();
  }

  private static String count(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  /** A class file that could not be woven. */
  static final class Failure {

    private final String file;
    private final String message;
    private final Throwable cause;

    Failure(String file, String message, Throwable cause) {
      this.file = file;
      this.message = message;
      this.cause = cause;
    }

    /** @return the class file, as named in messages */
    String file() {
      return file;
    }

    /** @return what went wrong and what to do, naming the file */
    String message() {
      return message;
    }

    /** @return the exception, or null */
    Throwable cause() {
      return cause;
    }
  }
}
