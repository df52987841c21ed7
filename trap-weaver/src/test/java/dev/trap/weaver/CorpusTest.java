package dev.trap.weaver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trap.Call;
import dev.trap.Interceptor;
import dev.trap.MethodInfo;
import dev.trap.Registration;
import dev.trap.Trap;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * The corpus: real classes compiled by javac 25 for Java 8, 11, 17, 21 and 25 (see
 * {@code src/test/corpus}), each woven, verified by ASM, loaded under {@code -Xverify:all} and
 * run, once plain, once observed by an interceptor that must see every woven method the corpus
 * calls, and once with bodies skipped. Levels newer than the running JVM are skipped here and run
 * by the build's JDK 25 execution.
 */
class CorpusTest {

  @ParameterizedTest
  @ValueSource(strings = {"java8", "java11", "java17", "java21", "java25", "kotlin"})
  void corpus_should_weave_verify_and_run_as_before(String level) throws Exception {
    assumeTrue(Runtime.version().feature() >= release(level), "needs a JDK " + release(level));
    Map<String, byte[]> originals = corpus(level);
    Map<String, byte[]> woven = weave(originals);

    for (Map.Entry<String, byte[]> entry : woven.entrySet()) {
      StringWriter problems = new StringWriter();
      CheckClassAdapter.verify(new ClassReader(entry.getValue()), new MapLoader(originals), false,
          new PrintWriter(problems));
      assertEquals("", problems.toString(), entry.getKey());
    }
    List<String> expected = run(new MapLoader(originals));
    MapLoader wovenLoader = new MapLoader(woven);
    assertEquals(expected, run(wovenLoader));

    // A fresh loader, so class initialization (enum constants) happens under observation too.
    MapLoader observedLoader = new MapLoader(woven);
    Set<String> seen = new ConcurrentSkipListSet<>();
    try (Registration registration = Trap.addGlobalInterceptor(new Interceptor() {
      @Override
      public boolean appliesTo(MethodInfo method) {
        return method.declaringClass().getClassLoader() == observedLoader;
      }

      @Override
      public Object pre(Call call) {
        seen.add(call.method().declaringClass().getName() + "." + call.method().name()
            + call.method().descriptor());
        return null;
      }
    })) {
      assertEquals(expected, run(observedLoader));
    }
    Set<String> notSeen = new TreeSet<>(wovenMethods(originals));
    notSeen.removeAll(seen);
    if (level.equals("kotlin")) {
      // kotlinc generates members the driver does not call (componentN, equals, ...); what
      // matters is that its own shapes were trapped: suspend state machines, companions,
      // extension functions with defaults, delegated properties, objects.
      assertTrue(seen.containsAll(List.of("corpus.KotlinKt.total(Ljava/util/List;"
          + "Lkotlin/coroutines/Continuation;)Ljava/lang/Object;",
          "corpus.KotlinKt.fetch(ILkotlin/coroutines/Continuation;)Ljava/lang/Object;",
          "corpus.Money$Companion.of(DLjava/lang/String;)Lcorpus/Money;",
          "corpus.Money.plus(Lcorpus/Money;)Lcorpus/Money;",
          "corpus.KotlinKt.shout(Ljava/lang/String;I)Ljava/lang/String;",
          "corpus.Lazy.describe(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;",
          "corpus.Registry.register(Ljava/lang/String;)I")), seen.toString());
      return;
    }
    // The driver calls every woven method but the compiler's enum values/valueOf and the
    // constructors of classes that only hold static scenarios.
    assertEquals(Set.of("corpus.Basics$Holder.<init>()V"), notSeen.stream()
        .filter(m -> !m.contains(".values()") && !m.contains(".valueOf(")
            && !m.matches("corpus\\.(Main|Java\\d+)\\.<init>\\(\\)V"))
        .collect(Collectors.toSet()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"java8", "java11", "java17", "java21", "java25", "kotlin"})
  void interceptor_should_skip_bodies_of_every_return_kind(String level) throws Exception {
    assumeTrue(Runtime.version().feature() >= release(level), "needs a JDK " + release(level));
    MapLoader loader = new MapLoader(weave(corpus(level)));
    List<String> log;
    try (Registration registration = Trap.addThreadInterceptor(new Interceptor() {
      @Override
      public boolean appliesTo(MethodInfo method) {
        return method.declaringClass().getClassLoader() == loader
            && method.name().startsWith("answer");
      }

      @Override
      public Object pre(Call call) {
        Class<?> type = call.method().returnType();
        call.returnWith(type == int.class ? (Object) 42 : type == long.class ? (Object) 42L
            : type == double.class ? (Object) 42.0 : type == boolean.class ? (Object) true
            : "42");
        return null;
      }
    })) {
      log = run(loader);
    }

    assertEquals(List.of("answers 42 42 42.0 true 42 42"),
        log.stream().filter(line -> line.startsWith("answers")).collect(Collectors.toList()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"java8", "java11", "java17", "java21", "java25", "kotlin"})
  void parameter_names_should_come_from_whatever_debug_information_there_is(String level)
      throws Exception {
    assumeTrue(Runtime.version().feature() >= release(level), "needs a JDK " + release(level));
    MapLoader loader = new MapLoader(weave(corpus(level)));
    Class<?> basics = loader.loadClass("corpus.Basics");
    List<MethodInfo> seen = new java.util.ArrayList<>();
    try (Registration registration = Trap.addThreadInterceptor(new Interceptor() {
      @Override
      public boolean appliesTo(MethodInfo method) {
        return method.declaringClass() == basics && method.name().equals("wide");
      }

      @Override
      public Object pre(Call call) {
        seen.add(call.method());
        return null;
      }
    })) {
      Object instance = basics.getConstructor().newInstance();
      basics.getMethod("wide", long.class, double.class, int.class, long.class, float.class)
          .invoke(instance, 1L, 2.0, 3, 4L, 5f);
    }

    boolean named = !level.equals("java21"); // corpus/compile.sh: no -g, no -parameters for 21
    assertEquals(named ? List.of("a", "b", "c", "d", "e")
        : List.of("arg0", "arg1", "arg2", "arg3", "arg4"), seen.get(0).parameterNames());
    assertEquals(named, seen.get(0).hasParameterNames());
    assertEquals("corpus.Basics.wide(long, double, int, long, float) (Basics.java:45)",
        seen.get(0).toString());
  }

  /** @return the Java release a level's classes need to run */
  private static int release(String level) {
    return level.equals("kotlin") ? 17 : Integer.parseInt(level.substring("java".length()));
  }

  /** The Kotlin level is kotlinc's output with the Java 17 level, whose Main drives it. */
  private static Map<String, byte[]> corpus(String level) throws IOException, URISyntaxException {
    if (level.equals("kotlin")) {
      Map<String, byte[]> classes = corpus("java17");
      classes.putAll(read("kotlin"));
      return classes;
    }
    return read(level);
  }

  private static Map<String, byte[]> read(String level) throws IOException, URISyntaxException {
    Path root = Paths.get(CorpusTest.class.getResource("/corpus/" + level).toURI());
    Map<String, byte[]> classes = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class"))
          .collect(Collectors.toList())) {
        String name = root.relativize(file).toString().replace('/', '.').replace(".class", "");
        classes.put(name, Files.readAllBytes(file));
      }
    }
    return classes;
  }

  private static Map<String, byte[]> weave(Map<String, byte[]> originals) throws IOException {
    Weaver weaver = Weaver.builder().include("corpus.**").build();
    Map<String, byte[]> woven = new TreeMap<>();
    for (Map.Entry<String, byte[]> entry : originals.entrySet()) {
      WeaveResult result = weaver.weave(entry.getValue(), entry.getKey());
      assertEquals(List.of(), result.warnings(), entry.getKey());
      woven.put(entry.getKey(), result.bytes());
    }
    return woven;
  }

  /** The methods that get a trap, as {@code class.name+descriptor}. */
  private static Set<String> wovenMethods(Map<String, byte[]> originals) {
    Set<String> methods = new TreeSet<>();
    for (byte[] bytes : originals.values()) {
      ClassNode node = new ClassNode();
      new ClassReader(bytes).accept(node, ClassReader.SKIP_CODE);
      for (MethodNode method : node.methods) {
        int skipped = Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_BRIDGE
            | Opcodes.ACC_SYNTHETIC;
        if ((method.access & skipped) == 0 && !method.name.equals("<clinit>")) {
          methods.add(node.name.replace('/', '.') + "." + method.name + method.desc);
        }
      }
    }
    return methods;
  }

  @SuppressWarnings("unchecked")
  private static List<String> run(ClassLoader loader) throws Exception {
    return (List<String>) loader.loadClass("corpus.Main").getMethod("run").invoke(null);
  }

  /** Defines the corpus classes from bytes, child-first; everything else from the parent. */
  private static final class MapLoader extends ClassLoader {
    private final Map<String, byte[]> classes;

    MapLoader(Map<String, byte[]> classes) {
      super(CorpusTest.class.getClassLoader());
      this.classes = classes;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
          return super.loadClass(name, resolve);
        }
        Class<?> loaded = findLoadedClass(name);
        if (loaded == null) {
          loaded = defineClass(name, bytes, 0, bytes.length);
        }
        return loaded;
      }
    }
  }

  static {
    // Fail fast with a clear message if the corpus was not compiled into the test resources.
    if (CorpusTest.class.getResource("/corpus/java8") == null) {
      throw new UncheckedIOException(new IOException(
          "corpus missing: run trap-weaver/src/test/corpus/compile.sh"));
    }
  }
}
