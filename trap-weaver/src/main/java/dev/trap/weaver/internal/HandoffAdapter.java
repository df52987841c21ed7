package dev.trap.weaver.internal;

import java.util.Map;
import java.util.Set;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites the calls that hand a task to another thread (an executor's {@code execute},
 * {@code submit}, {@code invokeAll}, {@code schedule}, and {@code CompletableFuture}'s
 * {@code ...Async} methods) into calls of the runtime's {@code Handoff}, which wraps the task so
 * that it runs in the scope of the thread that hands it over, and then makes the same call. So a
 * test's patches follow the work its code under test hands to pools. The rewritten call has the
 * same stack effect: the receiver becomes the first argument of a static method.
 *
 * <p>Calls are recognized by the JDK types they name; a call through a class of the application
 * that implements {@code Executor} itself is left alone, as the weaver loads no class to know.
 */
final class HandoffAdapter extends MethodVisitor {

  private static final String CONCURRENT = "java/util/concurrent/";
  private static final String COMPLETABLE_FUTURE = CONCURRENT + "CompletableFuture";
  private static final String COMPLETION_STAGE = CONCURRENT + "CompletionStage";

  /** The JDK's executor types, by which a call may name an executor's method. */
  private static final Set<String> EXECUTORS = Set.of(CONCURRENT + "Executor",
      CONCURRENT + "ExecutorService", CONCURRENT + "ScheduledExecutorService",
      CONCURRENT + "AbstractExecutorService", CONCURRENT + "ThreadPoolExecutor",
      CONCURRENT + "ScheduledThreadPoolExecutor", CONCURRENT + "ForkJoinPool");

  /** An executor's methods that take tasks, {@code name + descriptor}, and Handoff's receiver type. */
  private static final Map<String, String> EXECUTOR_METHODS = Map.ofEntries(
      Map.entry("execute(Ljava/lang/Runnable;)V", "Executor"),
      Map.entry("submit(Ljava/lang/Runnable;)Ljava/util/concurrent/Future;", "ExecutorService"),
      Map.entry("submit(Ljava/util/concurrent/Callable;)Ljava/util/concurrent/Future;",
          "ExecutorService"),
      Map.entry("submit(Ljava/lang/Runnable;Ljava/lang/Object;)Ljava/util/concurrent/Future;",
          "ExecutorService"),
      Map.entry("invokeAll(Ljava/util/Collection;)Ljava/util/List;", "ExecutorService"),
      Map.entry("invokeAll(Ljava/util/Collection;JLjava/util/concurrent/TimeUnit;)"
          + "Ljava/util/List;", "ExecutorService"),
      Map.entry("invokeAny(Ljava/util/Collection;)Ljava/lang/Object;", "ExecutorService"),
      Map.entry("invokeAny(Ljava/util/Collection;JLjava/util/concurrent/TimeUnit;)"
          + "Ljava/lang/Object;", "ExecutorService"),
      Map.entry("schedule(Ljava/lang/Runnable;JLjava/util/concurrent/TimeUnit;)"
          + "Ljava/util/concurrent/ScheduledFuture;", "ScheduledExecutorService"),
      Map.entry("schedule(Ljava/util/concurrent/Callable;JLjava/util/concurrent/TimeUnit;)"
          + "Ljava/util/concurrent/ScheduledFuture;", "ScheduledExecutorService"),
      Map.entry("scheduleAtFixedRate(Ljava/lang/Runnable;JJLjava/util/concurrent/TimeUnit;)"
          + "Ljava/util/concurrent/ScheduledFuture;", "ScheduledExecutorService"),
      Map.entry("scheduleWithFixedDelay(Ljava/lang/Runnable;JJLjava/util/concurrent/TimeUnit;)"
          + "Ljava/util/concurrent/ScheduledFuture;", "ScheduledExecutorService"),
      Map.entry("submit(Ljava/lang/Runnable;)Ljava/util/concurrent/ForkJoinTask;",
          "ForkJoinPool"),
      Map.entry("submit(Ljava/util/concurrent/Callable;)Ljava/util/concurrent/ForkJoinTask;",
          "ForkJoinPool"),
      Map.entry("submit(Ljava/lang/Runnable;Ljava/lang/Object;)"
          + "Ljava/util/concurrent/ForkJoinTask;", "ForkJoinPool"));

  /** {@code CompletableFuture}'s static methods that start a task. */
  private static final Set<String> ASYNC_STARTS = Set.of(
      "supplyAsync(Ljava/util/function/Supplier;)",
      "supplyAsync(Ljava/util/function/Supplier;Ljava/util/concurrent/Executor;)",
      "runAsync(Ljava/lang/Runnable;)",
      "runAsync(Ljava/lang/Runnable;Ljava/util/concurrent/Executor;)");

  /**
   * A stage's methods that run a task on a pool, {@code name + parameters}, without and with an
   * executor; on {@code CompletableFuture} and {@code CompletionStage} alike, each returning its
   * own type.
   */
  private static final Set<String> ASYNC_STAGES = asyncStages();

  HandoffAdapter(MethodVisitor next) {
    super(TrapContract.ASM_API, next);
  }

  private static Set<String> asyncStages() {
    String stage = "Ljava/util/concurrent/CompletionStage;";
    String[][] methods = {
        {"thenApplyAsync", "Ljava/util/function/Function;"},
        {"thenAcceptAsync", "Ljava/util/function/Consumer;"},
        {"thenRunAsync", "Ljava/lang/Runnable;"},
        {"thenComposeAsync", "Ljava/util/function/Function;"},
        {"whenCompleteAsync", "Ljava/util/function/BiConsumer;"},
        {"handleAsync", "Ljava/util/function/BiFunction;"},
        {"thenCombineAsync", stage + "Ljava/util/function/BiFunction;"},
        {"thenAcceptBothAsync", stage + "Ljava/util/function/BiConsumer;"},
        {"runAfterBothAsync", stage + "Ljava/lang/Runnable;"},
        {"applyToEitherAsync", stage + "Ljava/util/function/Function;"},
        {"acceptEitherAsync", stage + "Ljava/util/function/Consumer;"},
        {"runAfterEitherAsync", stage + "Ljava/lang/Runnable;"}};
    java.util.Set<String> all = new java.util.HashSet<>();
    for (String[] method : methods) {
      all.add(method[0] + "(" + method[1] + ")");
      all.add(method[0] + "(" + method[1] + "Ljava/util/concurrent/Executor;)");
    }
    return Set.copyOf(all);
  }

  @Override
  public void visitMethodInsn(int opcode, String owner, String name, String descriptor,
      boolean isInterface) {
    String handoff = handoffDescriptor(opcode, owner, name, descriptor);
    if (handoff == null) {
      super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    } else {
      super.visitMethodInsn(Opcodes.INVOKESTATIC, TrapContract.HANDOFF, name, handoff, false);
    }
  }

  /** @return the descriptor of Handoff's method for the call, or null to leave it */
  static String handoffDescriptor(int opcode, String owner, String name, String descriptor) {
    if (opcode == Opcodes.INVOKESTATIC) {
      return owner.equals(COMPLETABLE_FUTURE) && ASYNC_STARTS.contains(name
          + descriptor.substring(0, descriptor.indexOf(')') + 1)) ? descriptor : null;
    }
    if (opcode != Opcodes.INVOKEVIRTUAL && opcode != Opcodes.INVOKEINTERFACE) {
      return null;
    }
    if (EXECUTORS.contains(owner)) {
      String receiver = EXECUTOR_METHODS.get(name + descriptor);
      return receiver == null ? null
          : "(L" + CONCURRENT + receiver + ";" + descriptor.substring(1);
    }
    if ((owner.equals(COMPLETABLE_FUTURE) || owner.equals(COMPLETION_STAGE))
        && name.endsWith("Async")) {
      int parametersEnd = descriptor.indexOf(')') + 1;
      if (ASYNC_STAGES.contains(name + descriptor.substring(0, parametersEnd))
          && descriptor.substring(parametersEnd).equals("L" + owner + ";")) {
        return "(L" + owner + ";" + descriptor.substring(1);
      }
    }
    return null;
  }
}
