package dev.trap.bench;

import dev.trap.weaver.WeaveResult;
import dev.trap.weaver.Weaver;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * What the first call of a woven method costs: the linking of its trap. A
 * {@linkplain GeneratedProject generated project} of 200 classes of 100 small methods each is
 * called once, every method, in a fresh JVM, in three variants:
 *
 * <ul>
 *   <li>{@code plain}: the methods as generated;
 *   <li>{@code floor}: each method starts with a trivial {@code invokedynamic} of the trap's type
 *       whose bootstrap takes no constant and returns a {@code ConstantCallSite} of a handle it
 *       made once per type: the least an {@code invokedynamic} per method can cost;
 *   <li>{@code trap}: the methods woven by Trap;
 *   <li>{@code floor6}, with {@code --diagnose}: the floor with six constants of the kinds Trap
 *       0.1 passed to its bootstrap, which the JVM hands over boxed in an array; Trap now passes
 *       one.
 * </ul>
 *
 * <p>Classes are defined and initialized before the clock starts, so what is timed is the first
 * call of each method: the interpreter, the resolution of the calls, and the linking of the
 * {@code invokedynamic}. With {@code --loading}, the clock starts before the classes are defined:
 * what a test JVM pays for its first pass over the project, class loading and verification (of
 * bigger classes, when woven) and the runtime's start-up included. Each variant runs in a JVM of
 * its own, in rounds whose order rotates, and the report gives the median per method and the
 * ratios to the floor.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.trap.bench.LinkCost [rounds] [--diagnose] [--loading]
 * }</pre>
 */
public final class LinkCost {

  /** How many classes; {@code -Dtrap.bench.classes=1000} makes a child run long enough to profile. */
  static final int CLASSES = Integer.getInteger("trap.bench.classes", 200);
  private static final int METHODS = GeneratedProject.METHODS;
  private static final String SUBJECT = GeneratedProject.SUBJECT;
  private static final String[] VARIANTS = {"plain", "floor", "trap"};

  private LinkCost() {
  }

  /**
   * @param args {@code [rounds]} to compare the variants, or {@code --child VARIANT} for one run
   * @throws Exception if a JVM cannot be started or the project generated
   */
  public static void main(String[] args) throws Exception {
    if (args.length >= 2 && args[0].equals("--child")) {
      System.out.println(runOnce(args[1], args.length > 2));
      return;
    }
    List<String> arguments = new ArrayList<>(Arrays.asList(args));
    loading = arguments.remove("--loading");
    String[] variants = arguments.remove("--diagnose")
        ? new String[] {"plain", "floor", "trap", "floor6"} : VARIANTS;
    int rounds = arguments.size() > 0 ? Integer.parseInt(arguments.get(0)) : 11;
    int methods = CLASSES * (METHODS + 1);
    System.out.printf("First calls of %,d methods (%d classes of %d methods and a constructor),"
        + " %s, each variant in a fresh JVM, %d rounds; %s %s%n", methods, CLASSES, METHODS,
        loading ? "class loading included" : "classes loaded before", rounds,
        System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"));
    Map<String, List<Double>> perMethod = new HashMap<>();
    List<Double> trapToFloor = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      Map<String, Double> thisRound = new HashMap<>();
      for (int turn = 0; turn < variants.length; turn++) {
        String variant = variants[(round + turn) % variants.length];
        double micros = child(variant) / 1000.0 / methods;
        thisRound.put(variant, micros);
        perMethod.computeIfAbsent(variant, v -> new ArrayList<>()).add(micros);
      }
      trapToFloor.add(thisRound.get("trap") / thisRound.get("floor"));
      System.out.printf("round %2d: %s us per method%n", round, thisRound);
    }
    for (String variant : variants) {
      System.out.printf("%-5s %s us per method%n", variant, summary(perMethod.get(variant)));
    }
    System.out.printf("trap / floor, per round: %s%n", summary(trapToFloor));
  }

  private static String summary(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return String.format("%.2f [%.2f, %.2f]", sorted[sorted.length / 2], sorted[0],
        sorted[sorted.length - 1]);
  }

  private static long child(String variant) throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator
        + "java";
    List<String> command = new ArrayList<>(Arrays.asList(java, "-cp",
        System.getProperty("java.class.path")));
    for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (argument.startsWith("-X") || argument.startsWith("-XX")) {
        command.add(argument);
      }
    }
    command.addAll(Arrays.asList(LinkCost.class.getName(), "--child", variant));
    if (loading) {
      command.add("--loading");
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String last = null;
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        last = line;
      }
    }
    if (process.waitFor() != 0 || last == null) {
      throw new IllegalStateException(variant + " failed: " + last);
    }
    return Long.parseLong(last.trim());
  }

  /** Whether the timed first pass includes defining the classes. */
  private static boolean loading;

  /** @return nanoseconds to call every method once, after or with loading the classes */
  private static long runOnce(String variant, boolean withLoading) throws Exception {
    Map<String, byte[]> classes = new HashMap<>();
    Weaver weaver = Weaver.builder().include(GeneratedProject.SUBJECTS).build();
    for (int c = 0; c < CLASSES; c++) {
      byte[] subject = GeneratedProject.subject(c);
      if (variant.startsWith("floor")) {
        subject = withFloorIndy(subject, variant.substring(5));
      } else if (variant.equals("trap")) {
        WeaveResult result = weaver.weave(subject, SUBJECT + c);
        if (!result.isWoven() || result.wovenMethods() != METHODS + 1) {
          throw new IllegalStateException("Not woven: " + result);
        }
        subject = result.bytes();
      }
      classes.put((SUBJECT + c).replace('/', '.'), subject);
      classes.put((GeneratedProject.CALLER + c).replace('/', '.'), GeneratedProject.caller(c));
    }
    long beforeLoading = System.nanoTime();
    List<Runnable> callers = GeneratedProject.load(classes, CLASSES);
    long start = withLoading ? beforeLoading : System.nanoTime();
    for (Runnable caller : callers) {
      caller.run();
    }
    return System.nanoTime() - start;
  }

  /** Puts the floor's trivial invokedynamic, of the trap's erased type, at every method's start. */
  private static byte[] withFloorIndy(byte[] subject, String arguments) {
    boolean trapArguments = arguments.equals("6");
    ClassReader reader = new ClassReader(subject);
    ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
    Handle bootstrap = trapArguments ? new Handle(Opcodes.H_INVOKESTATIC,
        Type.getInternalName(LinkCost.class), "floor6",
        MethodType.methodType(CallSite.class, MethodHandles.Lookup.class, String.class,
            MethodType.class, String.class, String.class, int.class, String.class, int.class,
            String.class).toMethodDescriptorString(), false)
        : new Handle(Opcodes.H_INVOKESTATIC,
        Type.getInternalName(LinkCost.class), "floor",
        MethodType.methodType(CallSite.class, MethodHandles.Lookup.class, String.class,
            MethodType.class).toMethodDescriptorString(), false);
    reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor,
          String signature, String[] exceptions) {
        MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
        boolean constructor = name.equals("<init>");
        boolean isStatic = (access & Opcodes.ACC_STATIC) != 0;
        return new MethodVisitor(Opcodes.ASM9, next) {
          @Override
          public void visitCode() {
            super.visitCode();
            StringBuilder type = new StringBuilder("(");
            int slot = isStatic ? 0 : 1;
            if (!isStatic && !constructor) {
              super.visitVarInsn(Opcodes.ALOAD, 0);
              type.append("Ljava/lang/Object;");
            }
            for (Type argument : Type.getArgumentTypes(descriptor)) {
              super.visitVarInsn(argument.getOpcode(Opcodes.ILOAD), slot);
              slot += argument.getSize();
              type.append(argument.getSort() >= Type.ARRAY ? "Ljava/lang/Object;"
                  : argument.getDescriptor());
            }
            if (trapArguments) {
              super.visitInvokeDynamicInsn("floor", type.append(")Ljava/lang/Object;").toString(),
                  bootstrap, name, descriptor, access, "Subject.java", 1, "");
            } else {
              super.visitInvokeDynamicInsn("floor", type.append(")Ljava/lang/Object;").toString(),
                  bootstrap);
            }
            super.visitInsn(Opcodes.POP);
          }
        };
      }
    }, 0);
    return writer.toByteArray();
  }

  private static final Map<MethodType, MethodHandle> FLOOR_TARGETS = new ConcurrentHashMap<>();

  /**
   * The floor's bootstrap: a constant call site of a handle made once per type.
   *
   * @param lookup unused
   * @param name unused
   * @param type the call site's type
   * @return the call site
   */
  public static CallSite floor(MethodHandles.Lookup lookup, String name, MethodType type) {
    return new ConstantCallSite(FLOOR_TARGETS.computeIfAbsent(type,
        t -> MethodHandles.dropArguments(MethodHandles.constant(Object.class, null), 0,
            t.parameterList())));
  }

  /**
   * The bootstrap of {@code floor6}: as {@link #floor}, with six constants of the kinds Trap 0.1
   * passed (name, descriptor, access, source file, line, parameter names).
   *
   * @param lookup unused
   * @param name unused
   * @param type the call site's type
   * @param method unused
   * @param descriptor unused
   * @param access unused
   * @param source unused
   * @param line unused
   * @param names unused
   * @return the call site
   */
  public static CallSite floor6(MethodHandles.Lookup lookup, String name, MethodType type,
      String method, String descriptor, int access, String source, int line, String names) {
    return floor(lookup, name, type);
  }

}
