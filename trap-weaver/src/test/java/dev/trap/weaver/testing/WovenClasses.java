package dev.trap.weaver.testing;

import dev.trap.weaver.WeaveException;
import dev.trap.weaver.WeaveResult;
import dev.trap.weaver.Weaver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Loads classes of the test classpath woven, in a class loader of their own, so a test can run
 * the woven and the original form of the same class side by side. Classes outside the woven
 * packages (the runtime, JUnit) come from the parent loader.
 */
public final class WovenClasses extends ClassLoader {

  static {
    registerAsParallelCapable();
  }

  private final Weaver weaver;
  private final String prefix;
  private final Map<String, WeaveResult> results = new HashMap<>();

  /**
   * @param weaver the weaver to weave with
   * @param packagePrefix classes whose names start with it are loaded here, woven as the weaver
   *     decides; others come from the parent
   */
  public WovenClasses(Weaver weaver, String packagePrefix) {
    super(WovenClasses.class.getClassLoader());
    this.weaver = weaver;
    this.prefix = packagePrefix;
  }

  /** @return a loader that weaves every class of the package {@code samples} */
  public static WovenClasses samples() {
    return new WovenClasses(Weaver.builder().include("samples.**").build(), "samples.");
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (!name.startsWith(prefix)) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        byte[] bytes = weave(name).bytes();
        loaded = defineClass(name, bytes, 0, bytes.length);
      }
      if (resolve) {
        resolveClass(loaded);
      }
      return loaded;
    }
  }

  /**
   * Serves the class files of the classes it defines as it defined them, woven, as a class loader
   * of a classes directory would: the runtime reads Trap's marker from them.
   */
  @Override
  public InputStream getResourceAsStream(String name) {
    if (name.endsWith(".class")) {
      String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
      if (className.startsWith(prefix)) {
        return new java.io.ByteArrayInputStream(weave(className).bytes());
      }
    }
    return super.getResourceAsStream(name);
  }

  /** @return the result of weaving the named class of the test classpath */
  public synchronized WeaveResult weave(String name) {
    WeaveResult result = results.get(name);
    if (result == null) {
      try {
        result = weaver.weave(original(name), name.replace('.', '/') + ".class");
      } catch (WeaveException e) {
        throw new IllegalStateException(e);
      }
      results.put(name, result);
    }
    return result;
  }

  /** @return the class file of a class on the test classpath, as compiled */
  public static byte[] original(String name) {
    String resource = name.replace('.', '/') + ".class";
    try (InputStream in = WovenClasses.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("No class file " + resource + " on the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param name a class name
   * @return the woven class, loaded
   */
  public Class<?> load(String name) {
    try {
      return Class.forName(name, true, this);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
