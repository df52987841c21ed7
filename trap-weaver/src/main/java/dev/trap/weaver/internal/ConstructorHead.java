package dev.trap.weaver.internal;

import org.objectweb.asm.MethodVisitor;

/**
 * The head of a constructor's chain. Events go through an {@code AnalyzerAdapter} until the trap
 * is placed after {@code super(...)}; from then on nothing needs the analysis, so they go
 * straight to the trap adapter and the rest of the constructor is not simulated.
 */
final class ConstructorHead extends MethodVisitor {

  ConstructorHead(MethodVisitor analyzer) {
    super(TrapContract.ASM_API, analyzer);
  }

  /** @param next where the remaining events of the constructor go */
  void bypassTo(MethodVisitor next) {
    this.mv = next;
  }
}
