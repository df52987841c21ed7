package dev.trap.weaver.internal;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.TypePath;

/**
 * Makes room for one local variable, the invocation slot that holds a trapped call's state, right
 * after the parameters. Every local of the original code at or above that slot moves up by one,
 * in instructions, frames and debug tables alike; the new slot appears in every frame as
 * {@link TrapContract#SLOT_TYPE}. The trap code reaches the slot through {@link #loadSlot()} and
 * {@link #storeSlot()}, which are not remapped. (The same approach as JaCoCo's probe array.)
 */
final class InvocationSlot extends MethodVisitor {

  private final int slot;

  InvocationSlot(int access, String descriptor, MethodVisitor next) {
    super(TrapContract.ASM_API, next);
    this.slot = (Type.getArgumentsAndReturnSizes(descriptor) >> 2)
        - ((access & Opcodes.ACC_STATIC) != 0 ? 1 : 0);
  }

  void loadSlot() {
    super.visitVarInsn(Opcodes.ALOAD, slot);
  }

  void storeSlot() {
    super.visitVarInsn(Opcodes.ASTORE, slot);
  }

  private int map(int variable) {
    return variable < slot ? variable : variable + 1;
  }

  @Override
  public void visitVarInsn(int opcode, int variable) {
    super.visitVarInsn(opcode, map(variable));
  }

  @Override
  public void visitIincInsn(int variable, int increment) {
    super.visitIincInsn(map(variable), increment);
  }

  @Override
  public void visitLocalVariable(String name, String descriptor, String signature, Label start,
      Label end, int index) {
    super.visitLocalVariable(name, descriptor, signature, start, end, map(index));
  }

  @Override
  public org.objectweb.asm.AnnotationVisitor visitLocalVariableAnnotation(int typeRef,
      TypePath typePath, Label[] start, Label[] end, int[] index, String descriptor,
      boolean visible) {
    int[] mapped = new int[index.length];
    for (int i = 0; i < index.length; i++) {
      mapped[i] = map(index[i]);
    }
    return super.visitLocalVariableAnnotation(typeRef, typePath, start, end, mapped, descriptor,
        visible);
  }

  @Override
  public void visitMaxs(int maxStack, int maxLocals) {
    super.visitMaxs(maxStack, Math.max(maxLocals + 1, slot + 1));
  }

  /**
   * Frames arrive expanded ({@code F_NEW}): one entry per local, a long or double taking one
   * entry for its two slots. The slot goes in at its slot position, after TOPs if the frame's
   * locals end below it.
   */
  @Override
  public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
    if (type != Opcodes.F_NEW) {
      throw new IllegalArgumentException("Frames must be expanded (ClassReader.EXPAND_FRAMES)");
    }
    int entry = 0;
    int slots = 0;
    while (entry < numLocal && slots < slot) {
      Object value = local[entry++];
      slots += value == Opcodes.LONG || value == Opcodes.DOUBLE ? 2 : 1;
    }
    int padding = slot - slots;
    Object[] mapped = new Object[numLocal + Math.max(padding, 0) + 1];
    System.arraycopy(local, 0, mapped, 0, entry);
    int next = entry;
    for (int i = 0; i < padding; i++) {
      mapped[next++] = Opcodes.TOP;
    }
    mapped[next++] = TrapContract.SLOT_TYPE;
    System.arraycopy(local, entry, mapped, next, numLocal - entry);
    next += numLocal - entry;
    super.visitFrame(type, next, mapped, numStack, stack);
  }
}
