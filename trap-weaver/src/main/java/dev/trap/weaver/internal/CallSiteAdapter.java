package dev.trap.weaver.internal;

import dev.trap.weaver.CallSiteSelector;
import dev.trap.weaver.ClassSelector;
import java.util.ArrayDeque;
import java.util.List;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Sends the selected call sites through bridges ({@link CallSiteBridges}): a static, virtual or
 * interface call of a selected method becomes a static call of the bridge, with the same stack
 * effect, and a method reference to it ({@code Instant::now}, an {@code invokedynamic} of
 * {@code LambdaMetafactory} whose handle points at the method) points at the bridge instead.
 *
 * <p>A read of a selected static field ({@code GETSTATIC}) becomes a call of a bridge that reads
 * it, also where the field's class is woven: a field has no trap of its own.
 *
 * <p>A constructor call as compilers write it, {@code new X; dup; arguments...;
 * invokespecial X.<init>}, becomes {@code new X; dup; arguments...; invokestatic bridge}, which
 * makes and returns the object, followed by {@code dup_x2; pop; pop; pop}, which drops the two
 * references to the object the bridge replaced: never initialized, never used, and gone from the
 * stack before anything could use them, which the verifier allows. Nothing between the
 * {@code new} and the call changes, so neither do its frames.
 *
 * <p>Left as they are: calls of classes that are woven themselves (their own traps see the
 * calls), except constructor calls, whose object a woven constructor cannot replace; calls of
 * Trap's runtime, constructor calls of another shape (as in {@code super(...)}),
 * writes of fields, serializable method references, whose deserialization compares the handle
 * with the method it was made of, and calls of the JDK's methods that read the stack of their
 * caller ({@link StackReading}), which a bridge between them and their caller would mislead.
 */
final class CallSiteAdapter extends MethodVisitor {

  private static final String LAMBDA_METAFACTORY = "java/lang/invoke/LambdaMetafactory";
  private static final int FLAG_SERIALIZABLE = 1;

  private final CallSiteSelector callSites;
  private final ClassSelector woven;
  private final CallSiteBridges bridges;
  /** What the JVM would say of each bridged call's null receiver, in order ({@link NullReceivers}). */
  private final List<String> nullMessages;
  private int callsWithReceivers;
  /** The objects under construction: the types of {@code new}s not yet initialized. */
  private final ArrayDeque<String> constructing = new ArrayDeque<>();
  /** Whether each of them was duplicated right after its {@code new}, as compilers do. */
  private final ArrayDeque<Boolean> duplicated = new ArrayDeque<>();
  private boolean afterNew;
  /** The made object and its copy stand on the stack above the two unmade ones, briefly. */
  private boolean constructionRewritten;

  CallSiteAdapter(MethodVisitor next, CallSiteSelector callSites, ClassSelector woven,
      CallSiteBridges bridges, List<String> nullMessages) {
    super(TrapContract.ASM_API, next);
    this.nullMessages = nullMessages == null ? List.of() : nullMessages;
    this.callSites = callSites;
    this.woven = woven;
    this.bridges = bridges;
  }

  @Override
  public void visitTypeInsn(int opcode, String type) {
    super.visitTypeInsn(opcode, type);
    afterNew = opcode == Opcodes.NEW;
    if (afterNew) {
      constructing.push(type);
      duplicated.push(Boolean.FALSE);
    }
  }

  @Override
  public void visitInsn(int opcode) {
    if (afterNew && opcode == Opcodes.DUP) {
      duplicated.pop();
      duplicated.push(Boolean.TRUE);
    }
    afterNew = false;
    super.visitInsn(opcode);
  }

  @Override
  public void visitMethodInsn(int opcode, String owner, String name, String descriptor,
      boolean isInterface) {
    afterNew = false;
    if (opcode == Opcodes.INVOKESPECIAL && name.equals("<init>")) {
      if (!constructing.isEmpty() && constructing.peek().equals(owner)) {
        constructing.pop();
        boolean dup = duplicated.pop();
        // Also for woven classes: their constructors' own traps cannot replace the object.
        if (dup && !owner.startsWith("dev/trap/") && callSites.selects(owner, name)
            && !StackReading.is(owner, name, descriptor)) {
          CallSiteBridges.Bridge bridge =
              bridges.bridge(Opcodes.NEW, owner, name, descriptor, false);
          super.visitMethodInsn(Opcodes.INVOKESTATIC, bridges.owner(), bridge.bridgeName,
              bridge.bridgeDescriptor, bridges.ownerIsInterface());
          constructionRewritten = true;
          super.visitInsn(Opcodes.DUP_X2);
          super.visitInsn(Opcodes.POP);
          super.visitInsn(Opcodes.POP);
          super.visitInsn(Opcodes.POP);
          return;
        }
      }
      super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
      return;
    }
    if (opcode != Opcodes.INVOKESPECIAL && isSelected(owner, name, descriptor)) {
      String nullMessage = opcode == Opcodes.INVOKESTATIC
          || callsWithReceivers >= nullMessages.size() ? null
          : nullMessages.get(callsWithReceivers);
      if (opcode != Opcodes.INVOKESTATIC) {
        callsWithReceivers++;
      }
      CallSiteBridges.Bridge bridge =
          bridges.bridge(opcode, owner, name, descriptor, isInterface, nullMessage);
      super.visitMethodInsn(Opcodes.INVOKESTATIC, bridges.owner(), bridge.bridgeName,
          bridge.bridgeDescriptor, bridges.ownerIsInterface());
      return;
    }
    super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
  }

  @Override
  public void visitMaxs(int maxStack, int maxLocals) {
    super.visitMaxs(maxStack + (constructionRewritten ? 2 : 0), maxLocals);
  }

  @Override
  public void visitVarInsn(int opcode, int varIndex) {
    afterNew = false;
    super.visitVarInsn(opcode, varIndex);
  }

  @Override
  public void visitLdcInsn(Object value) {
    afterNew = false;
    super.visitLdcInsn(value);
  }

  @Override
  public void visitIntInsn(int opcode, int operand) {
    afterNew = false;
    super.visitIntInsn(opcode, operand);
  }

  @Override
  public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
    afterNew = false;
    if (opcode == Opcodes.GETSTATIC && !owner.startsWith("dev/trap/")
        && callSites.selects(owner, name)) {
      CallSiteBridges.Bridge bridge = bridges.bridge(opcode, owner, name, descriptor, false);
      super.visitMethodInsn(Opcodes.INVOKESTATIC, bridges.owner(), bridge.bridgeName,
          bridge.bridgeDescriptor, bridges.ownerIsInterface());
      return;
    }
    super.visitFieldInsn(opcode, owner, name, descriptor);
  }

  @Override
  public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap,
      Object... arguments) {
    afterNew = false;
    if (bootstrap.getOwner().equals(LAMBDA_METAFACTORY) && arguments.length >= 3
        && arguments[1] instanceof Handle && !isSerializable(bootstrap, arguments)) {
      Handle target = (Handle) arguments[1];
      int opcode = opcodeOf(target.getTag());
      boolean selected = opcode == Opcodes.NEW
          // A constructor reference (Random::new) makes its objects as `new Random()` does.
          ? !target.getOwner().startsWith("dev/trap/")
              && callSites.selects(target.getOwner(), target.getName())
              && !StackReading.is(target.getOwner(), target.getName(), target.getDesc())
          : opcode != 0 && isSelected(target.getOwner(), target.getName(), target.getDesc());
      if (selected) {
        // The lambda's object calls the method on its argument, in a frame of the JVM's that
        // stack traces hide, and the JVM words no message there: the bridge says none either.
        boolean receives = opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE;
        CallSiteBridges.Bridge bridge = bridges.bridge(opcode, target.getOwner(),
            target.getName(), target.getDesc(), target.isInterface(), receives ? "" : null);
        Object[] rewritten = arguments.clone();
        rewritten[1] = new Handle(Opcodes.H_INVOKESTATIC, bridges.owner(), bridge.bridgeName,
            bridge.bridgeDescriptor, bridges.ownerIsInterface());
        super.visitInvokeDynamicInsn(name, descriptor, bootstrap, rewritten);
        return;
      }
    }
    super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
  }

  /**
   * @return true for a call of another class's method that gets a bridge; the same choice for
   *     {@link NullReceivers}, which must count the same calls
   */
  static boolean selects(CallSiteSelector callSites, ClassSelector woven, String owner,
      String name, String descriptor) {
    return !owner.startsWith("dev/trap/") && !owner.startsWith("[")
        && callSites.selects(owner, name) && !woven.selects(owner.replace('/', '.'))
        && !StackReading.is(owner, name, descriptor);
  }

  private boolean isSelected(String owner, String name, String descriptor) {
    return selects(callSites, woven, owner, name, descriptor);
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
      case Opcodes.H_NEWINVOKESPECIAL:
        return Opcodes.NEW;
      default:
        return 0;
    }
  }
}
