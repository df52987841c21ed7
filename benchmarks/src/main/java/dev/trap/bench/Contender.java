package dev.trap.bench;

import dev.trap.weaver.Weaver;
import org.jacoco.core.instr.Instrumenter;
import org.jacoco.core.runtime.OfflineInstrumentationAccessGenerator;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The class file transformations whose throughput is compared, all on the same ASM: the three
 * contenders, and variants of the copy that only {@link WeaveCpuTime} runs, on request, to take
 * the cost of weaving apart.
 */
enum Contender {

  /**
   * The floor: parse and write back with no visitor in between. {@code toByteArray()} is part of
   * it because the other two return bytes as well.
   */
  ASM_COPY(false) {
    @Override
    byte[] transform(byte[] classFile, String name) {
      ClassWriter writer = new ClassWriter(0);
      new ClassReader(classFile).accept(writer, 0);
      return writer.toByteArray();
    }
  },

  /** Trap, weaving every class it is given. */
  TRAP(false) {
    private final Weaver weaver = Weaver.builder().include("**").build();

    @Override
    byte[] transform(byte[] classFile, String name) throws Exception {
      return weaver.weave(classFile, name).bytes();
    }
  },

  /** JaCoCo's offline instrumentation, the other build-time ASM transformer of the same kind. */
  JACOCO(false) {
    private final Instrumenter instrumenter =
        new Instrumenter(new OfflineInstrumentationAccessGenerator());

    @Override
    byte[] transform(byte[] classFile, String name) throws Exception {
      return instrumenter.instrument(classFile, name);
    }
  },

  /**
   * A copy set up as Trap and JaCoCo set theirs up, minus their work: the writer shares the
   * reader's constant pool, and every method passes through a visitor, so that ASM cannot copy
   * its bytes as they are and must decode and encode its code as a transformer does.
   */
  COPY_THROUGH_VISITORS(true) {
    @Override
    byte[] transform(byte[] classFile, String name) {
      return copyThroughVisitors(classFile, 0);
    }
  },

  /**
   * {@link #COPY_THROUGH_VISITORS} with frames expanded, as Trap and JaCoCo read classes: what
   * expanding every stack map frame and compressing it again costs.
   */
  COPY_EXPANDED_FRAMES(true) {
    @Override
    byte[] transform(byte[] classFile, String name) {
      return copyThroughVisitors(classFile, ClassReader.EXPAND_FRAMES);
    }
  };

  private final boolean diagnostic;

  Contender(boolean diagnostic) {
    this.diagnostic = diagnostic;
  }

  /** @return true for a variant that only takes the cost apart, false for a contender */
  boolean isDiagnostic() {
    return diagnostic;
  }

  private static byte[] copyThroughVisitors(byte[] classFile, int readerFlags) {
    ClassReader reader = new ClassReader(classFile);
    ClassWriter writer = new ClassWriter(reader, 0);
    reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
      @Override
      public MethodVisitor visitMethod(int access, String method, String descriptor,
          String signature, String[] exceptions) {
        return new MethodVisitor(Opcodes.ASM9,
            super.visitMethod(access, method, descriptor, signature, exceptions)) { };
      }
    }, readerFlags);
    return writer.toByteArray();
  }

  /**
   * @param classFile a class file
   * @param name its name, for messages
   * @return the transformed class file
   * @throws Exception if the contender cannot transform it
   */
  abstract byte[] transform(byte[] classFile, String name) throws Exception;
}
