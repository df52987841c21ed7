package dev.trap.bench;

import dev.trap.weaver.WeaveResult;
import dev.trap.weaver.Weaver;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * One copy of the benchmark subjects, defined from class file bytes in a loader of its own: the
 * bytes as compiled, or as woven. Both copies go through the same kind of loader from bytes, so
 * the woven and the plain copy differ only in their bytecode.
 */
final class Subjects {

  /** The package woven, as a Trap user would name it in the plugin's includes. */
  static final String WOVEN_PACKAGES = "bench.subject.**";

  private static final String CALCULATOR = "bench.subject.Calculator";
  private static final String OTHER = "bench.subject.Other";
  private static final String ADDER = "bench.caller.CalculatorAdder";
  private static final String[] CLASSES = {CALCULATOR, OTHER, ADDER};

  final Class<?> calculator;
  final Class<?> other;
  final Adder adder;
  final Greeter greeter;
  final IntUnaryOperator otherMethod;

  private Subjects(ClassLoader loader) throws ReflectiveOperationException {
    this.calculator = loader.loadClass(CALCULATOR);
    this.other = loader.loadClass(OTHER);
    this.adder = (Adder) loader.loadClass(ADDER).getConstructor().newInstance();
    this.greeter = (Greeter) calculator.getConstructor().newInstance();
    this.otherMethod = (IntUnaryOperator) other.getConstructor().newInstance();
  }

  /** @return the subjects as javac compiled them */
  static Subjects plain() throws IOException, ReflectiveOperationException {
    return new Subjects(loader(false, CLASSES));
  }

  /**
   * @param woven whether to weave the classes of {@code bench.subject}
   * @param classes the classes the loader defines itself, from the class path's class files
   * @return a loader of its own for them
   * @throws IllegalStateException if the weaver did not weave exactly the subject classes
   */
  static ClassLoader loader(boolean woven, String... classes) throws IOException {
    Map<String, byte[]> classFiles = classFiles(classes);
    if (woven) {
      Weaver weaver = Weaver.builder().include(WOVEN_PACKAGES).build();
      for (Map.Entry<String, byte[]> entry : classFiles.entrySet()) {
        WeaveResult result = weaver.weave(entry.getValue(), entry.getKey());
        boolean subject = entry.getKey().startsWith("bench.subject.");
        if (subject != result.isWoven()) {
          // A benchmark of unwoven code would report a perfect, meaningless 1.00x.
          throw new IllegalStateException("Unexpected weaving of " + entry.getKey() + ": "
              + result);
        }
        entry.setValue(result.bytes());
      }
    }
    return new BytesLoader(woven ? "woven-subjects" : "plain-subjects", classFiles);
  }

  /**
   * @return the subjects with {@code bench.subject} woven by Trap
   * @throws IllegalStateException if the weaver did not weave the subject classes
   */
  static Subjects woven() throws IOException, ReflectiveOperationException {
    return new Subjects(loader(true, CLASSES));
  }

  /**
   * @param weaver the weaver, or null for the classes as compiled
   * @param classes the classes the loader defines itself; each must be woven if a weaver is given
   * @return a loader of its own for them
   */
  static ClassLoader loader(Weaver weaver, String... classes) throws IOException {
    Map<String, byte[]> classFiles = classFiles(classes);
    if (weaver != null) {
      for (Map.Entry<String, byte[]> entry : classFiles.entrySet()) {
        WeaveResult result = weaver.weave(entry.getValue(), entry.getKey());
        if (!result.isWoven()) {
          throw new IllegalStateException("Not woven: " + result);
        }
        entry.setValue(result.bytes());
      }
    }
    return new BytesLoader(weaver == null ? "plain" : "woven", classFiles);
  }

  static Map<String, byte[]> classFiles(String... names) throws IOException {
    Map<String, byte[]> classes = new HashMap<>();
    for (String name : names) {
      String resource = name.replace('.', '/') + ".class";
      try (InputStream in = Subjects.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IOException("No class file " + resource + " on the class path");
        }
        classes.put(name, in.readAllBytes());
      }
    }
    return classes;
  }

  /**
   * Defines the given classes itself, even though its parent could load the originals (they are
   * compiled into this module), and leaves everything else, Trap's runtime and the benchmarks'
   * interfaces included, to its parent: woven code must link to the one runtime the benchmark
   * registers interceptors with.
   */
  private static final class BytesLoader extends ClassLoader {

    static {
      registerAsParallelCapable();
    }

    private final Map<String, byte[]> classes;

    BytesLoader(String name, Map<String, byte[]> classes) {
      super(name, Subjects.class.getClassLoader());
      this.classes = classes;
    }

    /** Serves the class files as defined, woven or not, as a classes directory would. */
    @Override
    public java.io.InputStream getResourceAsStream(String name) {
      if (name.endsWith(".class")) {
        byte[] bytes = classes.get(name.substring(0, name.length() - 6).replace('/', '.'));
        if (bytes != null) {
          return new java.io.ByteArrayInputStream(bytes);
        }
      }
      return super.getResourceAsStream(name);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      byte[] bytes = classes.get(name);
      if (bytes == null) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded == null) {
          loaded = defineClass(name, bytes, 0, bytes.length);
        }
        if (resolve) {
          resolveClass(loaded);
        }
        return loaded;
      }
    }
  }
}
