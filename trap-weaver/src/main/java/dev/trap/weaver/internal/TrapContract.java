package dev.trap.weaver.internal;

import java.lang.reflect.Field;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Everything woven code refers to, in one place: the runtime class and its descriptors (a contract
 * with {@code dev.trap.internal.Trampoline}), the marker attribute, the ASM API level and the class
 * file versions Trap handles.
 */
public final class TrapContract {

  /** The ASM API level of every visitor. */
  public static final int ASM_API = Opcodes.ASM9;

  /** The one runtime class woven code calls. */
  public static final String TRAMPOLINE = "dev/trap/internal/Trampoline";

  /**
   * The name of the runtime's module: its jar's {@code Automatic-Module-Name}, which a module
   * with woven classes must read.
   */
  public static final String RUNTIME_MODULE = "dev.trap";

  /**
   * The runtime class whose static methods woven code calls instead of the JDK's methods that
   * hand tasks to other threads ({@link HandoffAdapter}).
   */
  public static final String HANDOFF = "dev/trap/internal/Handoff";

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
   * it ({@code dev.trap.internal.WovenMarker}) to tell a patch that cannot take effect.
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
