package dev.trap.internal.trace;

import java.io.File;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a class's source file is, for a trace's link to it: under the first of the project's
 * source roots that holds it (relative to the test's working directory, the project's, as
 * trap-maven-plugin hands them over in {@value #ROOTS}), else by its package alone
 * ({@code com/acme/shop/Checkout.java}), which an IDE finds under any root.
 */
final class SourcePaths {

  /** Source roots, separated as class paths are; set by trap-maven-plugin. */
  static final String ROOTS = "trap.sourceRoots";

  private static final ConcurrentHashMap<String, String> FOUND =
      new ConcurrentHashMap<String, String>();

  private SourcePaths() {
  }

  static String of(Class<?> type, String sourceFile) {
    String name = type.getName();
    int dot = name.lastIndexOf('.');
    String relative = (dot < 0 ? "" : name.substring(0, dot).replace('.', '/') + "/")
        + sourceFile;
    String found = FOUND.get(relative);
    if (found == null) {
      found = relative;
      String roots = System.getProperty(ROOTS);
      if (roots != null) {
        for (String root : roots.split(File.pathSeparator)) {
          String candidate = root.isEmpty() ? relative : root.replace('\\', '/') + "/" + relative;
          if (!root.isEmpty() && new File(candidate).isFile()) {
            found = candidate;
            break;
          }
        }
      }
      FOUND.putIfAbsent(relative, found);
    }
    return found;
  }
}
