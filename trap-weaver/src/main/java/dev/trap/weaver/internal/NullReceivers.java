package dev.trap.weaver.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * What the JVM would say if the receiver of a trapped call were null: a call through a call
 * site's bridge ({@link CallSiteBridges}) must fail exactly as the direct call would, and the
 * JVM words a {@code NullPointerException} after the instruction that made the null (JEP 358),
 * which, in the bridge, would be the bridge's own parameter. So the message is worked out here,
 * per call, from the calling method's code as the JVM works it out, and the bridge throws it.
 *
 * <pre>
 * Cannot invoke "java.util.List.size()" because "names" is null
 * Cannot invoke "String.length()" because the return value of "com.acme.Shop.name()" is null
 * </pre>
 */
final class NullReceivers {

  private NullReceivers() {
  }

  /** Selects the calls whose receivers are named: those the call site adapter bridges. */
  interface Calls {
    boolean selects(int opcode, String owner, String name, String descriptor);
  }

  /**
   * @return per method ({@code name + descriptor}), the message for each call with a receiver
   *     that the calls select, in the order of the code; null where it cannot be worded, and
   *     the bridge checks nothing
   */
  static Map<String, List<String>> of(ClassReader reader, Calls calls) {
    ClassNode type = new ClassNode();
    reader.accept(type, ClassReader.SKIP_FRAMES);
    Map<String, List<String>> messages = new HashMap<>();
    for (MethodNode method : type.methods) {
      List<String> ofMethod = null;
      Frame<SourceValue>[] frames = null;
      for (int i = 0; i < method.instructions.size(); i++) {
        AbstractInsnNode instruction = method.instructions.get(i);
        if (!(instruction instanceof MethodInsnNode)) {
          continue;
        }
        MethodInsnNode call = (MethodInsnNode) instruction;
        if ((call.getOpcode() != Opcodes.INVOKEVIRTUAL
            && call.getOpcode() != Opcodes.INVOKEINTERFACE)
            || !calls.selects(call.getOpcode(), call.owner, call.name, call.desc)) {
          continue;
        }
        if (frames == null) {
          frames = analyze(type.name, method);
        }
        if (ofMethod == null) {
          ofMethod = new ArrayList<>();
          messages.put(method.name + method.desc, ofMethod);
        }
        ofMethod.add(message(call, frames, method, type.name));
      }
    }
    return messages;
  }

  @SuppressWarnings("unchecked")
  private static Frame<SourceValue>[] analyze(String owner, MethodNode method) {
    try {
      return new Analyzer<>(new SourceInterpreter()).analyze(owner, method);
    } catch (AnalyzerException | RuntimeException e) {
      return new Frame[method.instructions.size()];
    }
  }

  private static String message(MethodInsnNode call, Frame<SourceValue>[] frames,
      MethodNode method, String owner) {
    String invoked = "Cannot invoke \"" + methodName(call) + "\"";
    int index = method.instructions.indexOf(call);
    Frame<SourceValue> frame = frames[index];
    if (frame == null) {
      return invoked;
    }
    int receiver = frame.getStackSize() - 1 - Type.getArgumentTypes(call.desc).length;
    AbstractInsnNode source = transparent(single(frame.getStack(receiver)), frames, method);
    if (source instanceof MethodInsnNode) {
      return invoked + " because the return value of \"" + methodName((MethodInsnNode) source)
          + "\" is null";
    }
    String cause = cause(source, MAX_DETAIL, frames, method);
    return cause == null ? invoked : invoked + " because \"" + cause + "\" is null";
  }

  /** How many instructions deep the JVM words a null's cause, as HotSpot does. */
  private static final int MAX_DETAIL = 5;

  /**
   * @return how the JVM words the value an instruction made, within {@code detail} instructions
   *     (HotSpot's {@code ExceptionMessageBuilder::print_NPE_cause0}); or null
   */
  private static String cause(AbstractInsnNode made, int detail, Frame<SourceValue>[] frames,
      MethodNode method) {
    AbstractInsnNode source = transparent(made, frames, method);
    if (source == null || detail <= 0) {
      return null;
    }
    int opcode = source.getOpcode();
    switch (opcode) {
      case Opcodes.ALOAD:
      case Opcodes.ILOAD:
        return local(((VarInsnNode) source).var, source, method);
      case Opcodes.ACONST_NULL:
        return "null";
      case Opcodes.ICONST_M1:
      case Opcodes.ICONST_0:
      case Opcodes.ICONST_1:
      case Opcodes.ICONST_2:
      case Opcodes.ICONST_3:
      case Opcodes.ICONST_4:
      case Opcodes.ICONST_5:
        return String.valueOf(opcode - Opcodes.ICONST_0);
      case Opcodes.BIPUSH:
      case Opcodes.SIPUSH:
        return String.valueOf(((IntInsnNode) source).operand);
      case Opcodes.GETSTATIC:
        FieldInsnNode field = (FieldInsnNode) source;
        return className(field.owner) + "." + field.name;
      case Opcodes.GETFIELD:
        // Deeper than the JVM words, the object is left out: "b.c.d.e.f" of a.b.c.d.e.f.
        String object = cause(operand(source, 0, frames, method), detail - 1, frames, method);
        return (object == null ? "" : object + ".") + ((FieldInsnNode) source).name;
      case Opcodes.AALOAD:
      case Opcodes.IALOAD:
        String array = cause(operand(source, 1, frames, method), detail - 1, frames, method);
        String element = cause(operand(source, 0, frames, method), detail - 1, frames, method);
        return (array == null ? "<array>" : array) + "["
            + (element == null ? "..." : element) + "]";
      case Opcodes.INVOKEVIRTUAL:
      case Opcodes.INVOKESPECIAL:
      case Opcodes.INVOKESTATIC:
      case Opcodes.INVOKEINTERFACE:
        return methodName((MethodInsnNode) source);
      default:
        return null;
    }
  }

  /**
   * @return the instruction that made a value, through those that only pass it on as the JVM
   *     follows them: a {@code checkcast}, a {@code dup}
   */
  private static AbstractInsnNode transparent(AbstractInsnNode source,
      Frame<SourceValue>[] frames, MethodNode method) {
    AbstractInsnNode made = source;
    while (made != null
        && (made.getOpcode() == Opcodes.CHECKCAST || made.getOpcode() == Opcodes.DUP)) {
      made = operand(made, 0, frames, method);
    }
    return made;
  }

  /** @return the instruction that made an operand of {@code instruction}, from the top */
  private static AbstractInsnNode operand(AbstractInsnNode instruction, int fromTop,
      Frame<SourceValue>[] frames, MethodNode method) {
    Frame<SourceValue> frame = frames[method.instructions.indexOf(instruction)];
    return frame == null ? null : single(frame.getStack(frame.getStackSize() - 1 - fromTop));
  }

  private static AbstractInsnNode single(SourceValue value) {
    return value.insns.size() == 1 ? value.insns.iterator().next() : null;
  }

  /** @return a local variable's name as the JVM gives it: its own, or its slot's */
  private static String local(int slot, AbstractInsnNode at, MethodNode method) {
    boolean isStatic = (method.access & Opcodes.ACC_STATIC) != 0;
    int position = method.instructions.indexOf(at);
    if (method.localVariables != null) {
      for (LocalVariableNode variable : method.localVariables) {
        if (variable.index == slot && method.instructions.indexOf(variable.start) <= position
            && position < method.instructions.indexOf(variable.end)) {
          return variable.name;
        }
      }
    }
    // A parameter the method has not written over before.
    boolean isParameter = !isWrittenBefore(slot, position, method);
    if (slot == 0 && !isStatic && isParameter) {
      return "this";
    }
    int parameterSlot = isStatic ? 0 : 1;
    Type[] parameters = Type.getArgumentTypes(method.desc);
    for (int i = 0; i < parameters.length && isParameter; i++) {
      if (parameterSlot == slot) {
        return "<parameter" + (i + 1) + ">";
      }
      parameterSlot += parameters[i].getSize();
    }
    return "<local" + slot + ">";
  }

  private static boolean isWrittenBefore(int slot, int position, MethodNode method) {
    for (int i = 0; i < position; i++) {
      AbstractInsnNode instruction = method.instructions.get(i);
      if (instruction instanceof VarInsnNode && ((VarInsnNode) instruction).var == slot
          && instruction.getOpcode() >= Opcodes.ISTORE
          && instruction.getOpcode() <= Opcodes.ASTORE
          || instruction instanceof IincInsnNode && ((IincInsnNode) instruction).var == slot) {
        return true;
      }
    }
    return false;
  }

  /** @return a method as the JVM words it: {@code Class.name(Type, Type)} */
  private static String methodName(MethodInsnNode call) {
    return className(call.owner) + "." + call.name + parameters(call.desc);
  }

  /** @return a class's name as the JVM words it: binary; Object and String without package */
  static String className(String internalName) {
    return internalName.equals("java/lang/Object") ? "Object"
        : internalName.equals("java/lang/String") ? "String" : internalName.replace('/', '.');
  }

  private static String parameters(String descriptor) {
    StringBuilder text = new StringBuilder("(");
    Type[] types = Type.getArgumentTypes(descriptor);
    for (int i = 0; i < types.length; i++) {
      text.append(i == 0 ? "" : ", ").append(typeName(types[i]));
    }
    return text.append(')').toString();
  }

  private static String typeName(Type type) {
    switch (type.getSort()) {
      case Type.ARRAY:
        StringBuilder name = new StringBuilder(typeName(type.getElementType()));
        for (int i = 0; i < type.getDimensions(); i++) {
          name.append("[]");
        }
        return name.toString();
      case Type.OBJECT:
        return className(type.getInternalName());
      default:
        return type.getClassName();
    }
  }
}
