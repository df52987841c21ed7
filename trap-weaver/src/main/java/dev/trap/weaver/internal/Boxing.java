package dev.trap.weaver.internal;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/** Emits the conversion of a boxed Object on the stack to a given type. */
final class Boxing {

  private Boxing() {
  }

  static void unbox(MethodVisitor mv, Type type) {
    String box;
    switch (type.getSort()) {
      case Type.VOID:
        return;
      case Type.BOOLEAN:
        box = "java/lang/Boolean";
        break;
      case Type.BYTE:
        box = "java/lang/Byte";
        break;
      case Type.CHAR:
        box = "java/lang/Character";
        break;
      case Type.SHORT:
        box = "java/lang/Short";
        break;
      case Type.INT:
        box = "java/lang/Integer";
        break;
      case Type.LONG:
        box = "java/lang/Long";
        break;
      case Type.FLOAT:
        box = "java/lang/Float";
        break;
      case Type.DOUBLE:
        box = "java/lang/Double";
        break;
      default:
        if (!"java/lang/Object".equals(type.getInternalName())) {
          mv.visitTypeInsn(Opcodes.CHECKCAST, type.getInternalName());
        }
        return;
    }
    mv.visitTypeInsn(Opcodes.CHECKCAST, box);
    mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, box, type.getClassName() + "Value",
        "()" + type.getDescriptor(), false);
  }
}
