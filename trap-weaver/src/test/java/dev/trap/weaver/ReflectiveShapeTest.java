package dev.trap.weaver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trap.Call;
import dev.trap.Interceptor;
import dev.trap.MethodInfo;
import dev.trap.Registration;
import dev.trap.Target;
import dev.trap.Trap;
import dev.trap.weaver.testing.WovenClasses;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * A woven class looks the same to reflection and serialization as the original: tests of real
 * libraries count declared members and deserialize data written by unwoven classes.
 */
class ReflectiveShapeTest {

  private final WovenClasses woven = WovenClasses.samples();
  private final WovenClasses original = new WovenClasses(
      Weaver.builder().include("nothing.**").build(), "samples.");

  @ParameterizedTest
  @ValueSource(strings = {"samples.Calculator", "samples.Greeter", "samples.Planet",
      "samples.Point", "samples.Nest", "samples.Nest$Box", "samples.Constructors"})
  void woven_class_should_declare_the_same_members_and_modifiers(String name) {
    Class<?> before = original.load(name);
    Class<?> after = woven.load(name);

    assertEquals(shape(before), shape(after));
  }

  private static String shape(Class<?> type) {
    return "modifiers " + type.getModifiers()
        + "\ninterfaces " + Arrays.toString(type.getInterfaces())
        + "\nannotations " + Arrays.toString(type.getDeclaredAnnotations())
        + "\nfields " + sorted(Arrays.stream(type.getDeclaredFields()).map(Field::toGenericString))
        + "\nmethods " + sorted(Arrays.stream(type.getDeclaredMethods())
            .map(m -> m.toGenericString() + (m.isSynthetic() ? " synthetic" : "")))
        + "\nconstructors " + sorted(Arrays.stream(type.getDeclaredConstructors())
            .map(Constructor::toGenericString));
  }

  private static TreeSet<String> sorted(java.util.stream.Stream<String> members) {
    return members.collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void method_info_should_report_the_modifiers_reflection_reports() throws Exception {
    Class<?> shop = woven.load("samples.Shop");
    Method legacy = shop.getMethod("legacy", int[].class);
    List<MethodInfo> seen = new ArrayList<>();
    try (Registration registration = Trap.addThreadInterceptor(new Interceptor() {
      @Override
      public Target target() {
        return Target.of(legacy);
      }

      @Override
      public Object pre(Call call) {
        seen.add(call.method());
        return null;
      }
    })) {
      legacy.invoke(null, (Object) new int[0]);
    }

    // Deprecated, synchronized and varargs: ASM's ACC_DEPRECATED (0x20000) must not show.
    assertEquals(legacy.getModifiers(), seen.get(0).modifiers());
    assertEquals(Modifier.PUBLIC | Modifier.STATIC | Modifier.SYNCHRONIZED | 0x80,
        seen.get(0).modifiers());
  }

  @Test
  void woven_serializable_class_should_keep_its_computed_serialVersionUID() {
    long before = ObjectStreamClass.lookup(original.load("samples.Constructors"))
        .getSerialVersionUID();
    long after = ObjectStreamClass.lookup(woven.load("samples.Constructors"))
        .getSerialVersionUID();

    assertEquals(before, after);
  }

  @Test
  void woven_class_should_read_objects_written_by_the_original() throws Exception {
    Object written = original.load("samples.Constructors").getConstructor().newInstance();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(written);
    }

    Object read;
    try (ObjectInputStream in = new LoaderObjectInputStream(
        new ByteArrayInputStream(bytes.toByteArray()), woven)) {
      read = in.readObject();
    }

    assertEquals(woven, read.getClass().getClassLoader());
    assertEquals(7L, read.getClass().getMethod("id").invoke(read));
  }

  @Test
  void woven_class_should_keep_line_numbers_and_parameter_names_for_debuggers()
      throws Exception {
    Method scale = woven.load("samples.Calculator").getMethod("scale", long.class, double.class,
        int.class);
    List<String> names = Arrays.stream(scale.getParameters()).map(p -> p.getType().getName())
        .collect(Collectors.toList());

    assertEquals(List.of("long", "double", "int"), names);
  }

  private static final class LoaderObjectInputStream extends ObjectInputStream {
    private final ClassLoader loader;

    LoaderObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
      super(in);
      this.loader = loader;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass descriptor) throws ClassNotFoundException {
      return Class.forName(descriptor.getName(), false, loader);
    }
  }
}
