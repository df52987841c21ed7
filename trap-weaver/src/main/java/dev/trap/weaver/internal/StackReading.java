package dev.trap.weaver.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JDK's methods that read the stack beyond their caller: a call site's bridge
 * ({@link CallSiteBridges}) would stand between them and the code that calls them, one frame
 * more, and mislead them. They are never trapped at their call sites, whatever the patterns
 * select: {@code StackWalker}'s walks and {@code getCallerClass}, {@code Thread}'s stack traces,
 * a {@code Throwable}'s construction, which fills in its stack trace, the loggers of
 * {@code java.util.logging} and {@code System.Logger}, which name the method that logs. (Methods that look at their
 * immediate caller only, such as {@code Class.forName} or {@code MethodHandles.lookup}, see the
 * same class through the bridge, which is a method of the calling class, and are trapped.)
 */
final class StackReading {

  /** Every method of the class. */
  private static final String ALL = "*";
  private static final Map<String, Set<String>> METHODS = Map.of(
      "java/lang/StackWalker", Set.of("getCallerClass", "walk", "forEach"),
      "java/lang/Thread", Set.of("getStackTrace", "getAllStackTraces", "dumpStack"),
      "java/lang/Throwable", Set.of("fillInStackTrace"),
      "java/lang/SecurityManager", Set.of("getClassContext"),
      "java/util/logging/Logger", Set.of(ALL),
      "java/lang/System$Logger", Set.of(ALL));
  private static final Map<String, Boolean> THROWABLES = new ConcurrentHashMap<>();

  private StackReading() {
  }

  /** @return true if a call of the method must not go through a bridge */
  static boolean is(String owner, String name, String descriptor) {
    Set<String> methods = METHODS.get(owner);
    if (methods != null && (methods.contains(name) || methods.contains(ALL))) {
      return true;
    }
    return (name.equals("<init>") || name.equals("fillInStackTrace")) && isThrowable(owner);
  }

  /**
   * A class of the JDK is looked up in the JDK Trap runs on; an application's class is not
   * loaded, and is taken for an exception by its name, as exceptions are named.
   */
  private static boolean isThrowable(String owner) {
    return THROWABLES.computeIfAbsent(owner, type -> {
      if (type.startsWith("java/") || type.startsWith("javax/") || type.startsWith("jdk/")) {
        try {
          return Throwable.class.isAssignableFrom(Class.forName(type.replace('/', '.'), false,
              ClassLoader.getPlatformClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
          return false;
        }
      }
      return type.endsWith("Exception") || type.endsWith("Error") || type.endsWith("Throwable");
    });
  }
}
