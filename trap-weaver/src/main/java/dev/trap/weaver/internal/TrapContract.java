package dev.trap.weaver.internal;

import java.lang.reflect.Field;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Everything woven code refers to, in one place: the runtime class and its descriptors (a contract
 * with {@code dev.trap.internal.dispatch.Trampoline}), the marker attribute, the ASM API level and the class
 * file versions Trap handles.
 */
public final class TrapContract {

  /** The ASM API level of every visitor. */
  public static final int ASM_API = Opcodes.ASM9;

  /** The one runtime class woven code calls. */
  public static final String TRAMPOLINE = "dev/trap/internal/dispatch/Trampoline";

  /**
   * The name of the runtime's module: its jar's {@code Automatic-Module-Name}, which a module
   * with woven classes must read.
   */
  public static final String RUNTIME_MODULE = "dev.trap";

  /**
   * The runtime class whose static methods woven code calls instead of the JDK's methods that
   * hand tasks to other threads ({@link HandoffAdapter}).
   */
  public static final String HANDOFF = "dev/trap/internal/scope/Handoff";

  /**
   * Links a call that hands work over ({@link HandoffAdapter}):
   * {@code (Lookup, String, MethodType, MethodHandle called, int policy)}.
   */
  public static final Handle HANDOFF_BOOTSTRAP = new Handle(Opcodes.H_INVOKESTATIC, HANDOFF,
      "bootstrap", "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;"
          + "Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodHandle;I)"
          + "Ljava/lang/invoke/CallSite;", false);

  /** The runtime's {@code Handoff.WRAP}: wraps every functional parameter. */
  static final int HANDOFF_WRAP = 0;
  /** {@code Handoff.IN_PLACE}: the task carries its scope itself. */
  static final int HANDOFF_IN_PLACE = 1;
  /** {@code Handoff.BY_RECEIVER}: wraps for a JDK executor, which wraps its tasks itself. */
  static final int HANDOFF_BY_RECEIVER = 2;
  /** {@code Handoff.WHEN_PARALLEL}: wraps while the receiving stream is parallel. */
  static final int HANDOFF_WHEN_PARALLEL = 3;

  /**
   * The functional types whose objects work is handed over in, and which the runtime carries
   * ({@code dev.trap.internal.scope.Carriers}): woven code's lambdas of these types carry the scope
   * they are made in ({@link LambdaCarrier}), and calls that hand such objects over carry the
   * caller's ({@link HandoffAdapter}).
   */
  public static final Set<String> CARRIED_TYPES = carriedTypes();

  /**
   * The functional types whose lambdas carry the scope they are made in: the carried types but
   * {@code Comparator}, which reaches other threads only through the hand-overs that carry it
   * (a parallel stream's {@code sorted}, {@code Arrays.parallelSort}), and would otherwise cost
   * every comparison of every sort.
   */
  static final Set<String> LAMBDA_CARRIED_TYPES = lambdaCarriedTypes();

  /**
   * The runtime class whose {@code made} methods make woven code's lambdas carry the scope they
   * are made in, one per carried type ({@link LambdaCarrier}).
   */
  public static final String CARRIERS = "dev/trap/internal/scope/Carriers";

  static final String MADE = "made";

  /** The name of the trap's {@code invokedynamic}; the bootstrap ignores it. */
  public static final String TRAP_NAME = "trap";

  /**
   * Links the trap: {@code (Lookup, String, MethodType, String metadata)}. Everything the runtime
   * knows of a method comes from that one constant ({@link #metadata}), so a woven class needs no
   * new member and no class initializer. One constant rather than several: the JVM hands a single
   * static argument to the bootstrap as it is, and boxes and adapts several in an array, which
   * made linking a trap cost twice as much.
   */
  public static final Handle BOOTSTRAP = new Handle(Opcodes.H_INVOKESTATIC, TRAMPOLINE,
      "bootstrap",
      "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
          + "Ljava/lang/String;)Ljava/lang/invoke/CallSite;",
      false);

  static final String IS_DONE = "isDone";
  static final String IS_DONE_DESCRIPTOR = "(Ljava/lang/Object;)Z";
  static final String OUTCOME = "outcome";
  static final String OUTCOME_DESCRIPTOR = "(Ljava/lang/Object;)Ljava/lang/Object;";
  static final String ARGUMENT = "argument";
  static final String ARGUMENT_DESCRIPTOR = "(Ljava/lang/Object;I)Ljava/lang/Object;";
  static final String EXIT = "exit";
  static final String ON_THROW = "onThrow";
  static final String REQUIRE_RECEIVER = "requireReceiver";
  static final String REQUIRE_RECEIVER_DESCRIPTOR = "(Ljava/lang/Object;Ljava/lang/String;)V";
  static final String ON_THROW_DESCRIPTOR =
      "(Ljava/lang/Throwable;Ljava/lang/Object;)Ljava/lang/Object;";

  /**
   * The type of the invocation slot in frames. {@code Object} rather than the runtime's own class,
   * so that frames never name a class the verifier would have to load.
   */
  static final String SLOT_TYPE = "java/lang/Object";

  /**
   * The marker: a class attribute, not a member, so reflection and {@code serialVersionUID} do not
   * see it. JVMs ignore attributes they do not know (JVMS 4.7.1). Its content is UTF-8: the Trap
   * version, then a line per method with code that got no trap ({@code name + descriptor}),
   * self-contained so that tools which rewrite the constant pool keep it intact. The runtime reads
   * it ({@code dev.trap.internal.dispatch.WovenMarker}) to tell a patch that cannot take effect.
   */
  public static final String MARKER_ATTRIBUTE = "dev.trap.Woven";

  /**
   * The most parameter slots, the receiver included, of a method that can take a trap. The trap's
   * {@code invokedynamic} takes the receiver and every argument, and a method handle of that type
   * needs one slot more for itself, within the JVM's limit of 255 (JVMS 4.3.3; {@code
   * MethodHandle.invokeExact} fails with "bad parameter count 256" past it).
   */
  static final int MAX_TRAPPED_SLOTS = 254;

  /** Traps are {@code invokedynamic} instructions, which need class file version 51 (Java 7). */
  public static final int MIN_CLASS_VERSION = Opcodes.V1_7;

  /** The newest class file version the ASM in use can read. */
  public static final int MAX_CLASS_VERSION = newestAsmVersion();

  private TrapContract() {
  }

  /**
   * The trap's constant, as the runtime's {@code MethodMetadata} reads it:
   * {@code access ' ' line ' ' name '/' descriptor names sourceFile}, where {@code names} is
   * {@code '-'} or {@code '+'} and one {@code name '/'} per parameter. No escapes are needed: JVM
   * names hold no {@code '/'}, a descriptor ends where its structure does, and the source file
   * comes last.
   *
   * @param parameterNames the names, or null if the class file has none
   * @param sourceFile the source file, or null
   */
  static String metadata(int access, int line, String name, String descriptor,
      String[] parameterNames, String sourceFile) {
    StringBuilder text = new StringBuilder(name.length() + descriptor.length() + 32)
        .append(access & 0xFFFF).append(' ').append(line).append(' ')
        .append(name).append('/').append(descriptor);
    if (parameterNames == null) {
      text.append('-');
    } else {
      text.append('+');
      for (String parameter : parameterNames) {
        text.append(parameter).append('/');
      }
    }
    return sourceFile == null ? text.toString() : text.append(sourceFile).toString();
  }

  /** @return the parameter slots of a method, its receiver included */
  static int parameterSlots(int access, String descriptor) {
    return (Type.getArgumentsAndReturnSizes(descriptor) >> 2)
        - ((access & Opcodes.ACC_STATIC) != 0 ? 1 : 0);
  }

  /** @return {@code exit}'s descriptor for a method returning {@code type} */
  static String exitDescriptor(Type type) {
    switch (type.getSort()) {
      case Type.VOID:
        return "(Ljava/lang/Object;)V";
      case Type.ARRAY:
      case Type.OBJECT:
        return "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;";
      default:
        return "(" + type.getDescriptor() + "Ljava/lang/Object;)" + type.getDescriptor();
    }
  }

  private static Set<String> carriedTypes() {
    Set<String> types = new HashSet<>();
    for (String function : List.of("BiConsumer", "BiFunction", "BinaryOperator", "BiPredicate",
        "BooleanSupplier", "Consumer", "DoubleBinaryOperator", "DoubleConsumer",
        "DoubleFunction", "DoublePredicate", "DoubleSupplier", "DoubleToIntFunction",
        "DoubleToLongFunction", "DoubleUnaryOperator", "Function", "IntBinaryOperator",
        "IntConsumer", "IntFunction", "IntPredicate", "IntSupplier", "IntToDoubleFunction",
        "IntToLongFunction", "IntUnaryOperator", "LongBinaryOperator", "LongConsumer",
        "LongFunction", "LongPredicate", "LongSupplier", "LongToDoubleFunction",
        "LongToIntFunction", "LongUnaryOperator", "ObjDoubleConsumer", "ObjIntConsumer",
        "ObjLongConsumer", "Predicate", "Supplier", "ToDoubleBiFunction", "ToDoubleFunction",
        "ToIntBiFunction", "ToIntFunction", "ToLongBiFunction", "ToLongFunction",
        "UnaryOperator")) {
      types.add("java/util/function/" + function);
    }
    types.addAll(List.of("java/lang/Runnable", "java/util/concurrent/Callable",
        "java/util/Comparator", "java/util/stream/Collector"));
    return Collections.unmodifiableSet(types);
  }

  private static Set<String> lambdaCarriedTypes() {
    Set<String> types = new HashSet<>(CARRIED_TYPES);
    types.remove("java/util/Comparator");
    types.remove("java/util/stream/Collector");
    return Collections.unmodifiableSet(types);
  }

  /** @return the Java release that compiles to this class file major version */
  public static int javaRelease(int majorVersion) {
    return majorVersion - 44;
  }

  private static int newestAsmVersion() {
    int newest = Opcodes.V1_8;
    for (Field field : Opcodes.class.getFields()) {
      if (field.getName().matches("V\\d+") && field.getType() == int.class) {
        try {
          newest = Math.max(newest, field.getInt(null) & 0xFFFF);
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return newest;
  }
}
