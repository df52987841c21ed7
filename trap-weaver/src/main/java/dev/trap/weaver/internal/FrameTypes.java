package dev.trap.weaver.internal;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/** The frame entry of a value type, as ASM's visitFrame writes it. */
final class FrameTypes {

  private FrameTypes() {
  }

  static Object of(Type type) {
    switch (type.getSort()) {
      case Type.BOOLEAN:
      case Type.BYTE:
      case Type.CHAR:
      case Type.SHORT:
      case Type.INT:
        return Opcodes.INTEGER;
      case Type.LONG:
        return Opcodes.LONG;
      case Type.FLOAT:
        return Opcodes.FLOAT;
      case Type.DOUBLE:
        return Opcodes.DOUBLE;
      default:
        return type.getInternalName();
    }
  }

  /**
   * The locals of a method's implicit first frame (JVMS 4.10.1.6): the receiver, uninitialized in
   * a constructor, then the parameters.
   */
  static List<Object> initialLocals(String owner, int access, String name, String descriptor) {
    List<Object> locals = new ArrayList<>();
    if ((access & Opcodes.ACC_STATIC) == 0) {
      locals.add("<init>".equals(name) ? Opcodes.UNINITIALIZED_THIS : owner);
    }
    for (Type argument : Type.getArgumentTypes(descriptor)) {
      locals.add(of(argument));
    }
    return locals;
  }

  /** @return the first {@code count} entries of a frame's array, copied */
  static Object[] copy(Object[] entries, int count) {
    Object[] copy = new Object[count];
    if (count > 0) {
      System.arraycopy(entries, 0, copy, 0, count);
    }
    return copy;
  }

  /** @return how many slots the entries take: longs and doubles two, others one */
  static int slots(Object[] entries, int count) {
    int slots = 0;
    for (int i = 0; i < count; i++) {
      slots += entries[i] == Opcodes.LONG || entries[i] == Opcodes.DOUBLE ? 2 : 1;
    }
    return slots;
  }
}
