package dev.trap.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What woven code calls instead of the JDK's methods that hand a task to another thread: each
 * wraps the task so that it runs in the scope of the thread that handed it over, then calls the
 * JDK's method. So a test's patches follow its work into executors and
 * {@code CompletableFuture}'s pools, also while tests run in parallel. The weaver rewrites the
 * calls ({@code dev.trap.weaver.internal.HandoffAdapter}), whose table names these methods: change
 * both together.
 *
 * <p>A task is wrapped only when its thread's scope has interceptors, so that code that does not
 * patch hands over its tasks untouched. Not an API: only woven code may call it.
 */
public final class Handoff {

  private Handoff() {
  }

  /**
   * @return what a task handed over now is to carry, or null to hand it over as it is: when the
   *     thread runs in no scope, or in one without interceptors or trace, where wrapping would
   *     change nothing but the task's identity, which some code looks at
   */
  private static Handover handover() {
    ThreadState state = ThreadState.current();
    ScopeImpl scope = state.effectiveScope();
    return scope != null && scope.hasInterceptors()
        ? new Handover(scope, state.callInProgress()) : null;
  }

  static Runnable carry(Runnable task) {
    Handover handover = handover();
    return handover == null || task == null ? task : handover.wrap(task);
  }

  static <T> Callable<T> carry(Callable<T> task) {
    Handover handover = handover();
    return handover == null || task == null ? task : () -> handover.call(task);
  }

  static <T> Supplier<T> carry(Supplier<T> task) {
    Handover handover = handover();
    return handover == null || task == null ? task : () -> handover.unchecked(task::get);
  }

  static <A, B> Function<A, B> carry(Function<A, B> task) {
    Handover handover = handover();
    return handover == null || task == null ? task
        : a -> handover.unchecked(() -> task.apply(a));
  }

  static <A> Consumer<A> carry(Consumer<A> task) {
    Handover handover = handover();
    return handover == null || task == null ? task
        : a -> handover.unchecked(() -> {
          task.accept(a);
          return null;
        });
  }

  static <A, B, C> BiFunction<A, B, C> carry(BiFunction<A, B, C> task) {
    Handover handover = handover();
    return handover == null || task == null ? task
        : (a, b) -> handover.unchecked(() -> task.apply(a, b));
  }

  static <A, B> BiConsumer<A, B> carry(BiConsumer<A, B> task) {
    Handover handover = handover();
    return handover == null || task == null ? task
        : (a, b) -> handover.unchecked(() -> {
          task.accept(a, b);
          return null;
        });
  }

  static <T> List<Callable<T>> carry(Collection<? extends Callable<T>> tasks) {
    List<Callable<T>> carried = new ArrayList<Callable<T>>(tasks.size());
    for (Callable<T> task : tasks) {
      carried.add(carry(task));
    }
    return carried;
  }

  /** {@link Executor#execute}, the task in the caller's scope. */
  public static void execute(Executor executor, Runnable task) {
    executor.execute(carry(task));
  }

  /** {@link ExecutorService#submit(Runnable)}, the task in the caller's scope. */
  public static Future<?> submit(ExecutorService executor, Runnable task) {
    return executor.submit(carry(task));
  }

  /** {@link ExecutorService#submit(Callable)}, the task in the caller's scope. */
  public static <T> Future<T> submit(ExecutorService executor, Callable<T> task) {
    return executor.submit(carry(task));
  }

  /** {@link ExecutorService#submit(Runnable, Object)}, the task in the caller's scope. */
  public static <T> Future<T> submit(ExecutorService executor, Runnable task, T result) {
    return executor.submit(carry(task), result);
  }

  /** {@link ExecutorService#invokeAll(Collection)}, the tasks in the caller's scope. */
  public static <T> List<Future<T>> invokeAll(ExecutorService executor,
      Collection<? extends Callable<T>> tasks) throws InterruptedException {
    return executor.invokeAll(carry(tasks));
  }

  /** {@link ExecutorService#invokeAll(Collection, long, TimeUnit)}, in the caller's scope. */
  public static <T> List<Future<T>> invokeAll(ExecutorService executor,
      Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
      throws InterruptedException {
    return executor.invokeAll(carry(tasks), timeout, unit);
  }

  /** {@link ExecutorService#invokeAny(Collection)}, the tasks in the caller's scope. */
  public static <T> T invokeAny(ExecutorService executor,
      Collection<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
    return executor.invokeAny(carry(tasks));
  }

  /** {@link ExecutorService#invokeAny(Collection, long, TimeUnit)}, in the caller's scope. */
  public static <T> T invokeAny(ExecutorService executor,
      Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
      throws InterruptedException, ExecutionException, TimeoutException {
    return executor.invokeAny(carry(tasks), timeout, unit);
  }

  /** {@link ScheduledExecutorService#schedule(Runnable, long, TimeUnit)}, in the caller's scope. */
  public static ScheduledFuture<?> schedule(ScheduledExecutorService executor, Runnable task,
      long delay, TimeUnit unit) {
    return executor.schedule(carry(task), delay, unit);
  }

  /** {@link ScheduledExecutorService#schedule(Callable, long, TimeUnit)}, in the caller's scope. */
  public static <T> ScheduledFuture<T> schedule(ScheduledExecutorService executor,
      Callable<T> task, long delay, TimeUnit unit) {
    return executor.schedule(carry(task), delay, unit);
  }

  /** {@link ScheduledExecutorService#scheduleAtFixedRate}, the task in the caller's scope. */
  public static ScheduledFuture<?> scheduleAtFixedRate(ScheduledExecutorService executor,
      Runnable task, long initialDelay, long period, TimeUnit unit) {
    return executor.scheduleAtFixedRate(carry(task), initialDelay, period, unit);
  }

  /** {@link ScheduledExecutorService#scheduleWithFixedDelay}, the task in the caller's scope. */
  public static ScheduledFuture<?> scheduleWithFixedDelay(ScheduledExecutorService executor,
      Runnable task, long initialDelay, long delay, TimeUnit unit) {
    return executor.scheduleWithFixedDelay(carry(task), initialDelay, delay, unit);
  }

  /** {@link ForkJoinPool#submit(Runnable)}, the task in the caller's scope. */
  public static ForkJoinTask<?> submit(ForkJoinPool pool, Runnable task) {
    return pool.submit(carry(task));
  }

  /** {@link ForkJoinPool#submit(Callable)}, the task in the caller's scope. */
  public static <T> ForkJoinTask<T> submit(ForkJoinPool pool, Callable<T> task) {
    return pool.submit(carry(task));
  }

  /** {@link ForkJoinPool#submit(Runnable, Object)}, the task in the caller's scope. */
  public static <T> ForkJoinTask<T> submit(ForkJoinPool pool, Runnable task, T result) {
    return pool.submit(carry(task), result);
  }

  /** {@link CompletableFuture#thenApplyAsync}, the task in the caller's scope. */
  public static <T, U> CompletableFuture<U> thenApplyAsync(
      CompletableFuture<T> stage,
      Function<? super T, ? extends U> fn) {
    return stage.thenApplyAsync(carry(fn));
  }

  /** {@link CompletableFuture#thenApplyAsync}, the task in the caller's scope. */
  public static <T, U> CompletableFuture<U> thenApplyAsync(
      CompletableFuture<T> stage,
      Function<? super T, ? extends U> fn,
      Executor executor) {
    return stage.thenApplyAsync(carry(fn), executor);
  }

  /** {@link CompletableFuture#thenAcceptAsync}, the task in the caller's scope. */
  public static <T> CompletableFuture<Void> thenAcceptAsync(
      CompletableFuture<T> stage,
      Consumer<? super T> action) {
    return stage.thenAcceptAsync(carry(action));
  }

  /** {@link CompletableFuture#thenAcceptAsync}, the task in the caller's scope. */
  public static <T> CompletableFuture<Void> thenAcceptAsync(
      CompletableFuture<T> stage,
      Consumer<? super T> action,
      Executor executor) {
    return stage.thenAcceptAsync(carry(action), executor);
  }

  /** {@link CompletableFuture#thenRunAsync}, the task in the caller's scope. */
  public static <T> CompletableFuture<Void> thenRunAsync(
      CompletableFuture<T> stage,
      Runnable action) {
    return stage.thenRunAsync(carry(action));
  }

  /** {@link CompletableFuture#thenRunAsync}, the task in the caller's scope. */
  public static <T> CompletableFuture<Void> thenRunAsync(
      CompletableFuture<T> stage,
      Runnable action,
      Executor executor) {
    return stage.thenRunAsync(carry(action), executor);
  }

  /** {@link CompletableFuture#thenComposeAsync}, the task in the caller's scope. */
  public static <T, U> CompletableFuture<U> thenComposeAsync(
      CompletableFuture<T> stage,
      Function<? super T, ? extends CompletionStage<U>> fn) {
    return stage.thenComposeAsync(carry(fn));
  }

  /** {@link CompletableFuture#thenComposeAsync}, the task in the caller's scope. */
  public static <T, U> CompletableFuture<U> thenComposeAsync(
      CompletableFuture<T> stage,
      Function<? super T, ? extends CompletionStage<U>> fn,
      Executor executor) {
    return stage.thenComposeAsync(carry(fn), executor);
  }

  /** {@link CompletableFuture#whenCompleteAsync}, the task in the caller's scope. */
  public static <T> CompletableFuture<T> whenCompleteAsync(
      CompletableFuture<T> stage,
      BiConsumer<? super T, ? super Throwable> action) {
    return stage.whenCompleteAsync(carry(action));
  }

  /** {@link CompletableFuture#whenCompleteAsync}, the task in the caller's scope. */
  public static <T> CompletableFuture<T> whenCompleteAsync(
      CompletableFuture<T> stage,
      BiConsumer<? super T, ? super Throwable> action,
      Executor executor) {
    return stage.whenCompleteAsync(carry(action), executor);
  }

  /** {@link CompletableFuture#handleAsync}, the task in the caller's scope. */
  public static <T, U> CompletableFuture<U> handleAsync(
      CompletableFuture<T> stage,
      BiFunction<? super T, Throwable, ? extends U> fn) {
    return stage.handleAsync(carry(fn));
  }

  /** {@link CompletableFuture#handleAsync}, the task in the caller's scope. */
  public static <T, U> CompletableFuture<U> handleAsync(
      CompletableFuture<T> stage,
      BiFunction<? super T, Throwable, ? extends U> fn,
      Executor executor) {
    return stage.handleAsync(carry(fn), executor);
  }

  /** {@link CompletableFuture#thenCombineAsync}, the task in the caller's scope. */
  public static <T, U, V> CompletableFuture<U> thenCombineAsync(
      CompletableFuture<T> stage,
      CompletionStage<? extends V> other,
      BiFunction<? super T, ? super V, ? extends U> fn) {
    return stage.thenCombineAsync(other, carry(fn));
  }

  /** {@link CompletableFuture#thenCombineAsync}, the task in the caller's scope. */
  public static <T, U, V> CompletableFuture<U> thenCombineAsync(
      CompletableFuture<T> stage,
      CompletionStage<? extends V> other,
      BiFunction<? super T, ? super V, ? extends U> fn,
      Executor executor) {
    return stage.thenCombineAsync(other, carry(fn), executor);
  }

  /** {@link CompletableFuture#thenAcceptBothAsync}, the task in the caller's scope. */
  public static <T, V> CompletableFuture<Void> thenAcceptBothAsync(
      CompletableFuture<T> stage,
      CompletionStage<? extends V> other,
      BiConsumer<? super T, ? super V> action) {
    return stage.thenAcceptBothAsync(other, carry(action));
  }

  /** {@link CompletableFuture#thenAcceptBothAsync}, the task in the caller's scope. */
  public static <T, V> CompletableFuture<Void> thenAcceptBothAsync(
      CompletableFuture<T> stage,
      CompletionStage<? extends V> other,
      BiConsumer<? super T, ? super V> action,
      Executor executor) {
    return stage.thenAcceptBothAsync(other, carry(action), executor);
  }

  /** {@link CompletableFuture#runAfterBothAsync}, the task in the caller's scope. */
  public static <T> CompletableFuture<Void> runAfterBothAsync(
      CompletableFuture<T> stage,
      CompletionStage<?> other,
      Runnable action) {
    return stage.runAfterBothAsync(other, carry(action));
  }

  /** {@link CompletableFuture#runAfterBothAsync}, the task in the caller's scope. */
  public static <T> CompletableFuture<Void> runAfterBothAsync(
      CompletableFuture<T> stage,
      CompletionStage<?> other,
      Runnable action,
      Executor executor) {
    return stage.runAfterBothAsync(other, carry(action), executor);
  }

  /** {@link CompletableFuture#applyToEitherAsync}, the task in the caller's scope. */
  public static <T, U> CompletableFuture<U> applyToEitherAsync(
      CompletableFuture<T> stage,
      CompletionStage<? extends T> other,
      Function<? super T, U> fn) {
    return stage.applyToEitherAsync(other, carry(fn));
  }

  /** {@link CompletableFuture#applyToEitherAsync}, the task in the caller's scope. */
  public static <T, U> CompletableFuture<U> applyToEitherAsync(
      CompletableFuture<T> stage,
      CompletionStage<? extends T> other,
      Function<? super T, U> fn,
      Executor executor) {
    return stage.applyToEitherAsync(other, carry(fn), executor);
  }

  /** {@link CompletableFuture#acceptEitherAsync}, the task in the caller's scope. */
  public static <T> CompletableFuture<Void> acceptEitherAsync(
      CompletableFuture<T> stage,
      CompletionStage<? extends T> other,
      Consumer<? super T> action) {
    return stage.acceptEitherAsync(other, carry(action));
  }

  /** {@link CompletableFuture#acceptEitherAsync}, the task in the caller's scope. */
  public static <T> CompletableFuture<Void> acceptEitherAsync(
      CompletableFuture<T> stage,
      CompletionStage<? extends T> other,
      Consumer<? super T> action,
      Executor executor) {
    return stage.acceptEitherAsync(other, carry(action), executor);
  }

  /** {@link CompletableFuture#runAfterEitherAsync}, the task in the caller's scope. */
  public static <T> CompletableFuture<Void> runAfterEitherAsync(
      CompletableFuture<T> stage,
      CompletionStage<?> other,
      Runnable action) {
    return stage.runAfterEitherAsync(other, carry(action));
  }

  /** {@link CompletableFuture#runAfterEitherAsync}, the task in the caller's scope. */
  public static <T> CompletableFuture<Void> runAfterEitherAsync(
      CompletableFuture<T> stage,
      CompletionStage<?> other,
      Runnable action,
      Executor executor) {
    return stage.runAfterEitherAsync(other, carry(action), executor);
  }

  /** {@link CompletionStage#thenApplyAsync}, the task in the caller's scope. */
  public static <T, U> CompletionStage<U> thenApplyAsync(
      CompletionStage<T> stage,
      Function<? super T, ? extends U> fn) {
    return stage.thenApplyAsync(carry(fn));
  }

  /** {@link CompletionStage#thenApplyAsync}, the task in the caller's scope. */
  public static <T, U> CompletionStage<U> thenApplyAsync(
      CompletionStage<T> stage,
      Function<? super T, ? extends U> fn,
      Executor executor) {
    return stage.thenApplyAsync(carry(fn), executor);
  }

  /** {@link CompletionStage#thenAcceptAsync}, the task in the caller's scope. */
  public static <T> CompletionStage<Void> thenAcceptAsync(
      CompletionStage<T> stage,
      Consumer<? super T> action) {
    return stage.thenAcceptAsync(carry(action));
  }

  /** {@link CompletionStage#thenAcceptAsync}, the task in the caller's scope. */
  public static <T> CompletionStage<Void> thenAcceptAsync(
      CompletionStage<T> stage,
      Consumer<? super T> action,
      Executor executor) {
    return stage.thenAcceptAsync(carry(action), executor);
  }

  /** {@link CompletionStage#thenRunAsync}, the task in the caller's scope. */
  public static <T> CompletionStage<Void> thenRunAsync(CompletionStage<T> stage, Runnable action) {
    return stage.thenRunAsync(carry(action));
  }

  /** {@link CompletionStage#thenRunAsync}, the task in the caller's scope. */
  public static <T> CompletionStage<Void> thenRunAsync(
      CompletionStage<T> stage,
      Runnable action,
      Executor executor) {
    return stage.thenRunAsync(carry(action), executor);
  }

  /** {@link CompletionStage#thenComposeAsync}, the task in the caller's scope. */
  public static <T, U> CompletionStage<U> thenComposeAsync(
      CompletionStage<T> stage,
      Function<? super T, ? extends CompletionStage<U>> fn) {
    return stage.thenComposeAsync(carry(fn));
  }

  /** {@link CompletionStage#thenComposeAsync}, the task in the caller's scope. */
  public static <T, U> CompletionStage<U> thenComposeAsync(
      CompletionStage<T> stage,
      Function<? super T, ? extends CompletionStage<U>> fn,
      Executor executor) {
    return stage.thenComposeAsync(carry(fn), executor);
  }

  /** {@link CompletionStage#whenCompleteAsync}, the task in the caller's scope. */
  public static <T> CompletionStage<T> whenCompleteAsync(
      CompletionStage<T> stage,
      BiConsumer<? super T, ? super Throwable> action) {
    return stage.whenCompleteAsync(carry(action));
  }

  /** {@link CompletionStage#whenCompleteAsync}, the task in the caller's scope. */
  public static <T> CompletionStage<T> whenCompleteAsync(
      CompletionStage<T> stage,
      BiConsumer<? super T, ? super Throwable> action,
      Executor executor) {
    return stage.whenCompleteAsync(carry(action), executor);
  }

  /** {@link CompletionStage#handleAsync}, the task in the caller's scope. */
  public static <T, U> CompletionStage<U> handleAsync(
      CompletionStage<T> stage,
      BiFunction<? super T, Throwable, ? extends U> fn) {
    return stage.handleAsync(carry(fn));
  }

  /** {@link CompletionStage#handleAsync}, the task in the caller's scope. */
  public static <T, U> CompletionStage<U> handleAsync(
      CompletionStage<T> stage,
      BiFunction<? super T, Throwable, ? extends U> fn,
      Executor executor) {
    return stage.handleAsync(carry(fn), executor);
  }

  /** {@link CompletionStage#thenCombineAsync}, the task in the caller's scope. */
  public static <T, U, V> CompletionStage<U> thenCombineAsync(
      CompletionStage<T> stage,
      CompletionStage<? extends V> other,
      BiFunction<? super T, ? super V, ? extends U> fn) {
    return stage.thenCombineAsync(other, carry(fn));
  }

  /** {@link CompletionStage#thenCombineAsync}, the task in the caller's scope. */
  public static <T, U, V> CompletionStage<U> thenCombineAsync(
      CompletionStage<T> stage,
      CompletionStage<? extends V> other,
      BiFunction<? super T, ? super V, ? extends U> fn,
      Executor executor) {
    return stage.thenCombineAsync(other, carry(fn), executor);
  }

  /** {@link CompletionStage#thenAcceptBothAsync}, the task in the caller's scope. */
  public static <T, V> CompletionStage<Void> thenAcceptBothAsync(
      CompletionStage<T> stage,
      CompletionStage<? extends V> other,
      BiConsumer<? super T, ? super V> action) {
    return stage.thenAcceptBothAsync(other, carry(action));
  }

  /** {@link CompletionStage#thenAcceptBothAsync}, the task in the caller's scope. */
  public static <T, V> CompletionStage<Void> thenAcceptBothAsync(
      CompletionStage<T> stage,
      CompletionStage<? extends V> other,
      BiConsumer<? super T, ? super V> action,
      Executor executor) {
    return stage.thenAcceptBothAsync(other, carry(action), executor);
  }

  /** {@link CompletionStage#runAfterBothAsync}, the task in the caller's scope. */
  public static <T> CompletionStage<Void> runAfterBothAsync(
      CompletionStage<T> stage,
      CompletionStage<?> other,
      Runnable action) {
    return stage.runAfterBothAsync(other, carry(action));
  }

  /** {@link CompletionStage#runAfterBothAsync}, the task in the caller's scope. */
  public static <T> CompletionStage<Void> runAfterBothAsync(
      CompletionStage<T> stage,
      CompletionStage<?> other,
      Runnable action,
      Executor executor) {
    return stage.runAfterBothAsync(other, carry(action), executor);
  }

  /** {@link CompletionStage#applyToEitherAsync}, the task in the caller's scope. */
  public static <T, U> CompletionStage<U> applyToEitherAsync(
      CompletionStage<T> stage,
      CompletionStage<? extends T> other,
      Function<? super T, U> fn) {
    return stage.applyToEitherAsync(other, carry(fn));
  }

  /** {@link CompletionStage#applyToEitherAsync}, the task in the caller's scope. */
  public static <T, U> CompletionStage<U> applyToEitherAsync(
      CompletionStage<T> stage,
      CompletionStage<? extends T> other,
      Function<? super T, U> fn,
      Executor executor) {
    return stage.applyToEitherAsync(other, carry(fn), executor);
  }

  /** {@link CompletionStage#acceptEitherAsync}, the task in the caller's scope. */
  public static <T> CompletionStage<Void> acceptEitherAsync(
      CompletionStage<T> stage,
      CompletionStage<? extends T> other,
      Consumer<? super T> action) {
    return stage.acceptEitherAsync(other, carry(action));
  }

  /** {@link CompletionStage#acceptEitherAsync}, the task in the caller's scope. */
  public static <T> CompletionStage<Void> acceptEitherAsync(
      CompletionStage<T> stage,
      CompletionStage<? extends T> other,
      Consumer<? super T> action,
      Executor executor) {
    return stage.acceptEitherAsync(other, carry(action), executor);
  }

  /** {@link CompletionStage#runAfterEitherAsync}, the task in the caller's scope. */
  public static <T> CompletionStage<Void> runAfterEitherAsync(
      CompletionStage<T> stage,
      CompletionStage<?> other,
      Runnable action) {
    return stage.runAfterEitherAsync(other, carry(action));
  }

  /** {@link CompletionStage#runAfterEitherAsync}, the task in the caller's scope. */
  public static <T> CompletionStage<Void> runAfterEitherAsync(
      CompletionStage<T> stage,
      CompletionStage<?> other,
      Runnable action,
      Executor executor) {
    return stage.runAfterEitherAsync(other, carry(action), executor);
  }

  /** {@link CompletableFuture#supplyAsync}, the task in the caller's scope. */
  public static <U> CompletableFuture<U> supplyAsync(Supplier<U> supplier) {
    return CompletableFuture.supplyAsync(carry(supplier));
  }

  /** {@link CompletableFuture#supplyAsync}, the task in the caller's scope. */
  public static <U> CompletableFuture<U> supplyAsync(Supplier<U> supplier, Executor executor) {
    return CompletableFuture.supplyAsync(carry(supplier), executor);
  }

  /** {@link CompletableFuture#runAsync}, the task in the caller's scope. */
  public static CompletableFuture<Void> runAsync(Runnable task) {
    return CompletableFuture.runAsync(carry(task));
  }

  /** {@link CompletableFuture#runAsync}, the task in the caller's scope. */
  public static CompletableFuture<Void> runAsync(Runnable task, Executor executor) {
    return CompletableFuture.runAsync(carry(task), executor);
  }
}
