package dev.trap.weaver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trap.Call;
import dev.trap.Interceptor;
import dev.trap.Registration;
import dev.trap.Target;
import dev.trap.Trap;
import dev.trap.weaver.testing.WovenClasses;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Attribute;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Label;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.ModuleVisitor;
import org.objectweb.asm.Opcodes;

class WeaverTest {

  private static final String VERSION = Weaver.version();
  private final Weaver weaver = Weaver.builder().include("samples.**").build();
  private final byte[] calculator = WovenClasses.original("samples.Calculator");

  @Test
  void weave_should_weave_selected_class_and_mark_it() throws Exception {
    WeaveResult result = weaver.weave(calculator, "Calculator.class");

    assertEquals(WeaveResult.Status.WOVEN, result.status());
    assertEquals("samples.Calculator", result.className());
    assertEquals(17, result.wovenMethods());
    assertEquals(List.of(), result.warnings());
    assertTrue(Weaver.isWoven(result.bytes()));
    assertFalse(Weaver.isWoven(calculator));
  }

  @Test
  void weave_should_be_deterministic() throws Exception {
    byte[] first = weaver.weave(calculator, "a").bytes();
    byte[] second = weaver.weave(calculator.clone(), "b").bytes();

    assertArrayEquals(first, second);
  }

  @Test
  void weave_should_not_modify_its_input() throws Exception {
    byte[] copy = calculator.clone();
    weaver.weave(copy, "Calculator.class");

    assertArrayEquals(calculator, copy);
  }

  @Test
  void weave_should_return_input_itself_for_class_not_selected() throws Exception {
    Weaver other = Weaver.builder().include("com.acme.**").build();

    WeaveResult result = other.weave(calculator, "Calculator.class");

    assertEquals(WeaveResult.Status.NOT_SELECTED, result.status());
    assertSame(calculator, result.bytes());
  }

  @Test
  void weave_should_never_select_trap_own_classes() throws Exception {
    Weaver everything = Weaver.builder().include("**").build();
    byte[] runtime = WovenClasses.original("dev.trap.internal.dispatch.Trampoline");

    assertEquals(WeaveResult.Status.NOT_SELECTED, everything.weave(runtime, "x").status());
  }

  @Test
  void weave_stream_should_write_the_woven_class() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    WeaveResult result = weaver.weave(new ByteArrayInputStream(calculator), out, "x");

    assertArrayEquals(result.bytes(), out.toByteArray());
    assertTrue(Weaver.isWoven(out.toByteArray()));
  }

  @Test
  void weave_should_refuse_an_already_woven_class() throws Exception {
    byte[] woven = weaver.weave(calculator, "first").bytes();

    AlreadyWovenException thrown = assertThrows(AlreadyWovenException.class,
        () -> weaver.weave(woven, "target/classes/samples/Calculator.class"));

    assertEquals("Trap " + VERSION + " cannot weave target/classes/samples/Calculator.class:"
        + " it was woven by Trap " + VERSION + " already, and Trap weaves only original class"
        + " files. Rebuild the classes from source (mvn clean) and weave them again.",
        thrown.getMessage());
    assertEquals("target/classes/samples/Calculator.class", thrown.name());
  }

  @Test
  void weave_should_reject_a_file_that_is_no_class_file() {
    byte[] zip = {0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0, 0, 0, 0, 0};

    WeaveException thrown = assertThrows(WeaveException.class,
        () -> weaver.weave(zip, "lib.jar@samples/Calculator.class"));

    assertEquals("Trap " + VERSION + " cannot weave lib.jar@samples/Calculator.class: it is not"
        + " a class file (it starts with 0x504B0304, not 0xCAFEBABE). Only class files can be"
        + " woven: remove it from the classes directory or exclude it.", thrown.getMessage());
  }

  @Test
  void weave_should_reject_an_empty_file() {
    WeaveException thrown = assertThrows(WeaveException.class,
        () -> weaver.weave(new byte[0], "Empty.class"));

    assertEquals("Trap " + VERSION + " cannot weave Empty.class: it is not a class file (it is 0"
        + " bytes long). Only class files can be woven: remove it from the classes directory or"
        + " exclude it.", thrown.getMessage());
  }

  @Test
  void weave_should_reject_a_class_file_cut_after_its_magic() {
    WeaveException thrown = assertThrows(WeaveException.class,
        () -> weaver.weave(Arrays.copyOf(calculator, 6), "Cut.class"));

    assertEquals("Trap " + VERSION + " cannot weave Cut.class: the class file is corrupt or"
        + " truncated (ArrayIndexOutOfBoundsException: only 6 bytes). Recompile it (mvn clean"
        + " compile), or exclude it from weaving.", thrown.getMessage());
  }

  @Test
  void weave_should_reject_a_truncated_class_file_naming_it() {
    byte[] truncated = Arrays.copyOf(calculator, calculator.length / 2);

    WeaveException thrown = assertThrows(WeaveException.class,
        () -> weaver.weave(truncated, "Calculator.class"));

    assertTrue(thrown.getMessage().startsWith("Trap " + VERSION + " cannot weave"
        + " Calculator.class: the class file is corrupt or truncated (ArrayIndexOutOfBounds"),
        thrown.getMessage());
    assertTrue(thrown.getMessage().endsWith("). Recompile it (mvn clean compile), or exclude it"
        + " from weaving."), thrown.getMessage());
    assertTrue(thrown.getCause() instanceof ArrayIndexOutOfBoundsException);
  }

  @Test
  void weave_should_reject_a_class_file_newer_than_asm_can_read() {
    byte[] future = calculator.clone();
    future[6] = 0;
    future[7] = 99;

    WeaveException thrown = assertThrows(WeaveException.class,
        () -> weaver.weave(future, "Future.class"));

    assertTrue(thrown.getMessage().startsWith("Trap " + VERSION + " cannot weave Future.class:"
        + " it is compiled for Java 55 (class file version 99), and this Trap reads class files"
        + " up to Java "), thrown.getMessage());
    assertTrue(thrown.getMessage().endsWith("Compile for an older release (--release), or use"
        + " a newer Trap."), thrown.getMessage());
  }

  @Test
  void weave_should_leave_alone_class_files_older_than_java_7() throws Exception {
    byte[] java6 = generate(Opcodes.V1_6, 10);

    WeaveResult result = weaver.weave(java6, "Old.class");

    assertEquals(WeaveResult.Status.LEFT_ALONE, result.status());
    assertEquals("class file version 50 (Java 6) predates invokedynamic, which traps are made"
        + " of; compile it for Java 7 or later to weave it", result.reason());
    assertSame(java6, result.bytes());
  }

  @Test
  void weave_should_leave_alone_interface_without_code() throws Exception {
    ClassWriter writer = new ClassWriter(0);
    writer.visit(Opcodes.V11, Opcodes.ACC_PUBLIC | Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT,
        "samples/Abstract", null, "java/lang/Object", null);
    writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_ABSTRACT, "run", "()V", null, null)
        .visitEnd();
    writer.visitEnd();

    WeaveResult result = weaver.weave(writer.toByteArray(), "Abstract.class");

    assertEquals(WeaveResult.Status.LEFT_ALONE, result.status());
    assertEquals("no method with code to weave", result.reason());
  }

  @Test
  void weave_should_leave_a_method_near_the_size_limit_unwoven_with_a_warning()
      throws Exception {
    byte[] huge = generate(Opcodes.V11, 65_530);

    WeaveResult result = weaver.weave(huge, "Huge.class");

    assertEquals(WeaveResult.Status.WOVEN, result.status());
    assertEquals(1, result.wovenMethods());
    assertEquals(1, result.warnings().size());
    assertTrue(result.warnings().get(0).startsWith("Left samples.Generated.huge() unwoven: with a"
        + " trap its code would take 655"), result.warnings().get(0));
    assertTrue(result.warnings().get(0).endsWith(" bytes, past the JVM's limit of 65535. Split"
        + " the method to weave it"), result.warnings().get(0));
    Class<?> loaded = new ClassLoader(getClass().getClassLoader()) {
      Class<?> define() {
        return defineClass("samples.Generated", result.bytes(), 0, result.bytes().length);
      }
    }.define();
    assertEquals(3, loaded.getMethod("small").invoke(null));
  }

  /** A class with a method {@code huge()} of {@code nops} NOPs and a method {@code small()}. */
  private static byte[] generate(int version, int nops) {
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    writer.visit(version, Opcodes.ACC_PUBLIC, "samples/Generated", null, "java/lang/Object", null);
    MethodVisitor huge = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "huge", "()V",
        null, null);
    huge.visitCode();
    for (int i = 0; i < nops; i++) {
      huge.visitInsn(Opcodes.NOP);
    }
    huge.visitInsn(Opcodes.RETURN);
    huge.visitMaxs(0, 0);
    huge.visitEnd();
    MethodVisitor small = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "small",
        "()I", null, null);
    small.visitCode();
    small.visitInsn(Opcodes.ICONST_3);
    small.visitInsn(Opcodes.IRETURN);
    small.visitMaxs(0, 0);
    small.visitEnd();
    writer.visitEnd();
    return writer.toByteArray();
  }

  @Test
  void weave_should_leave_methods_of_255_argument_slots_unwoven_with_a_warning()
      throws Exception {
    byte[] wide = generateWide();

    WeaveResult result = weaver.weave(wide, "Wide.class");

    assertEquals(List.of("Left samples.Wide.staticOf255(int, ..., int) unwoven: its 255 parameter"
        + " slots leave no room for the trap, which takes the arguments and one slot more (the"
        + " JVM's limit is 255). Pass fewer or narrower arguments to weave it",
        "Left samples.Wide.instanceOf255(int, ..., int) unwoven: its 255 parameter slots leave no"
        + " room for the trap, which takes the arguments and one slot more (the JVM's limit is"
        + " 255). Pass fewer or narrower arguments to weave it"), result.warnings());
    assertEquals(3, result.wovenMethods(), "the two of 254 slots and the constructor");
    Class<?> loaded = new ClassLoader(getClass().getClassLoader()) {
      Class<?> define() {
        return defineClass("samples.Wide", result.bytes(), 0, result.bytes().length);
      }
    }.define();
    Object instance = loaded.getConstructor().newInstance();
    List<String> seen = new ArrayList<>();
    try (Registration registration = Trap.addThreadInterceptor(new Interceptor() {
      @Override
      public Target target() {
        return Target.type(loaded);
      }

      @Override
      public Object pre(Call call) {
        seen.add(call.method().name() + " " + call.argumentCount());
        return null;
      }
    })) {
      for (String name : List.of("staticOf254", "staticOf255", "instanceOf254",
          "instanceOf255")) {
        Method method = Arrays.stream(loaded.getMethods())
            .filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
        Object[] arguments = new Object[method.getParameterCount()];
        Arrays.fill(arguments, 1);
        arguments[arguments.length - 1] = 2;
        assertEquals(3, method.invoke(instance, arguments), name);
      }
    }
    assertEquals(List.of("staticOf254 254", "instanceOf254 253"), seen);
  }

  /**
   * A class with static and instance methods of 254 and 255 parameter slots, the receiver
   * included, each returning the sum of its first and last arguments.
   */
  private static byte[] generateWide() {
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    writer.visit(Opcodes.V11, Opcodes.ACC_PUBLIC, "samples/Wide", null, "java/lang/Object", null);
    MethodVisitor constructor = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null,
        null);
    constructor.visitCode();
    constructor.visitVarInsn(Opcodes.ALOAD, 0);
    constructor.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V",
        false);
    constructor.visitInsn(Opcodes.RETURN);
    constructor.visitMaxs(0, 0);
    constructor.visitEnd();
    for (int slots : new int[] {254, 255}) {
      for (boolean isStatic : new boolean[] {true, false}) {
        int parameters = isStatic ? slots : slots - 1;
        String name = (isStatic ? "staticOf" : "instanceOf") + slots;
        MethodVisitor method = writer.visitMethod(
            Opcodes.ACC_PUBLIC | (isStatic ? Opcodes.ACC_STATIC : 0), name,
            "(" + "I".repeat(parameters) + ")I", null, null);
        method.visitCode();
        int first = isStatic ? 0 : 1;
        method.visitVarInsn(Opcodes.ILOAD, first);
        method.visitVarInsn(Opcodes.ILOAD, first + parameters - 1);
        method.visitInsn(Opcodes.IADD);
        method.visitInsn(Opcodes.IRETURN);
        method.visitMaxs(0, 0);
        method.visitEnd();
      }
    }
    writer.visitEnd();
    return writer.toByteArray();
  }

  @Test
  void marker_should_name_the_methods_with_code_that_have_no_trap() throws Exception {
    byte[] nest = WovenClasses.original("samples.Nest");

    byte[] woven = weaver.weave(nest, "Nest.class").bytes();

    String[] lines = markerOf(woven).split("\n");
    assertEquals(Weaver.version(), lines[0]);
    assertEquals(List.of("lambda$viaLambda$0(II)I"), List.of(lines).subList(1, lines.length),
        "the lambda body, left unwoven without weaveLambdas");
    assertEquals(Weaver.version(), markerOf(Weaver.builder().include("samples.**")
        .weaveLambdas(true).build().weave(nest, "Nest.class").bytes()));
  }

  private static String markerOf(byte[] classFile) {
    String[] content = new String[1];
    Attribute prototype = new Attribute("dev.trap.Woven") {
      @Override
      protected Attribute read(ClassReader reader, int offset, int length, char[] buffer,
          int codeOffset, Label[] labels) {
        content[0] = new String(Arrays.copyOfRange(reader.b, offset, offset + length),
            java.nio.charset.StandardCharsets.UTF_8);
        return super.read(reader, offset, length, buffer, codeOffset, labels);
      }
    };
    new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) { },
        new Attribute[] {prototype}, ClassReader.SKIP_CODE);
    return content[0];
  }

  @Test
  void weaveModuleDescriptor_should_make_the_module_require_the_runtime_once() throws Exception {
    byte[] descriptor = moduleDescriptor("com.acme.billing");

    WeaveResult result = weaver.weaveModuleDescriptor(descriptor, "module-info.class");

    assertEquals(WeaveResult.Status.WOVEN, result.status());
    assertTrue(Weaver.isWoven(result.bytes()));
    assertEquals(List.of("java.base", "dev.trap"), requires(result.bytes()));
    AlreadyWovenException again = assertThrows(AlreadyWovenException.class,
        () -> weaver.weaveModuleDescriptor(result.bytes(), "module-info.class"));
    assertTrue(again.getMessage().endsWith("made it require dev.trap already. Rebuild it from"
        + " source (mvn clean)."), again.getMessage());
    assertEquals(WeaveResult.Status.NOT_SELECTED,
        weaver.weave(descriptor, "module-info.class").status(), "weave leaves it alone");
  }

  @Test
  void weaveModuleDescriptor_should_leave_a_module_that_reads_the_runtime_alone()
      throws Exception {
    byte[] descriptor = moduleDescriptor("com.acme.billing", "dev.trap");

    WeaveResult result = weaver.weaveModuleDescriptor(descriptor, "module-info.class");

    assertEquals(WeaveResult.Status.LEFT_ALONE, result.status());
    assertEquals("the module requires dev.trap already", result.reason());
    assertSame(descriptor, result.bytes());
  }

  @Test
  void weaveModuleDescriptor_should_refuse_a_class() {
    WeaveException thrown = assertThrows(WeaveException.class,
        () -> weaver.weaveModuleDescriptor(calculator, "module-info.class"));

    assertTrue(thrown.getMessage().endsWith("cannot open the module of module-info.class to its"
        + " runtime: it is no module descriptor, but class samples.Calculator."),
        thrown.getMessage());
  }

  private static byte[] moduleDescriptor(String name, String... requires) {
    ClassWriter writer = new ClassWriter(0);
    writer.visit(Opcodes.V11, Opcodes.ACC_MODULE, "module-info", null, null, null);
    ModuleVisitor module = writer.visitModule(name, 0, null);
    module.visitRequire("java.base", Opcodes.ACC_MANDATED, null);
    for (String required : requires) {
      module.visitRequire(required, 0, null);
    }
    module.visitExport(name.replace('.', '/'), 0);
    module.visitEnd();
    writer.visitEnd();
    return writer.toByteArray();
  }

  private static List<String> requires(byte[] descriptor) {
    List<String> requires = new ArrayList<>();
    new ClassReader(descriptor).accept(new ClassVisitor(Opcodes.ASM9) {
      @Override
      public ModuleVisitor visitModule(String name, int access, String version) {
        return new ModuleVisitor(Opcodes.ASM9) {
          @Override
          public void visitRequire(String module, int moduleAccess, String moduleVersion) {
            requires.add(module);
          }
        };
      }
    }, 0);
    return requires;
  }

  @Test
  void builder_should_reject_a_malformed_pattern_quoting_it() {
    IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
        () -> Weaver.builder().include("com/acme/**").build());

    assertEquals("Malformed include pattern 'com/acme/**': use dots between package names, not"
        + " slashes. Write a class or package name with wildcards, such as com.acme.billing.**"
        + " or com.acme.*Service", thrown.getMessage());
  }
}
