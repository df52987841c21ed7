package dev.trap.it.real;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks what the library's own tests do not: that every class on the test class path (woven, in
 * the woven run) looks the same through reflection and serialization as its original in
 * {@code target/original-classes} (system property {@value #ORIGINAL_CLASSES}): same members,
 * modifiers, generic signatures, annotations, parameter names, nest and enclosing classes, and
 * {@code serialVersionUID}, computed ones included. In the run against the original classes it
 * compares them with themselves, so it passes there and counts as a regression if it fails woven.
 *
 * <p>One difference is expected: a class whose calls of JDK methods are trapped (the default call
 * sites are on) gains a private static synthetic bridge per method it calls, named
 * {@code trap$call$N}, as a class instrumented by JaCoCo gains {@code $jacocoInit}. Private, so
 * out of the {@code serialVersionUID}; synthetic, so frameworks pass it by. They are left out.
 */
class ShapeTest {

  /** System property naming the folder of the original classes. */
  static final String ORIGINAL_CLASSES = "trap.it.originalClasses";

  private static final Path ORIGINALS = Paths.get(System.getProperty(ORIGINAL_CLASSES));
  private static final ClassLoader ORIGINAL_LOADER = originalLoader();

  static Stream<String> classNames() throws IOException {
    try (Stream<Path> files = Files.walk(ORIGINALS)) {
      return files.map(ORIGINALS::relativize).map(Path::toString)
          .filter(name -> name.endsWith(".class") && !name.endsWith("module-info.class"))
          .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
          .sorted().collect(Collectors.toList()).stream();
    }
  }

  @ParameterizedTest
  @MethodSource("classNames")
  void everyClass_shouldLookAsBeforeWeaving(String className) throws ClassNotFoundException {
    Class<?> original = Class.forName(className, false, ORIGINAL_LOADER);
    Class<?> tested = Class.forName(className, false, ShapeTest.class.getClassLoader());

    List<String> before = shape(original);
    List<String> after = shape(tested);
    List<String> lost = new ArrayList<>(before);
    lost.removeAll(after);
    List<String> gained = new ArrayList<>(after);
    gained.removeAll(before);
    assertEquals(before, after, () -> className + " looks different woven: lost " + lost
        + ", gained " + gained);
  }

  private static List<String> shape(Class<?> type) {
    List<String> shape = new ArrayList<>();
    shape.add(type.toGenericString() + " (modifiers " + type.getModifiers() + ")"
        + " extends " + type.getGenericSuperclass()
        + " implements " + Arrays.toString(type.getGenericInterfaces())
        + " annotated " + Arrays.toString(type.getDeclaredAnnotations()));
    shape.add("nest host " + type.getNestHost().getName() + ", members "
        + Arrays.stream(type.getNestMembers()).map(Class::getName).collect(Collectors.toList())
        + ", enclosed by " + type.getEnclosingClass() + " " + type.getEnclosingMethod()
        + " " + type.getEnclosingConstructor() + ", simple name " + type.getSimpleName());
    if (Serializable.class.isAssignableFrom(type)) {
      shape.add("serialVersionUID " + ObjectStreamClass.lookupAny(type).getSerialVersionUID());
    }
    List<String> members = new ArrayList<>();
    for (Field field : type.getDeclaredFields()) {
      members.add(field.toGenericString() + flags(field.isSynthetic(), false, false)
          + Arrays.toString(field.getDeclaredAnnotations()));
    }
    Stream.concat(Arrays.stream(type.getDeclaredMethods()),
        Arrays.stream(type.getDeclaredConstructors()))
        .filter(executable -> !(executable.isSynthetic()
            && executable.getName().startsWith("trap$call$")))
        .forEach(executable -> members.add(describe(executable)));
    members.sort(null);
    shape.addAll(members);
    return shape;
  }

  private static String describe(Executable executable) {
    StringBuilder text = new StringBuilder(executable.toGenericString());
    boolean bridge = executable instanceof Method && ((Method) executable).isBridge();
    text.append(flags(executable.isSynthetic(), bridge, executable.isVarArgs()));
    for (Parameter parameter : executable.getParameters()) {
      text.append(" (").append(parameter.getModifiers()).append(' ').append(parameter.getName())
          .append(parameter.isNamePresent() ? "" : "?").append(')');
    }
    text.append(" annotated ").append(Arrays.toString(executable.getDeclaredAnnotations()))
        .append(' ').append(Arrays.deepToString(executable.getParameterAnnotations()));
    if (executable instanceof Method) {
      text.append(" default ").append(((Method) executable).getDefaultValue());
    }
    return text.toString();
  }

  private static String flags(boolean synthetic, boolean bridge, boolean varArgs) {
    return (synthetic ? " synthetic" : "") + (bridge ? " bridge" : "") + (varArgs ? " varargs" : "");
  }

  private static ClassLoader originalLoader() {
    try {
      // The library needs nothing but the JDK: its originals load beside no other class.
      return new URLClassLoader(new URL[] {ORIGINALS.toUri().toURL()},
          ClassLoader.getPlatformClassLoader());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
