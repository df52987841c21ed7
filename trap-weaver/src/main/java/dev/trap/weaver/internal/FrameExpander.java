package dev.trap.weaver.internal;

import java.util.List;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Turns a method's compressed frames into expanded ones ({@code F_NEW}), as
 * {@code ClassReader.EXPAND_FRAMES} would, for one method only: constructors, whose
 * {@code AnalyzerAdapter} needs them. Other methods keep their frames compressed, which is
 * cheaper to read and to write.
 */
final class FrameExpander extends MethodVisitor {

  private final List<Object> locals;

  FrameExpander(String owner, int access, String name, String descriptor, MethodVisitor next) {
    super(TrapContract.ASM_API, next);
    this.locals = FrameTypes.initialLocals(owner, access, name, descriptor);
  }

  @Override
  public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
    Object[] expandedStack = new Object[0];
    switch (type) {
      case Opcodes.F_NEW:
      case Opcodes.F_FULL:
        locals.clear();
        for (int i = 0; i < numLocal; i++) {
          locals.add(local[i]);
        }
        expandedStack = FrameTypes.copy(stack, numStack);
        break;
      case Opcodes.F_APPEND:
        for (int i = 0; i < numLocal; i++) {
          locals.add(local[i]);
        }
        break;
      case Opcodes.F_CHOP:
        for (int i = 0; i < numLocal; i++) {
          locals.remove(locals.size() - 1);
        }
        break;
      case Opcodes.F_SAME1:
        expandedStack = FrameTypes.copy(stack, 1);
        break;
      default:
        break;
    }
    super.visitFrame(Opcodes.F_NEW, locals.size(), locals.toArray(), expandedStack.length,
        expandedStack);
  }
}
