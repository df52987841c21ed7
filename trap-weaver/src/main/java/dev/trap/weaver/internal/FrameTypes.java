package dev.trap.weaver.internal;

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

  /** @return how many slots the entries take: longs and doubles two, others one */
  static int slots(Object[] entries, int count) {
    int slots = 0;
    for (int i = 0; i < count; i++) {
      slots += entries[i] == Opcodes.LONG || entries[i] == Opcodes.DOUBLE ? 2 : 1;
    }
    return slots;
  }
}
