package dev.trap.internal.dispatch;


/**
 * Which classes may outlive the runtime: those of class loaders it does not reach up to, such as
 * the JDK's. The runtime must not hang its own objects on such a class (a {@link ClassValue}
 * holds its values strongly), or the class would keep the runtime, and the test class loader
 * with every class it loaded, reachable for as long as the JVM runs.
 */
public final class Loaders {

  private static final ClassLoader RUNTIME = Loaders.class.getClassLoader();

  private Loaders() {
  }

  /**
   * @param type a class
   * @return false if the class's loader is the runtime's or one below it, whose classes go when
   *     the runtime's do; true otherwise, such as for the JDK's classes
   */
  public static boolean mayOutliveRuntime(Class<?> type) {
    ClassLoader loader = type.getClassLoader();
    if (loader == null) {
      return RUNTIME != null;
    }
    for (ClassLoader l = loader; l != null; l = l.getParent()) {
      if (l == RUNTIME) {
        return false;
      }
    }
    return true;
  }
}
