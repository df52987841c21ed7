package dev.trap.weaver.internal;

import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Makes the lambdas and method references of a woven method carry the scope they are made in,
 * for the JDK's functional interfaces that work is handed over in
 * ({@link TrapContract#LAMBDA_CARRIED_TYPES}): wherever such a lambda runs as handed-over work (a pool's
 * task, a parallel stream's function), it runs as work of that scope. Each
 * {@code LambdaMetafactory} instruction is followed by
 *
 * <pre>{@code
 * invokestatic Carriers.made(Ljava/util/function/Function;)Ljava/util/function/Function;
 * }</pre>
 *
 * <p>which returns the lambda itself outside any scope, and in one an object of the same
 * interface that runs it in that scope. It replaces the lambda before anything has seen it, and
 * leaves the stack as it was, so no frame changes, and the class gets no member.
 *
 * <p>Left as they are: serializable lambdas, which must serialize as what they are; lambdas
 * with marker interfaces ({@code (Runnable & Marker) () -> ...}), which a wrapper would not
 * implement; and lambdas of class initializers, which run before any test could own them and
 * make what every test shares.
 */
final class LambdaCarrier extends MethodVisitor {

  private static final String LAMBDA_METAFACTORY = "java/lang/invoke/LambdaMetafactory";
  private static final int FLAG_SERIALIZABLE = 1;
  private static final int FLAG_MARKERS = 2;

  LambdaCarrier(MethodVisitor next) {
    super(TrapContract.ASM_API, next);
  }

  @Override
  public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap,
      Object... arguments) {
    super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
    Type lambda = Type.getReturnType(descriptor);
    if (isCarried(bootstrap, arguments)
        && TrapContract.LAMBDA_CARRIED_TYPES.contains(lambda.getInternalName())) {
      super.visitMethodInsn(Opcodes.INVOKESTATIC, TrapContract.CARRIERS, TrapContract.MADE,
          Type.getMethodDescriptor(lambda, lambda), false);
    }
  }

  private static boolean isCarried(Handle bootstrap, Object[] arguments) {
    if (!bootstrap.getOwner().equals(LAMBDA_METAFACTORY)) {
      return false;
    }
    if (bootstrap.getName().equals("metafactory")) {
      return true;
    }
    return bootstrap.getName().equals("altMetafactory") && arguments.length > 3
        && arguments[3] instanceof Integer
        && (((Integer) arguments[3]) & (FLAG_SERIALIZABLE | FLAG_MARKERS)) == 0;
  }
}
