package dev.trap.weaver.internal;

import dev.trap.weaver.CallSiteSelector;
import dev.trap.weaver.ClassSelector;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Sends the selected call sites through bridges ({@link CallSiteBridges}): a static, virtual or
 * interface call of a selected method becomes a static call of the bridge, with the same stack
 * effect, and a method reference to it ({@code Instant::now}, an {@code invokedynamic} of
 * {@code LambdaMetafactory} whose handle points at the method) points at the bridge instead.
 *
 * <p>Left as they are: calls of classes that are woven themselves (their own traps see the
 * calls), of Trap's runtime, constructor calls, and serializable method references, whose
 * deserialization compares the handle with the method it was made of.
 */
final class CallSiteAdapter extends MethodVisitor {

  private static final String LAMBDA_METAFACTORY = "java/lang/invoke/LambdaMetafactory";
  private static final int FLAG_SERIALIZABLE = 1;

  private final CallSiteSelector callSites;
  private final ClassSelector woven;
  private final CallSiteBridges bridges;

  CallSiteAdapter(MethodVisitor next, CallSiteSelector callSites, ClassSelector woven,
      CallSiteBridges bridges) {
    super(TrapContract.ASM_API, next);
    this.callSites = callSites;
    this.woven = woven;
    this.bridges = bridges;
  }

  @Override
  public void visitMethodInsn(int opcode, String owner, String name, String descriptor,
      boolean isInterface) {
    if (opcode != Opcodes.INVOKESPECIAL && isSelected(owner, name)) {
      CallSiteBridges.Bridge bridge =
          bridges.bridge(opcode, owner, name, descriptor, isInterface);
      super.visitMethodInsn(Opcodes.INVOKESTATIC, bridges.owner(), bridge.bridgeName,
          bridge.bridgeDescriptor, bridges.ownerIsInterface());
      return;
    }
    super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
  }

  @Override
  public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap,
      Object... arguments) {
    if (bootstrap.getOwner().equals(LAMBDA_METAFACTORY) && arguments.length >= 3
        && arguments[1] instanceof Handle && !isSerializable(bootstrap, arguments)) {
      Handle target = (Handle) arguments[1];
      int opcode = opcodeOf(target.getTag());
      if (opcode != 0 && isSelected(target.getOwner(), target.getName())) {
        CallSiteBridges.Bridge bridge = bridges.bridge(opcode, target.getOwner(),
            target.getName(), target.getDesc(), target.isInterface());
        Object[] rewritten = arguments.clone();
        rewritten[1] = new Handle(Opcodes.H_INVOKESTATIC, bridges.owner(), bridge.bridgeName,
            bridge.bridgeDescriptor, bridges.ownerIsInterface());
        super.visitInvokeDynamicInsn(name, descriptor, bootstrap, rewritten);
        return;
      }
    }
    super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
  }

  private boolean isSelected(String owner, String name) {
    return !owner.startsWith("dev/trap/") && !owner.startsWith("[")
        && callSites.selects(owner, name) && !woven.selects(owner.replace('/', '.'));
  }

  private static boolean isSerializable(Handle bootstrap, Object[] arguments) {
    return bootstrap.getName().equals("altMetafactory") && arguments.length > 3
        && arguments[3] instanceof Integer && (((Integer) arguments[3]) & FLAG_SERIALIZABLE) != 0;
  }

  private static int opcodeOf(int handleTag) {
    switch (handleTag) {
      case Opcodes.H_INVOKESTATIC:
        return Opcodes.INVOKESTATIC;
      case Opcodes.H_INVOKEVIRTUAL:
        return Opcodes.INVOKEVIRTUAL;
      case Opcodes.H_INVOKEINTERFACE:
        return Opcodes.INVOKEINTERFACE;
      default:
        return 0;
    }
  }
}
