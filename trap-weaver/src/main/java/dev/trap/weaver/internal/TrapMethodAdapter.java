package dev.trap.weaver.internal;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.AnalyzerAdapter;

/**
 * Puts the trap into one method: the prologue that enters the interceptors, the exit call before
 * every return, and a catch-all handler that hands exceptions to the interceptors. In Java terms,
 * the woven method reads:
 *
 * <pre>{@code
 * Object call = null;                                  // the invocation slot
 * // constructors: the original code up to super(...) or this(...)
 * call = <invokedynamic trap>(this, a, b);             // null unless an interceptor takes the call
 * if (call != null) {
 *   if (Trampoline.isDone(call)) return (R) Trampoline.outcome(call);
 *   a = (A) Trampoline.argument(call, 0); b = ...;    // arguments as the interceptors left them
 * }
 * try {
 *   ... original body, each "return x" becoming "return Trampoline.exit(x, call)" ...
 * } catch (Throwable t) {                              // rethrows t itself when call is null
 *   return (R) Trampoline.onThrow(t, call);
 * }
 * }</pre>
 *
 * <p>The exits and the handler have no branches: the runtime returns at once for a null call, so
 * the only frames this adapter adds are the two after the prologue's tests and the handler's.
 */
final class TrapMethodAdapter extends MethodVisitor {

  private final InvocationSlot slot;
  private final String owner;
  private final int access;
  private final String name;
  private final String descriptor;
  private final Type[] arguments;
  private final Type returnType;
  private final String sourceFile;
  private final ClassFileScanner.MethodFacts facts;
  private final boolean constructor;

  /** The metadata of the called method, for the bridge of a call site; else null. */
  private String callSiteMetadata;
  /**
   * For the bridge of a virtual or interface call: its first parameter is the call's receiver,
   * which the runtime holds apart from the arguments.
   */
  private int receiverParameters;
  private AnalyzerAdapter analyzer;
  private ConstructorHead head;
  private boolean trapped;
  private boolean declined;
  private Object[] pendingFrame;
  private final Label tryStart = new Label();
  private final Label tryEnd = new Label();
  private final Label handler = new Label();

  TrapMethodAdapter(String owner, int access, String name, String descriptor, String sourceFile,
      ClassFileScanner.MethodFacts facts, InvocationSlot slot) {
    super(TrapContract.ASM_API, slot);
    this.slot = slot;
    this.owner = owner;
    this.access = access;
    this.name = name;
    this.descriptor = descriptor;
    this.arguments = Type.getArgumentTypes(descriptor);
    this.returnType = Type.getReturnType(descriptor);
    this.sourceFile = sourceFile;
    this.facts = facts;
    this.constructor = "<init>".equals(name);
  }

  /**
   * Constructors need to know the locals where {@code super(...)} returns; the analyzer does,
   * until the head of the chain bypasses it.
   */
  void setAnalyzer(AnalyzerAdapter analyzer, ConstructorHead head) {
    this.analyzer = analyzer;
    this.head = head;
  }

  /**
   * Makes this the trap of a call site's bridge, filed under the called method.
   *
   * @param metadata the called method's metadata ({@code CallSiteBridges.Bridge#metadata})
   * @param receiverFirst true if the bridge's first parameter is the call's receiver
   */
  void setCallSite(String metadata, boolean receiverFirst) {
    this.callSiteMetadata = metadata;
    this.receiverParameters = receiverFirst ? 1 : 0;
  }

  /**
   * @return false if the trap could not be placed (a constructor whose {@code super(...)} call
   *     leaves values on the stack, which no Java compiler emits)
   */
  boolean isTrapped() {
    return trapped;
  }

  /** @return the method as {@code name + descriptor} */
  String method() {
    return name + descriptor;
  }

  private boolean isStatic() {
    return (access & Opcodes.ACC_STATIC) != 0;
  }

  @Override
  public void visitCode() {
    super.visitCode();
    // Initialized before anything else, so the slot holds an Object in every frame of the method.
    super.visitInsn(Opcodes.ACONST_NULL);
    slot.storeSlot();
  }

  /**
   * Methods other than constructors get their trap at the first instruction, after the original
   * try/catch blocks have been visited: the catch-all handler must come last in the exception
   * table, so it never hides the method's own handlers.
   */
  private void beforeInstruction() {
    placeTrapIfDue();
    if (pendingFrame != null) {
      Object[] frame = pendingFrame;
      pendingFrame = null;
      super.visitFrame(Opcodes.F_NEW, frame.length, frame, 0, new Object[0]);
    }
  }

  private void placeTrapIfDue() {
    if (!trapped && !constructor && !declined) {
      emitTrap(FrameTypes.initialLocals(owner, access, name, descriptor).toArray());
    }
  }

  private void emitTrap(Object[] locals) {
    trapped = true;
    super.visitTryCatchBlock(tryStart, tryEnd, handler, null);
    if (!constructor && facts.line >= 0) {
      // Frames of interceptors' stack traces then point at the method's first line.
      Label start = new Label();
      super.visitLabel(start);
      super.visitLineNumber(facts.line, start);
    }
    int argumentSlot = isStatic() ? 0 : 1;
    StringBuilder trapDescriptor = new StringBuilder("(");
    if (!isStatic()) {
      super.visitVarInsn(Opcodes.ALOAD, 0);
      trapDescriptor.append("Ljava/lang/Object;");
    }
    for (Type argument : arguments) {
      super.visitVarInsn(argument.getOpcode(Opcodes.ILOAD), argumentSlot);
      argumentSlot += argument.getSize();
      trapDescriptor.append(erased(argument).getDescriptor());
    }
    trapDescriptor.append(")Ljava/lang/Object;");
    super.visitInvokeDynamicInsn(TrapContract.TRAP_NAME, trapDescriptor.toString(),
        TrapContract.BOOTSTRAP, callSiteMetadata != null ? callSiteMetadata
            : TrapContract.metadata(access, facts.line, name, descriptor, facts.parameterNames,
                sourceFile));
    super.visitInsn(Opcodes.DUP);
    slot.storeSlot();
    Label body = new Label();
    super.visitJumpInsn(Opcodes.IFNULL, body);

    Label restore = arguments.length == receiverParameters ? body : new Label();
    slot.loadSlot();
    invokeTrampoline(TrapContract.IS_DONE, TrapContract.IS_DONE_DESCRIPTOR);
    super.visitJumpInsn(Opcodes.IFEQ, restore);
    slot.loadSlot();
    invokeTrampoline(TrapContract.OUTCOME, TrapContract.OUTCOME_DESCRIPTOR);
    returnBoxed();

    if (arguments.length > receiverParameters) {
      super.visitLabel(restore);
      super.visitFrame(Opcodes.F_NEW, locals.length, locals, 0, new Object[0]);
      argumentSlot = isStatic() ? receiverParameters : 1;
      for (int i = receiverParameters; i < arguments.length; i++) {
        slot.loadSlot();
        pushInt(i - receiverParameters);
        invokeTrampoline(TrapContract.ARGUMENT, TrapContract.ARGUMENT_DESCRIPTOR);
        Boxing.unbox(mv, arguments[i]);
        super.visitVarInsn(arguments[i].getOpcode(Opcodes.ISTORE), argumentSlot);
        argumentSlot += arguments[i].getSize();
      }
    }
    super.visitLabel(body);
    // Emitted with the next instruction, unless the original code has a frame right here.
    pendingFrame = locals;
    super.visitLabel(tryStart);
  }

  /** Reference types cross into the trap as Object, so linking it loads no class. */
  private static Type erased(Type type) {
    return type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY
        ? Type.getObjectType("java/lang/Object") : type;
  }

  private void invokeTrampoline(String method, String methodDescriptor) {
    super.visitMethodInsn(Opcodes.INVOKESTATIC, TrapContract.TRAMPOLINE, method, methodDescriptor,
        false);
  }

  private void pushInt(int value) {
    if (value <= 5) {
      super.visitInsn(Opcodes.ICONST_0 + value);
    } else if (value <= Byte.MAX_VALUE) {
      super.visitIntInsn(Opcodes.BIPUSH, value);
    } else {
      super.visitIntInsn(Opcodes.SIPUSH, value);
    }
  }

  /** Returns the boxed Object on the stack as the method's return type. */
  private void returnBoxed() {
    if (returnType.getSort() == Type.VOID) {
      super.visitInsn(Opcodes.POP);
    } else {
      Boxing.unbox(mv, returnType);
    }
    super.visitInsn(returnType.getOpcode(Opcodes.IRETURN));
  }

  @Override
  public void visitMethodInsn(int opcode, String methodOwner, String methodName,
      String methodDescriptor, boolean isInterface) {
    beforeInstruction();
    boolean superCall = constructor && !trapped && !declined && opcode == Opcodes.INVOKESPECIAL
        && "<init>".equals(methodName) && receiverIsUninitializedThis(methodDescriptor);
    List<Object> localsAfter = superCall ? localsAfterSuperCall() : null;
    boolean stackEmptyAfter = superCall
        && analyzer.stack.size() == (Type.getArgumentsAndReturnSizes(methodDescriptor) >> 2);
    super.visitMethodInsn(opcode, methodOwner, methodName, methodDescriptor, isInterface);
    if (superCall) {
      if (stackEmptyAfter) {
        emitTrap(localsAfter.toArray());
      } else {
        declined = true;
      }
      head.bypassTo(this);
    }
  }

  private boolean receiverIsUninitializedThis(String methodDescriptor) {
    if (analyzer == null || analyzer.stack == null) {
      return false;
    }
    int receiver = analyzer.stack.size()
        - (Type.getArgumentsAndReturnSizes(methodDescriptor) >> 2);
    return receiver >= 0 && analyzer.stack.get(receiver) == Opcodes.UNINITIALIZED_THIS;
  }

  /** The analyzer's locals once {@code this} is initialized, in frame form. */
  private List<Object> localsAfterSuperCall() {
    List<Object> locals = new ArrayList<>();
    List<Object> slots = analyzer.locals;
    for (int i = 0; i < slots.size(); i++) {
      Object value = slots.get(i);
      locals.add(value == Opcodes.UNINITIALIZED_THIS ? owner : value);
      if (value == Opcodes.LONG || value == Opcodes.DOUBLE) {
        i++;
      }
    }
    while (!locals.isEmpty() && locals.get(locals.size() - 1) == Opcodes.TOP) {
      locals.remove(locals.size() - 1);
    }
    return locals;
  }

  @Override
  public void visitInsn(int opcode) {
    beforeInstruction();
    if (trapped && opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
      slot.loadSlot();
      invokeTrampoline(TrapContract.EXIT, TrapContract.exitDescriptor(returnType));
      if (returnType.getSort() == Type.OBJECT && !"java/lang/Object".equals(
          returnType.getInternalName()) || returnType.getSort() == Type.ARRAY) {
        super.visitTypeInsn(Opcodes.CHECKCAST, returnType.getInternalName());
      }
    }
    super.visitInsn(opcode);
  }

  @Override
  public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
    // The original frame at this offset describes every path into it, ours included.
    placeTrapIfDue();
    pendingFrame = null;
    super.visitFrame(type, numLocal, local, numStack, stack);
  }

  @Override
  public void visitIntInsn(int opcode, int operand) {
    beforeInstruction();
    super.visitIntInsn(opcode, operand);
  }

  @Override
  public void visitVarInsn(int opcode, int variable) {
    beforeInstruction();
    super.visitVarInsn(opcode, variable);
  }

  @Override
  public void visitTypeInsn(int opcode, String type) {
    beforeInstruction();
    super.visitTypeInsn(opcode, type);
  }

  @Override
  public void visitFieldInsn(int opcode, String fieldOwner, String fieldName,
      String fieldDescriptor) {
    beforeInstruction();
    super.visitFieldInsn(opcode, fieldOwner, fieldName, fieldDescriptor);
  }

  @Override
  public void visitInvokeDynamicInsn(String indyName, String indyDescriptor,
      org.objectweb.asm.Handle bootstrap, Object... bootstrapArguments) {
    beforeInstruction();
    super.visitInvokeDynamicInsn(indyName, indyDescriptor, bootstrap, bootstrapArguments);
  }

  @Override
  public void visitJumpInsn(int opcode, Label label) {
    beforeInstruction();
    super.visitJumpInsn(opcode, label);
  }

  @Override
  public void visitLabel(Label label) {
    // A label may be a jump target: the trap goes before it, the pending frame stays pending.
    placeTrapIfDue();
    super.visitLabel(label);
  }

  @Override
  public void visitLdcInsn(Object value) {
    beforeInstruction();
    super.visitLdcInsn(value);
  }

  @Override
  public void visitIincInsn(int variable, int increment) {
    beforeInstruction();
    super.visitIincInsn(variable, increment);
  }

  @Override
  public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
    beforeInstruction();
    super.visitTableSwitchInsn(min, max, dflt, labels);
  }

  @Override
  public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
    beforeInstruction();
    super.visitLookupSwitchInsn(dflt, keys, labels);
  }

  @Override
  public void visitMultiANewArrayInsn(String arrayDescriptor, int numDimensions) {
    beforeInstruction();
    super.visitMultiANewArrayInsn(arrayDescriptor, numDimensions);
  }

  @Override
  public void visitMaxs(int maxStack, int maxLocals) {
    int stack = maxStack;
    if (trapped) {
      pendingFrame = null;
      super.visitLabel(tryEnd);
      super.visitLabel(handler);
      super.visitFrame(Opcodes.F_NEW, 0, new Object[0], 1, new Object[] {"java/lang/Throwable"});
      slot.loadSlot();
      invokeTrampoline(TrapContract.ON_THROW, TrapContract.ON_THROW_DESCRIPTOR);
      returnBoxed();
      int argumentSlots = (Type.getArgumentsAndReturnSizes(descriptor) >> 2)
          - (isStatic() ? 1 : 0);
      stack = Math.max(maxStack + 1, Math.max(argumentSlots + 2, 3));
    }
    super.visitMaxs(stack, maxLocals);
  }
}
