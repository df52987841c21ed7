package dev.trap.weaver.internal;

import java.util.List;
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
  private final boolean expandedFrames;
  /** Compressed mode: the locals of the original code's current frame, one entry per value. */
  private final List<Object> original;
  /**
   * Compressed mode: whether the writer's previous frame is {@link #original} with the slot in
   * it, and reaches past the slot, so that the next compressed frame means the same with the
   * slot as without it.
   */
  private boolean inSync;
  /** Compressed mode: whether a frame was written yet; before, the implicit first frame holds. */
  private boolean framesWritten;

  /**
   * @param expandedFrames whether frames arrive expanded ({@code F_NEW}); otherwise they arrive
   *     compressed, as in the class file, and only those whose meaning the slot changes are
   *     rewritten; the trap's own frames arrive as {@code F_NEW} either way
   */
  InvocationSlot(String owner, int access, String descriptor, boolean expandedFrames,
      MethodVisitor next) {
    super(TrapContract.ASM_API, next);
    this.slot = (Type.getArgumentsAndReturnSizes(descriptor) >> 2)
        - ((access & Opcodes.ACC_STATIC) != 0 ? 1 : 0);
    this.expandedFrames = expandedFrames;
    // Only methods other than constructors come here with compressed frames.
    this.original = FrameTypes.initialLocals(owner, access, "", descriptor);
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

  @Override
  public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
    if (expandedFrames) {
      if (type != Opcodes.F_NEW) {
        throw new IllegalArgumentException("Frames must be expanded here");
      }
      Object[] mapped = withSlot(local, numLocal);
      super.visitFrame(Opcodes.F_NEW, mapped.length, mapped, numStack, stack);
    } else if (type == Opcodes.F_NEW) {
      visitTrapFrame(numLocal, local, numStack, stack);
    } else {
      visitOriginalFrame(type, numLocal, local, numStack, stack);
    }
  }

  /** One of the trap's own frames, written as compactly as the writer's previous frame allows. */
  private void visitTrapFrame(int numLocal, Object[] local, int numStack, Object[] stack) {
    boolean original = sameAsOriginal(local, numLocal) && reachesSlot();
    if (original && numStack == 0 && !framesWritten && FrameTypes.slots(local, numLocal) == slot) {
      // The implicit first frame holds exactly the parameters: the slot is appended to it.
      super.visitFrame(Opcodes.F_APPEND, 1, new Object[] {TrapContract.SLOT_TYPE}, 0, null);
    } else if (original && numStack == 0 && inSync) {
      super.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
    } else {
      Object[] mapped = withSlot(local, numLocal);
      super.visitFrame(Opcodes.F_FULL, mapped.length, mapped, numStack, FrameTypes.copy(stack, numStack));
    }
    framesWritten = true;
    inSync = original;
  }

  private void visitOriginalFrame(int type, int numLocal, Object[] local, int numStack,
      Object[] stack) {
    int stackCount = 0;
    switch (type) {
      case Opcodes.F_FULL:
        original.clear();
        for (int i = 0; i < numLocal; i++) {
          original.add(local[i]);
        }
        stackCount = numStack;
        break;
      case Opcodes.F_APPEND:
        for (int i = 0; i < numLocal; i++) {
          original.add(local[i]);
        }
        break;
      case Opcodes.F_CHOP:
        for (int i = 0; i < numLocal; i++) {
          original.remove(original.size() - 1);
        }
        break;
      case Opcodes.F_SAME1:
        stackCount = 1;
        break;
      default:
        break;
    }
    boolean reaches = reachesSlot();
    if (type != Opcodes.F_FULL && inSync && reaches) {
      super.visitFrame(type, numLocal, local, numStack, stack);
    } else {
      Object[] mapped = withSlot(original.toArray(), original.size());
      super.visitFrame(Opcodes.F_FULL, mapped.length, mapped, stackCount,
          FrameTypes.copy(stack, stackCount));
    }
    framesWritten = true;
    inSync = reaches;
  }

  private boolean reachesSlot() {
    return FrameTypes.slots(original.toArray(), original.size()) >= slot;
  }

  private boolean sameAsOriginal(Object[] local, int numLocal) {
    if (numLocal != original.size()) {
      return false;
    }
    for (int i = 0; i < numLocal; i++) {
      if (!local[i].equals(original.get(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Frame locals with the slot at its slot position, after TOPs if the locals end below it. A
   * long or double is one entry for two slots.
   */
  private Object[] withSlot(Object[] local, int numLocal) {
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
    return mapped;
  }
}
