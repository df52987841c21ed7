package dev.trap.weaver.internal;

import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Rewrites the calls that hand work to code that may run it on another thread into
 * {@code invokedynamic} instructions linked by the runtime's {@code Handoff}, which make the same
 * call with the work carrying the caller's scope: an executor's {@code execute}, {@code submit},
 * {@code invokeAll}, {@code invokeAny} and {@code schedule}; a {@code CompletableFuture}'s or
 * {@code CompletionStage}'s methods that take functions; a stream's operations that take
 * functions (carried while the stream is parallel); {@code Arrays.parallel*};
 * {@code ConcurrentHashMap}'s bulk operations; a {@code Timer}'s {@code schedule}; a fork-join
 * task's {@code fork} and {@code invokeAll}. The instruction takes what the call took, the
 * receiver first, and names the called method by a method handle, so it has the call's stack
 * effect and resolves the same method.
 *
 * <p>Calls are recognized by the JDK types they name as compiled; a call through a class of the
 * application that implements {@code Executor} itself is left alone, as the weaver loads no class
 * to know better. {@code fork} and {@code invokeAll} are recognized by their descriptors, which
 * only {@code ForkJoinTask}'s have, as the compiler names the task's own class in such calls.
 */
final class HandoffAdapter extends MethodVisitor {

  private static final String CONCURRENT = "java/util/concurrent/";
  private static final String FORK_JOIN_POOL = CONCURRENT + "ForkJoinPool";
  private static final String FORK_JOIN_TASK = "L" + CONCURRENT + "ForkJoinTask;";

  /** The JDK's executor types, by which a call may name an executor's method. */
  private static final Set<String> EXECUTORS = Set.of(CONCURRENT + "Executor",
      CONCURRENT + "ExecutorService", CONCURRENT + "ScheduledExecutorService",
      CONCURRENT + "AbstractExecutorService", CONCURRENT + "ThreadPoolExecutor",
      CONCURRENT + "ScheduledThreadPoolExecutor", FORK_JOIN_POOL);

  /** The executor methods that take work, other than {@code execute}, by name. */
  private static final Set<String> EXECUTOR_METHODS = Set.of("submit", "invokeAll", "invokeAny",
      "schedule", "scheduleAtFixedRate", "scheduleWithFixedDelay");

  /** Classes whose methods that take functions run them on other threads. */
  private static final Map<String, Integer> FUNCTION_TAKERS = Map.of(
      CONCURRENT + "CompletableFuture", TrapContract.HANDOFF_WRAP,
      CONCURRENT + "CompletionStage", TrapContract.HANDOFF_WRAP,
      CONCURRENT + "ConcurrentHashMap", TrapContract.HANDOFF_WRAP,
      "java/util/Arrays", TrapContract.HANDOFF_WRAP,
      "java/util/stream/BaseStream", TrapContract.HANDOFF_WHEN_PARALLEL,
      "java/util/stream/Stream", TrapContract.HANDOFF_WHEN_PARALLEL,
      "java/util/stream/IntStream", TrapContract.HANDOFF_WHEN_PARALLEL,
      "java/util/stream/LongStream", TrapContract.HANDOFF_WHEN_PARALLEL,
      "java/util/stream/DoubleStream", TrapContract.HANDOFF_WHEN_PARALLEL);

  HandoffAdapter(MethodVisitor next) {
    super(TrapContract.ASM_API, next);
  }

  @Override
  public void visitMethodInsn(int opcode, String owner, String name, String descriptor,
      boolean isInterface) {
    int policy = policy(opcode, owner, name, descriptor);
    if (policy < 0) {
      super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
      return;
    }
    int tag = opcode == Opcodes.INVOKESTATIC ? Opcodes.H_INVOKESTATIC
        : opcode == Opcodes.INVOKEINTERFACE ? Opcodes.H_INVOKEINTERFACE : Opcodes.H_INVOKEVIRTUAL;
    String callDescriptor = opcode == Opcodes.INVOKESTATIC ? descriptor
        : "(" + Type.getObjectType(owner).getDescriptor() + descriptor.substring(1);
    super.visitInvokeDynamicInsn(name, callDescriptor, TrapContract.HANDOFF_BOOTSTRAP,
        new Handle(tag, owner, name, descriptor, isInterface), policy);
  }

  /**
   * @return how the runtime's {@code Handoff} carries the work of the call, one of
   *     {@link TrapContract}'s {@code HANDOFF_*} policies, or -1 to leave the call as it is
   */
  static int policy(int opcode, String owner, String name, String descriptor) {
    if (opcode != Opcodes.INVOKESTATIC && opcode != Opcodes.INVOKEVIRTUAL
        && opcode != Opcodes.INVOKEINTERFACE) {
      return -1;
    }
    if (name.equals("fork") && descriptor.equals("()" + FORK_JOIN_TASK)
        && opcode == Opcodes.INVOKEVIRTUAL) {
      return TrapContract.HANDOFF_IN_PLACE;
    }
    if (name.equals("invokeAll") && opcode == Opcodes.INVOKESTATIC
        && (descriptor.equals("(" + FORK_JOIN_TASK + FORK_JOIN_TASK + ")V")
            || descriptor.equals("([" + FORK_JOIN_TASK + ")V")
            || descriptor.equals("(Ljava/util/Collection;)Ljava/util/Collection;"))) {
      return TrapContract.HANDOFF_IN_PLACE;
    }
    if (opcode == Opcodes.INVOKESTATIC) {
      Integer takes = FUNCTION_TAKERS.get(owner);
      boolean parallel = !owner.equals("java/util/Arrays") || name.startsWith("parallel");
      // A static method has no receiver to ask whether it is parallel: a stream it makes may be.
      return takes != null && parallel && takesFunction(descriptor)
          ? TrapContract.HANDOFF_WRAP : -1;
    }
    if (EXECUTORS.contains(owner)) {
      return executorPolicy(owner, name, descriptor);
    }
    if (owner.equals("java/util/Timer") && name.startsWith("schedule")) {
      return TrapContract.HANDOFF_IN_PLACE;
    }
    Integer takes = FUNCTION_TAKERS.get(owner);
    if (takes == null || !takesFunction(descriptor)) {
      return -1;
    }
    if (owner.equals(CONCURRENT + "ConcurrentHashMap") && !descriptor.startsWith("(J")) {
      // Its bulk operations take a parallelism threshold first; the others run on the caller.
      return -1;
    }
    return takes;
  }

  private static int executorPolicy(String owner, String name, String descriptor) {
    boolean takesTask = descriptor.startsWith("(" + FORK_JOIN_TASK);
    if (owner.equals(FORK_JOIN_POOL) && takesTask
        && (name.equals("execute") || name.equals("submit") || name.equals("invoke"))) {
      return TrapContract.HANDOFF_IN_PLACE;
    }
    if (name.equals("execute") && descriptor.equals("(Ljava/lang/Runnable;)V")) {
      // A pool's queue holds the task itself, which remove() and shutdownNow() hand back: only
      // a ForkJoinPool wraps it in one of its own.
      return owner.equals(FORK_JOIN_POOL) ? TrapContract.HANDOFF_BY_RECEIVER
          : TrapContract.HANDOFF_IN_PLACE;
    }
    return EXECUTOR_METHODS.contains(name) && (takesFunction(descriptor)
        || descriptor.startsWith("(Ljava/util/Collection;"))
        ? TrapContract.HANDOFF_BY_RECEIVER : -1;
  }

  /** @return true if a parameter is of a functional type that the runtime carries */
  static boolean takesFunction(String descriptor) {
    for (Type parameter : Type.getArgumentTypes(descriptor)) {
      if (TrapContract.CARRIED_TYPES.contains(parameter.getInternalName())) {
        return true;
      }
    }
    return false;
  }
}
