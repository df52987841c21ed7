package dev.trap.internal.scope;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.*;
import java.util.stream.Collector;

/**
 * Carries the JDK's functional objects across a hand-over: while the calling thread runs in a
 * scope, each returns an object of the same interface that runs the given one in that scope
 * (and under the trace node of the call that handed it over), on whatever thread calls it;
 * outside any scope, the object itself.
 *
 * <ul>
 *   <li>{@code carry} is for work handed over now: woven code hands such objects to the JDK's
 *       methods that may run them on other threads (a parallel stream's operations, a
 *       {@code CompletableFuture}'s stages, a JDK executor's {@code submit}), which keep them
 *       to themselves, so the wrapper is never seen by user code ({@link Handoff}).
 *   <li>{@code made} is for a lambda or method reference that woven code has just made: it
 *       carries the scope it was made in, and runs in it wherever it runs as handed-over work
 *       of no one else's, such as a task of a pool or of a parallel stream; a thread that runs a
 *       test's own work and calls it, as a lambda kept in a field, runs it in its own scope, and
 *       a hand-over that keeps it as it is ({@code execute}) makes it run in the scope of that
 *       hand-over instead ({@link Handover#enter(Object)}). The weaver puts the call right after
 *       the instruction that makes the lambda ({@code dev.trap.weaver.internal.LambdaCarrier}),
 *       so no one has seen the lambda before; change both together.
 * </ul>
 *
 * <p>One class per interface, all of one shape, so that a carried call allocates nothing: a
 * parallel stream calls them once per element. {@link #forType} finds the {@code carry} methods
 * by reflection. Not an API: only woven code may call it.
 */
public final class Carriers {

  private static final Map<Class<?>, MethodHandle> BY_TYPE = byType();

  private Carriers() {
  }

  /**
   * @param type a parameter's type
   * @return {@code (type)type} that carries an object of it, or null if the type is not carried
   */
  static MethodHandle forType(Class<?> type) {
    return BY_TYPE.get(type);
  }

  /** @return true if the object is a lambda made by woven code, which carries its own scope */
  static boolean isMade(Object function) {
    return function instanceof Carried && ((Carried<?>) function).handover.isMade();
  }

  /** @return true if the object carries a scope, made or handed over */
  static boolean isCarried(Object function) {
    return function instanceof Carried;
  }

  private static Map<Class<?>, MethodHandle> byType() {
    Map<Class<?>, MethodHandle> carriers = new HashMap<Class<?>, MethodHandle>();
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    for (Method method : Carriers.class.getDeclaredMethods()) {
      if (method.getName().equals("carry") && method.getParameterTypes().length == 1
          && Modifier.isStatic(method.getModifiers())) {
        try {
          carriers.put(method.getParameterTypes()[0], lookup.unreflect(method));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return carriers;
  }

  /** A collector whose functions run in the scope it was handed over in. */
  static <T, A, R> Collector<T, A, R> carry(final Collector<T, A, R> collector) {
    final Handover handover = Handover.now();
    if (collector == null || handover == null) {
      return collector;
    }
    final Supplier<A> supplier = new CarriedSupplier<A>(collector.supplier(), handover);
    final BiConsumer<A, T> accumulator =
        new CarriedBiConsumer<A, T>(collector.accumulator(), handover);
    final BinaryOperator<A> combiner = new CarriedBinaryOperator<A>(collector.combiner(), handover);
    final Function<A, R> finisher = new CarriedFunction<A, R>(collector.finisher(), handover);
    return new Collector<T, A, R>() {
      @Override
      public Supplier<A> supplier() {
        return supplier;
      }

      @Override
      public BiConsumer<A, T> accumulator() {
        return accumulator;
      }

      @Override
      public BinaryOperator<A> combiner() {
        return combiner;
      }

      @Override
      public Function<A, R> finisher() {
        return finisher;
      }

      @Override
      public Set<Characteristics> characteristics() {
        return collector.characteristics();
      }

      @Override
      public String toString() {
        return collector.toString();
      }
    };
  }

  static <T, U> BiConsumer<T, U> carry(BiConsumer<T, U> fn) {
    Handover handover = Handover.now();
    return fn == null || handover == null ? fn : new CarriedBiConsumer<>(fn, handover);
  }

  /** @return the lambda, carrying the scope it is made in */
  public static <T, U> BiConsumer<T, U> made(BiConsumer<T, U> lambda) {
    Handover handover = Handover.made();
    return lambda == null || handover == null ? lambda : new CarriedBiConsumer<>(lambda, handover);
  }

  static <T, U, R> BiFunction<T, U, R> carry(BiFunction<T, U, R> fn) {
    Handover handover = Handover.now();
    return fn == null || handover == null ? fn : new CarriedBiFunction<>(fn, handover);
  }

  /** @return the lambda, carrying the scope it is made in */
  public static <T, U, R> BiFunction<T, U, R> made(BiFunction<T, U, R> lambda) {
    Handover handover = Handover.made();
    return lambda == null || handover == null ? lambda : new CarriedBiFunction<>(lambda, handover);
  }

  static <T> BinaryOperator<T> carry(BinaryOperator<T> fn) {
    Handover handover = Handover.now();
    return fn == null || handover == null ? fn : new CarriedBinaryOperator<>(fn, handover);
  }

  /** @return the lambda, carrying the scope it is made in */
  public static <T> BinaryOperator<T> made(BinaryOperator<T> lambda) {
    Handover handover = Handover.made();
    return lambda == null || handover == null ? lambda : new CarriedBinaryOperator<>(lambda, handover);
  }

  static <T, U> BiPredicate<T, U> carry(BiPredicate<T, U> fn) {
    Handover handover = Handover.now();
    return fn == null || handover == null ? fn : new CarriedBiPredicate<>(fn, handover);
  }

  /** @return the lambda, carrying the scope it is made in */
  public static <T, U> BiPredicate<T, U> made(BiPredicate<T, U> lambda) {
    Handover handover = Handover.made();
    return lambda == null || handover == null ? lambda : new CarriedBiPredicate<>(lambda, handover);
  }

  static BooleanSupplier carry(BooleanSupplier fn) {
    Handover handover = Handover.now();
    return fn == null || handover == null ? fn : new CarriedBooleanSupplier(fn, handover);
  }

  /** @return the lambda, carrying the scope it is made in */
  public static BooleanSupplier made(BooleanSupplier lambda) {
    Handover handover = Handover.made();
    return lambda == null || handover == null ? lambda : new CarriedBooleanSupplier(lambda, handover);
  }

  static <T> Consumer<T> carry(Consumer<T> fn) {
    Handover handover = Handover.now();
    return fn == null || handover == null ? fn : new CarriedConsumer<>(fn, handover);
  }

  /** @return the lambda, carrying the scope it is made in */
  public static <T> Consumer<T> made(Consumer<T> lambda) {
    Handover handover = Handover.made();
    return lambda == null || handover == null ? lambda : new CarriedConsumer<>(lambda, handover);
  }

  static DoubleBinaryOperator carry(DoubleBinaryOperator fn) {
    Handover handover = Handover.now();
    return fn == null || handover == null ? fn : new CarriedDoubleBinaryOperator(fn, handover);
  }

  /** @return the lambda, carrying the scope it is made in */
  public static DoubleBinaryOperator made(DoubleBinaryOperator lambda) {
    Handover handover = Handover.made();
    return lambda == null || handover == null ? lambda : new CarriedDoubleBinaryOperator(lambda, handover);
  }

  static DoubleConsumer carry(DoubleConsumer fn) {
    Handover handover = Handover.now();
    return fn == null || handover == null ? fn : new CarriedDoubleConsumer(fn, handover);
  }

  /** @return the lambda, carrying the scope it is made in */
  public static DoubleConsumer made(DoubleConsumer lambda) {
    Handover handover = Handover.made();
    return lambda == null || handover == null ? lambda : new CarriedDoubleConsumer(lambda, handover);
  }

  static <R> DoubleFunction<R> carry(DoubleFunction<R> fn) {
    Handover handover = Handover.now();
    return fn == null || handover == null ? fn : new CarriedDoubleFunction<>(fn, handover);
  }

  /** @return the lambda, carrying the scope it is made in */
  public static <R> DoubleFunction<R> made(DoubleFunction<R> lambda) {
    Handover handover = Handover.made();
    return lambda == null || handover == null ? lambda : new CarriedDoubleFunction<>(lambda, handover);
  }

  static DoublePredicate carry(DoublePredicate fn) {
    Handover handover = Handover.now();
    return fn == null || handover == null ? fn : new CarriedDoublePredicate(fn, handover);
  }

  /** @return the lambda, carrying the scope it is made in */
  public static DoublePredicate made(DoublePredicate lambda) {
    Handover handover = Handover.made();
    return lambda == null || handover == null ? lambda : new CarriedDoublePredicate(lambda, handover);
  }

  static DoubleSupplier carry(DoubleSupplier fn) {
    Handover handover = Handover.now();
    return fn == null || handover == null ? fn : new CarriedDoubleSupplier(fn, handover);
  }

  /** @return the lambda, carrying the scope it is made in */
  public static DoubleSupplier made(DoubleSupplier lambda) {
    Handover handover = Handover.made();
    return lambda == null || handover == null ? lambda : new CarriedDoubleSupplier(lambda, handover);
  }

  static DoubleToIntFunction carry(DoubleToIntFunction fn) {
    Handover handover = Handover.now();
    return fn == null || handover == null ? fn : new CarriedDoubleToIntFunction(fn, handover);
  }

  /** @return the lambda, carrying the scope it is made in */
  public static DoubleToIntFunction made(DoubleToIntFunction lambda) {
    Handover handover = Handover.made();
    return lambda == null || handover == null ? lambda : new CarriedDoubleToIntFunction(lambda, handover);
  }

  static DoubleToLongFunction carry(DoubleToLongFunction fn) {
    Handover handover = Handover.now();
    return fn == null || handover == null ? fn : new CarriedDoubleToLongFunction(fn, handover);
  }

  /** @return the lambda, carrying the scope it is made in */
  public static DoubleToLongFunction made(DoubleToLongFunction lambda) {
    Handover handover = Handover.made();
    return lambda == null || handover == null ? lambda : new CarriedDoubleToLongFunction(lambda, handover);
  }

  static DoubleUnaryOperator carry(DoubleUnaryOperator fn) {
    Handover handover = Handover.now();
    return fn == null || handover == null ? fn : new CarriedDoubleUnaryOperator(fn, handover);
  }

  /** @return the lambda, carrying the scope it is made in */
  public static DoubleUnaryOperator made(DoubleUnaryOperator lambda) {
    Handover handover = Handover.made();
    return lambda == null || handover == null ? lambda : new CarriedDoubleUnaryOperator(lambda, handover);
  }

  static <T, R> Function<T, R> carry(Function<T, R> fn) {
    Handover handover = Handover.now();
    return fn == null || handover == null ? fn : new CarriedFunction<>(fn, handover);
  }

  /** @return the lambda, carrying the scope it is made in */
  public static <T, R> Function<T, R> made(Function<T, R> lambda) {
    Handover handover = Handover.made();
    return lambda == null || handover == null ? lambda : new CarriedFunction<>(lambda, handover);
  }

  static IntBinaryOperator carry(IntBinaryOperator fn) {
    Handover handover = Handover.now();
    return fn == null || handover == null ? fn : new CarriedIntBinaryOperator(fn, handover);
  }

  /** @return the lambda, carrying the scope it is made in */
  public static IntBinaryOperator made(IntBinaryOperator lambda) {
    Handover handover = Handover.made();
    return lambda == null || handover == null ? lambda : new CarriedIntBinaryOperator(lambda, handover);
  }

  static IntConsumer carry(IntConsumer fn) {
    Handover handover = Handover.now();
    return fn == null || handover == null ? fn : new CarriedIntConsumer(fn, handover);
  }

  /** @return the lambda, carrying the scope it is made in */
  public static IntConsumer made(IntConsumer lambda) {
    Handover handover = Handover.made();
    return lambda == null || handover == null ? lambda : new CarriedIntConsumer(lambda, handover);
  }

  static <R> IntFunction<R> carry(IntFunction<R> fn) {
    Handover handover = Handover.now();
    return fn == null || handover == null ? fn : new CarriedIntFunction<>(fn, handover);
  }

  /** @return the lambda, carrying the scope it is made in */
  public static <R> IntFunction<R> made(IntFunction<R> lambda) {
    Handover handover = Handover.made();
    return lambda == null || handover == null ? lambda : new CarriedIntFunction<>(lambda, handover);
  }

  static IntPredicate carry(IntPredicate fn) {
    Handover handover = Handover.now();
    return fn == null || handover == null ? fn : new CarriedIntPredicate(fn, handover);
  }

  /** @return the lambda, carrying the scope it is made in */
  public static IntPredicate made(IntPredicate lambda) {
    Handover handover = Handover.made();
    return lambda == null || handover == null ? lambda : new CarriedIntPredicate(lambda, handover);
  }

  static IntSupplier carry(IntSupplier fn) {
    Handover handover = Handover.now();
    return fn == null || handover == null ? fn : new CarriedIntSupplier(fn, handover);
  }

  /** @return the lambda, carrying the scope it is made in */
  public static IntSupplier made(IntSupplier lambda) {
    Handover handover = Handover.made();
    return lambda == null || handover == null ? lambda : new CarriedIntSupplier(lambda, handover);
  }

  static IntToDoubleFunction carry(IntToDoubleFunction fn) {
    Handover handover = Handover.now();
    return fn == null || handover == null ? fn : new CarriedIntToDoubleFunction(fn, handover);
  }

  /** @return the lambda, carrying the scope it is made in */
  public static IntToDoubleFunction made(IntToDoubleFunction lambda) {
    Handover handover = Handover.made();
    return lambda == null || handover == null ? lambda : new CarriedIntToDoubleFunction(lambda, handover);
  }

  static IntToLongFunction carry(IntToLongFunction fn) {
    Handover handover = Handover.now();
    return fn == null || handover == null ? fn : new CarriedIntToLongFunction(fn, handover);
  }

  /** @return the lambda, carrying the scope it is made in */
  public static IntToLongFunction made(IntToLongFunction lambda) {
    Handover handover = Handover.made();
    return lambda == null || handover == null ? lambda : new CarriedIntToLongFunction(lambda, handover);
  }

  static IntUnaryOperator carry(IntUnaryOperator fn) {
    Handover handover = Handover.now();
    return fn == null || handover == null ? fn : new CarriedIntUnaryOperator(fn, handover);
  }

  /** @return the lambda, carrying the scope it is made in */
  public static IntUnaryOperator made(IntUnaryOperator lambda) {
    Handover handover = Handover.made();
    return lambda == null || handover == null ? lambda : new CarriedIntUnaryOperator(lambda, handover);
  }

  static LongBinaryOperator carry(LongBinaryOperator fn) {
    Handover handover = Handover.now();
    return fn == null || handover == null ? fn : new CarriedLongBinaryOperator(fn, handover);
  }

  /** @return the lambda, carrying the scope it is made in */
  public static LongBinaryOperator made(LongBinaryOperator lambda) {
    Handover handover = Handover.made();
    return lambda == null || handover == null ? lambda : new CarriedLongBinaryOperator(lambda, handover);
  }

  static LongConsumer carry(LongConsumer fn) {
    Handover handover = Handover.now();
    return fn == null || handover == null ? fn : new CarriedLongConsumer(fn, handover);
  }

  /** @return the lambda, carrying the scope it is made in */
  public static LongConsumer made(LongConsumer lambda) {
    Handover handover = Handover.made();
    return lambda == null || handover == null ? lambda : new CarriedLongConsumer(lambda, handover);
  }

  static <R> LongFunction<R> carry(LongFunction<R> fn) {
    Handover handover = Handover.now();
    return fn == null || handover == null ? fn : new CarriedLongFunction<>(fn, handover);
  }

  /** @return the lambda, carrying the scope it is made in */
  public static <R> LongFunction<R> made(LongFunction<R> lambda) {
    Handover handover = Handover.made();
    return lambda == null || handover == null ? lambda : new CarriedLongFunction<>(lambda, handover);
  }

  static LongPredicate carry(LongPredicate fn) {
    Handover handover = Handover.now();
    return fn == null || handover == null ? fn : new CarriedLongPredicate(fn, handover);
  }

  /** @return the lambda, carrying the scope it is made in */
  public static LongPredicate made(LongPredicate lambda) {
    Handover handover = Handover.made();
    return lambda == null || handover == null ? lambda : new CarriedLongPredicate(lambda, handover);
  }

  static LongSupplier carry(LongSupplier fn) {
    Handover handover = Handover.now();
    return fn == null || handover == null ? fn : new CarriedLongSupplier(fn, handover);
  }

  /** @return the lambda, carrying the scope it is made in */
  public static LongSupplier made(LongSupplier lambda) {
    Handover handover = Handover.made();
    return lambda == null || handover == null ? lambda : new CarriedLongSupplier(lambda, handover);
  }

  static LongToDoubleFunction carry(LongToDoubleFunction fn) {
    Handover handover = Handover.now();
    return fn == null || handover == null ? fn : new CarriedLongToDoubleFunction(fn, handover);
  }

  /** @return the lambda, carrying the scope it is made in */
  public static LongToDoubleFunction made(LongToDoubleFunction lambda) {
    Handover handover = Handover.made();
    return lambda == null || handover == null ? lambda : new CarriedLongToDoubleFunction(lambda, handover);
  }

  static LongToIntFunction carry(LongToIntFunction fn) {
    Handover handover = Handover.now();
    return fn == null || handover == null ? fn : new CarriedLongToIntFunction(fn, handover);
  }

  /** @return the lambda, carrying the scope it is made in */
  public static LongToIntFunction made(LongToIntFunction lambda) {
    Handover handover = Handover.made();
    return lambda == null || handover == null ? lambda : new CarriedLongToIntFunction(lambda, handover);
  }

  static LongUnaryOperator carry(LongUnaryOperator fn) {
    Handover handover = Handover.now();
    return fn == null || handover == null ? fn : new CarriedLongUnaryOperator(fn, handover);
  }

  /** @return the lambda, carrying the scope it is made in */
  public static LongUnaryOperator made(LongUnaryOperator lambda) {
    Handover handover = Handover.made();
    return lambda == null || handover == null ? lambda : new CarriedLongUnaryOperator(lambda, handover);
  }

  static <T> ObjDoubleConsumer<T> carry(ObjDoubleConsumer<T> fn) {
    Handover handover = Handover.now();
    return fn == null || handover == null ? fn : new CarriedObjDoubleConsumer<>(fn, handover);
  }

  /** @return the lambda, carrying the scope it is made in */
  public static <T> ObjDoubleConsumer<T> made(ObjDoubleConsumer<T> lambda) {
    Handover handover = Handover.made();
    return lambda == null || handover == null ? lambda : new CarriedObjDoubleConsumer<>(lambda, handover);
  }

  static <T> ObjIntConsumer<T> carry(ObjIntConsumer<T> fn) {
    Handover handover = Handover.now();
    return fn == null || handover == null ? fn : new CarriedObjIntConsumer<>(fn, handover);
  }

  /** @return the lambda, carrying the scope it is made in */
  public static <T> ObjIntConsumer<T> made(ObjIntConsumer<T> lambda) {
    Handover handover = Handover.made();
    return lambda == null || handover == null ? lambda : new CarriedObjIntConsumer<>(lambda, handover);
  }

  static <T> ObjLongConsumer<T> carry(ObjLongConsumer<T> fn) {
    Handover handover = Handover.now();
    return fn == null || handover == null ? fn : new CarriedObjLongConsumer<>(fn, handover);
  }

  /** @return the lambda, carrying the scope it is made in */
  public static <T> ObjLongConsumer<T> made(ObjLongConsumer<T> lambda) {
    Handover handover = Handover.made();
    return lambda == null || handover == null ? lambda : new CarriedObjLongConsumer<>(lambda, handover);
  }

  static <T> Predicate<T> carry(Predicate<T> fn) {
    Handover handover = Handover.now();
    return fn == null || handover == null ? fn : new CarriedPredicate<>(fn, handover);
  }

  /** @return the lambda, carrying the scope it is made in */
  public static <T> Predicate<T> made(Predicate<T> lambda) {
    Handover handover = Handover.made();
    return lambda == null || handover == null ? lambda : new CarriedPredicate<>(lambda, handover);
  }

  static <T> Supplier<T> carry(Supplier<T> fn) {
    Handover handover = Handover.now();
    return fn == null || handover == null ? fn : new CarriedSupplier<>(fn, handover);
  }

  /** @return the lambda, carrying the scope it is made in */
  public static <T> Supplier<T> made(Supplier<T> lambda) {
    Handover handover = Handover.made();
    return lambda == null || handover == null ? lambda : new CarriedSupplier<>(lambda, handover);
  }

  static <T, U> ToDoubleBiFunction<T, U> carry(ToDoubleBiFunction<T, U> fn) {
    Handover handover = Handover.now();
    return fn == null || handover == null ? fn : new CarriedToDoubleBiFunction<>(fn, handover);
  }

  /** @return the lambda, carrying the scope it is made in */
  public static <T, U> ToDoubleBiFunction<T, U> made(ToDoubleBiFunction<T, U> lambda) {
    Handover handover = Handover.made();
    return lambda == null || handover == null ? lambda : new CarriedToDoubleBiFunction<>(lambda, handover);
  }

  static <T> ToDoubleFunction<T> carry(ToDoubleFunction<T> fn) {
    Handover handover = Handover.now();
    return fn == null || handover == null ? fn : new CarriedToDoubleFunction<>(fn, handover);
  }

  /** @return the lambda, carrying the scope it is made in */
  public static <T> ToDoubleFunction<T> made(ToDoubleFunction<T> lambda) {
    Handover handover = Handover.made();
    return lambda == null || handover == null ? lambda : new CarriedToDoubleFunction<>(lambda, handover);
  }

  static <T, U> ToIntBiFunction<T, U> carry(ToIntBiFunction<T, U> fn) {
    Handover handover = Handover.now();
    return fn == null || handover == null ? fn : new CarriedToIntBiFunction<>(fn, handover);
  }

  /** @return the lambda, carrying the scope it is made in */
  public static <T, U> ToIntBiFunction<T, U> made(ToIntBiFunction<T, U> lambda) {
    Handover handover = Handover.made();
    return lambda == null || handover == null ? lambda : new CarriedToIntBiFunction<>(lambda, handover);
  }

  static <T> ToIntFunction<T> carry(ToIntFunction<T> fn) {
    Handover handover = Handover.now();
    return fn == null || handover == null ? fn : new CarriedToIntFunction<>(fn, handover);
  }

  /** @return the lambda, carrying the scope it is made in */
  public static <T> ToIntFunction<T> made(ToIntFunction<T> lambda) {
    Handover handover = Handover.made();
    return lambda == null || handover == null ? lambda : new CarriedToIntFunction<>(lambda, handover);
  }

  static <T, U> ToLongBiFunction<T, U> carry(ToLongBiFunction<T, U> fn) {
    Handover handover = Handover.now();
    return fn == null || handover == null ? fn : new CarriedToLongBiFunction<>(fn, handover);
  }

  /** @return the lambda, carrying the scope it is made in */
  public static <T, U> ToLongBiFunction<T, U> made(ToLongBiFunction<T, U> lambda) {
    Handover handover = Handover.made();
    return lambda == null || handover == null ? lambda : new CarriedToLongBiFunction<>(lambda, handover);
  }

  static <T> ToLongFunction<T> carry(ToLongFunction<T> fn) {
    Handover handover = Handover.now();
    return fn == null || handover == null ? fn : new CarriedToLongFunction<>(fn, handover);
  }

  /** @return the lambda, carrying the scope it is made in */
  public static <T> ToLongFunction<T> made(ToLongFunction<T> lambda) {
    Handover handover = Handover.made();
    return lambda == null || handover == null ? lambda : new CarriedToLongFunction<>(lambda, handover);
  }

  static <T> UnaryOperator<T> carry(UnaryOperator<T> fn) {
    Handover handover = Handover.now();
    return fn == null || handover == null ? fn : new CarriedUnaryOperator<>(fn, handover);
  }

  /** @return the lambda, carrying the scope it is made in */
  public static <T> UnaryOperator<T> made(UnaryOperator<T> lambda) {
    Handover handover = Handover.made();
    return lambda == null || handover == null ? lambda : new CarriedUnaryOperator<>(lambda, handover);
  }

  static Runnable carry(Runnable fn) {
    Handover handover = Handover.now();
    return fn == null || handover == null ? fn : new CarriedRunnable(fn, handover);
  }

  /** @return the lambda, carrying the scope it is made in */
  public static Runnable made(Runnable lambda) {
    Handover handover = Handover.made();
    return lambda == null || handover == null ? lambda : new CarriedRunnable(lambda, handover);
  }

  static <V> Callable<V> carry(Callable<V> fn) {
    Handover handover = Handover.now();
    return fn == null || handover == null ? fn : new CarriedCallable<>(fn, handover);
  }

  /** @return the lambda, carrying the scope it is made in */
  public static <V> Callable<V> made(Callable<V> lambda) {
    Handover handover = Handover.made();
    return lambda == null || handover == null ? lambda : new CarriedCallable<>(lambda, handover);
  }

  static <T> Comparator<T> carry(Comparator<T> fn) {
    Handover handover = Handover.now();
    return fn == null || handover == null ? fn : new CarriedComparator<>(fn, handover);
  }

  /**
   * What every carrier is: the object it carries and the hand-over it carries it in. User code
   * may hold a carrier (a lambda made by woven code), so it behaves as the object: it shows as
   * it, and is equal only to itself, as a lambda is.
   */
  abstract static class Carried<F> {
    final F fn;
    final Handover handover;
    /**
     * A hand-over of this object as a task, kept as it is ({@code execute}), not yet taken by a
     * run; {@link Handover#UNTOLD} if two scopes handed it over. Guarded by this: held here, not
     * in {@link CarriedTasks}' map, as this object is the runtime's own.
     */
    private Handover pending;
    private int pendingRuns;

    Carried(F fn, Handover handover) {
      this.fn = fn;
      this.handover = handover;
    }

    /** Carries a hand-over for the next run, as {@link CarriedTasks} does for other tasks. */
    synchronized void handOver(Handover another) {
      if (pendingRuns == 0) {
        pending = another;
      } else if (pending != Handover.UNTOLD && pending.scope != another.scope) {
        dev.trap.internal.dispatch.Reports.handedOverTwice(fn, pending.scope, another.scope);
        pending = Handover.UNTOLD;
      }
      pendingRuns++;
    }

    /**
     * @return the hand-over this run takes, or null: none pending, or a thread that runs a
     *     test's own work in another scope calls it as its own code
     */
    synchronized Handover takeHandover(ThreadState state) {
      if (pendingRuns == 0
          || state.scope != pending.scope && state.runsOwnWork()) {
        return null;
      }
      Handover taken = pending;
      if (--pendingRuns == 0) {
        pending = null;
      }
      return taken;
    }

    @Override
    public String toString() {
      return fn.toString();
    }
  }

  private static final class CarriedBiConsumer<T, U> extends Carried<BiConsumer<T, U>> implements BiConsumer<T, U> {
    CarriedBiConsumer(BiConsumer<T, U> fn, Handover handover) {
      super(fn, handover);
    }

    @Override
    public void accept(T a, U b) {
      ThreadState state = handover.enter(this);
      try {
        fn.accept(a, b);
      } finally {
        state.leave();
      }
    }
  }

  private static final class CarriedBiFunction<T, U, R> extends Carried<BiFunction<T, U, R>> implements BiFunction<T, U, R> {
    CarriedBiFunction(BiFunction<T, U, R> fn, Handover handover) {
      super(fn, handover);
    }

    @Override
    public R apply(T a, U b) {
      ThreadState state = handover.enter(this);
      try {
        return fn.apply(a, b);
      } finally {
        state.leave();
      }
    }
  }

  private static final class CarriedBinaryOperator<T> extends Carried<BinaryOperator<T>> implements BinaryOperator<T> {
    CarriedBinaryOperator(BinaryOperator<T> fn, Handover handover) {
      super(fn, handover);
    }

    @Override
    public T apply(T a, T b) {
      ThreadState state = handover.enter(this);
      try {
        return fn.apply(a, b);
      } finally {
        state.leave();
      }
    }
  }

  private static final class CarriedBiPredicate<T, U> extends Carried<BiPredicate<T, U>> implements BiPredicate<T, U> {
    CarriedBiPredicate(BiPredicate<T, U> fn, Handover handover) {
      super(fn, handover);
    }

    @Override
    public boolean test(T a, U b) {
      ThreadState state = handover.enter(this);
      try {
        return fn.test(a, b);
      } finally {
        state.leave();
      }
    }
  }

  private static final class CarriedBooleanSupplier extends Carried<BooleanSupplier> implements BooleanSupplier {
    CarriedBooleanSupplier(BooleanSupplier fn, Handover handover) {
      super(fn, handover);
    }

    @Override
    public boolean getAsBoolean() {
      ThreadState state = handover.enter(this);
      try {
        return fn.getAsBoolean();
      } finally {
        state.leave();
      }
    }
  }

  private static final class CarriedConsumer<T> extends Carried<Consumer<T>> implements Consumer<T> {
    CarriedConsumer(Consumer<T> fn, Handover handover) {
      super(fn, handover);
    }

    @Override
    public void accept(T a) {
      ThreadState state = handover.enter(this);
      try {
        fn.accept(a);
      } finally {
        state.leave();
      }
    }
  }

  private static final class CarriedDoubleBinaryOperator extends Carried<DoubleBinaryOperator> implements DoubleBinaryOperator {
    CarriedDoubleBinaryOperator(DoubleBinaryOperator fn, Handover handover) {
      super(fn, handover);
    }

    @Override
    public double applyAsDouble(double a, double b) {
      ThreadState state = handover.enter(this);
      try {
        return fn.applyAsDouble(a, b);
      } finally {
        state.leave();
      }
    }
  }

  private static final class CarriedDoubleConsumer extends Carried<DoubleConsumer> implements DoubleConsumer {
    CarriedDoubleConsumer(DoubleConsumer fn, Handover handover) {
      super(fn, handover);
    }

    @Override
    public void accept(double a) {
      ThreadState state = handover.enter(this);
      try {
        fn.accept(a);
      } finally {
        state.leave();
      }
    }
  }

  private static final class CarriedDoubleFunction<R> extends Carried<DoubleFunction<R>> implements DoubleFunction<R> {
    CarriedDoubleFunction(DoubleFunction<R> fn, Handover handover) {
      super(fn, handover);
    }

    @Override
    public R apply(double a) {
      ThreadState state = handover.enter(this);
      try {
        return fn.apply(a);
      } finally {
        state.leave();
      }
    }
  }

  private static final class CarriedDoublePredicate extends Carried<DoublePredicate> implements DoublePredicate {
    CarriedDoublePredicate(DoublePredicate fn, Handover handover) {
      super(fn, handover);
    }

    @Override
    public boolean test(double a) {
      ThreadState state = handover.enter(this);
      try {
        return fn.test(a);
      } finally {
        state.leave();
      }
    }
  }

  private static final class CarriedDoubleSupplier extends Carried<DoubleSupplier> implements DoubleSupplier {
    CarriedDoubleSupplier(DoubleSupplier fn, Handover handover) {
      super(fn, handover);
    }

    @Override
    public double getAsDouble() {
      ThreadState state = handover.enter(this);
      try {
        return fn.getAsDouble();
      } finally {
        state.leave();
      }
    }
  }

  private static final class CarriedDoubleToIntFunction extends Carried<DoubleToIntFunction> implements DoubleToIntFunction {
    CarriedDoubleToIntFunction(DoubleToIntFunction fn, Handover handover) {
      super(fn, handover);
    }

    @Override
    public int applyAsInt(double a) {
      ThreadState state = handover.enter(this);
      try {
        return fn.applyAsInt(a);
      } finally {
        state.leave();
      }
    }
  }

  private static final class CarriedDoubleToLongFunction extends Carried<DoubleToLongFunction> implements DoubleToLongFunction {
    CarriedDoubleToLongFunction(DoubleToLongFunction fn, Handover handover) {
      super(fn, handover);
    }

    @Override
    public long applyAsLong(double a) {
      ThreadState state = handover.enter(this);
      try {
        return fn.applyAsLong(a);
      } finally {
        state.leave();
      }
    }
  }

  private static final class CarriedDoubleUnaryOperator extends Carried<DoubleUnaryOperator> implements DoubleUnaryOperator {
    CarriedDoubleUnaryOperator(DoubleUnaryOperator fn, Handover handover) {
      super(fn, handover);
    }

    @Override
    public double applyAsDouble(double a) {
      ThreadState state = handover.enter(this);
      try {
        return fn.applyAsDouble(a);
      } finally {
        state.leave();
      }
    }
  }

  private static final class CarriedFunction<T, R> extends Carried<Function<T, R>> implements Function<T, R> {
    CarriedFunction(Function<T, R> fn, Handover handover) {
      super(fn, handover);
    }

    @Override
    public R apply(T a) {
      ThreadState state = handover.enter(this);
      try {
        return fn.apply(a);
      } finally {
        state.leave();
      }
    }
  }

  private static final class CarriedIntBinaryOperator extends Carried<IntBinaryOperator> implements IntBinaryOperator {
    CarriedIntBinaryOperator(IntBinaryOperator fn, Handover handover) {
      super(fn, handover);
    }

    @Override
    public int applyAsInt(int a, int b) {
      ThreadState state = handover.enter(this);
      try {
        return fn.applyAsInt(a, b);
      } finally {
        state.leave();
      }
    }
  }

  private static final class CarriedIntConsumer extends Carried<IntConsumer> implements IntConsumer {
    CarriedIntConsumer(IntConsumer fn, Handover handover) {
      super(fn, handover);
    }

    @Override
    public void accept(int a) {
      ThreadState state = handover.enter(this);
      try {
        fn.accept(a);
      } finally {
        state.leave();
      }
    }
  }

  private static final class CarriedIntFunction<R> extends Carried<IntFunction<R>> implements IntFunction<R> {
    CarriedIntFunction(IntFunction<R> fn, Handover handover) {
      super(fn, handover);
    }

    @Override
    public R apply(int a) {
      ThreadState state = handover.enter(this);
      try {
        return fn.apply(a);
      } finally {
        state.leave();
      }
    }
  }

  private static final class CarriedIntPredicate extends Carried<IntPredicate> implements IntPredicate {
    CarriedIntPredicate(IntPredicate fn, Handover handover) {
      super(fn, handover);
    }

    @Override
    public boolean test(int a) {
      ThreadState state = handover.enter(this);
      try {
        return fn.test(a);
      } finally {
        state.leave();
      }
    }
  }

  private static final class CarriedIntSupplier extends Carried<IntSupplier> implements IntSupplier {
    CarriedIntSupplier(IntSupplier fn, Handover handover) {
      super(fn, handover);
    }

    @Override
    public int getAsInt() {
      ThreadState state = handover.enter(this);
      try {
        return fn.getAsInt();
      } finally {
        state.leave();
      }
    }
  }

  private static final class CarriedIntToDoubleFunction extends Carried<IntToDoubleFunction> implements IntToDoubleFunction {
    CarriedIntToDoubleFunction(IntToDoubleFunction fn, Handover handover) {
      super(fn, handover);
    }

    @Override
    public double applyAsDouble(int a) {
      ThreadState state = handover.enter(this);
      try {
        return fn.applyAsDouble(a);
      } finally {
        state.leave();
      }
    }
  }

  private static final class CarriedIntToLongFunction extends Carried<IntToLongFunction> implements IntToLongFunction {
    CarriedIntToLongFunction(IntToLongFunction fn, Handover handover) {
      super(fn, handover);
    }

    @Override
    public long applyAsLong(int a) {
      ThreadState state = handover.enter(this);
      try {
        return fn.applyAsLong(a);
      } finally {
        state.leave();
      }
    }
  }

  private static final class CarriedIntUnaryOperator extends Carried<IntUnaryOperator> implements IntUnaryOperator {
    CarriedIntUnaryOperator(IntUnaryOperator fn, Handover handover) {
      super(fn, handover);
    }

    @Override
    public int applyAsInt(int a) {
      ThreadState state = handover.enter(this);
      try {
        return fn.applyAsInt(a);
      } finally {
        state.leave();
      }
    }
  }

  private static final class CarriedLongBinaryOperator extends Carried<LongBinaryOperator> implements LongBinaryOperator {
    CarriedLongBinaryOperator(LongBinaryOperator fn, Handover handover) {
      super(fn, handover);
    }

    @Override
    public long applyAsLong(long a, long b) {
      ThreadState state = handover.enter(this);
      try {
        return fn.applyAsLong(a, b);
      } finally {
        state.leave();
      }
    }
  }

  private static final class CarriedLongConsumer extends Carried<LongConsumer> implements LongConsumer {
    CarriedLongConsumer(LongConsumer fn, Handover handover) {
      super(fn, handover);
    }

    @Override
    public void accept(long a) {
      ThreadState state = handover.enter(this);
      try {
        fn.accept(a);
      } finally {
        state.leave();
      }
    }
  }

  private static final class CarriedLongFunction<R> extends Carried<LongFunction<R>> implements LongFunction<R> {
    CarriedLongFunction(LongFunction<R> fn, Handover handover) {
      super(fn, handover);
    }

    @Override
    public R apply(long a) {
      ThreadState state = handover.enter(this);
      try {
        return fn.apply(a);
      } finally {
        state.leave();
      }
    }
  }

  private static final class CarriedLongPredicate extends Carried<LongPredicate> implements LongPredicate {
    CarriedLongPredicate(LongPredicate fn, Handover handover) {
      super(fn, handover);
    }

    @Override
    public boolean test(long a) {
      ThreadState state = handover.enter(this);
      try {
        return fn.test(a);
      } finally {
        state.leave();
      }
    }
  }

  private static final class CarriedLongSupplier extends Carried<LongSupplier> implements LongSupplier {
    CarriedLongSupplier(LongSupplier fn, Handover handover) {
      super(fn, handover);
    }

    @Override
    public long getAsLong() {
      ThreadState state = handover.enter(this);
      try {
        return fn.getAsLong();
      } finally {
        state.leave();
      }
    }
  }

  private static final class CarriedLongToDoubleFunction extends Carried<LongToDoubleFunction> implements LongToDoubleFunction {
    CarriedLongToDoubleFunction(LongToDoubleFunction fn, Handover handover) {
      super(fn, handover);
    }

    @Override
    public double applyAsDouble(long a) {
      ThreadState state = handover.enter(this);
      try {
        return fn.applyAsDouble(a);
      } finally {
        state.leave();
      }
    }
  }

  private static final class CarriedLongToIntFunction extends Carried<LongToIntFunction> implements LongToIntFunction {
    CarriedLongToIntFunction(LongToIntFunction fn, Handover handover) {
      super(fn, handover);
    }

    @Override
    public int applyAsInt(long a) {
      ThreadState state = handover.enter(this);
      try {
        return fn.applyAsInt(a);
      } finally {
        state.leave();
      }
    }
  }

  private static final class CarriedLongUnaryOperator extends Carried<LongUnaryOperator> implements LongUnaryOperator {
    CarriedLongUnaryOperator(LongUnaryOperator fn, Handover handover) {
      super(fn, handover);
    }

    @Override
    public long applyAsLong(long a) {
      ThreadState state = handover.enter(this);
      try {
        return fn.applyAsLong(a);
      } finally {
        state.leave();
      }
    }
  }

  private static final class CarriedObjDoubleConsumer<T> extends Carried<ObjDoubleConsumer<T>> implements ObjDoubleConsumer<T> {
    CarriedObjDoubleConsumer(ObjDoubleConsumer<T> fn, Handover handover) {
      super(fn, handover);
    }

    @Override
    public void accept(T a, double b) {
      ThreadState state = handover.enter(this);
      try {
        fn.accept(a, b);
      } finally {
        state.leave();
      }
    }
  }

  private static final class CarriedObjIntConsumer<T> extends Carried<ObjIntConsumer<T>> implements ObjIntConsumer<T> {
    CarriedObjIntConsumer(ObjIntConsumer<T> fn, Handover handover) {
      super(fn, handover);
    }

    @Override
    public void accept(T a, int b) {
      ThreadState state = handover.enter(this);
      try {
        fn.accept(a, b);
      } finally {
        state.leave();
      }
    }
  }

  private static final class CarriedObjLongConsumer<T> extends Carried<ObjLongConsumer<T>> implements ObjLongConsumer<T> {
    CarriedObjLongConsumer(ObjLongConsumer<T> fn, Handover handover) {
      super(fn, handover);
    }

    @Override
    public void accept(T a, long b) {
      ThreadState state = handover.enter(this);
      try {
        fn.accept(a, b);
      } finally {
        state.leave();
      }
    }
  }

  private static final class CarriedPredicate<T> extends Carried<Predicate<T>> implements Predicate<T> {
    CarriedPredicate(Predicate<T> fn, Handover handover) {
      super(fn, handover);
    }

    @Override
    public boolean test(T a) {
      ThreadState state = handover.enter(this);
      try {
        return fn.test(a);
      } finally {
        state.leave();
      }
    }
  }

  private static final class CarriedSupplier<T> extends Carried<Supplier<T>> implements Supplier<T> {
    CarriedSupplier(Supplier<T> fn, Handover handover) {
      super(fn, handover);
    }

    @Override
    public T get() {
      ThreadState state = handover.enter(this);
      try {
        return fn.get();
      } finally {
        state.leave();
      }
    }
  }

  private static final class CarriedToDoubleBiFunction<T, U> extends Carried<ToDoubleBiFunction<T, U>> implements ToDoubleBiFunction<T, U> {
    CarriedToDoubleBiFunction(ToDoubleBiFunction<T, U> fn, Handover handover) {
      super(fn, handover);
    }

    @Override
    public double applyAsDouble(T a, U b) {
      ThreadState state = handover.enter(this);
      try {
        return fn.applyAsDouble(a, b);
      } finally {
        state.leave();
      }
    }
  }

  private static final class CarriedToDoubleFunction<T> extends Carried<ToDoubleFunction<T>> implements ToDoubleFunction<T> {
    CarriedToDoubleFunction(ToDoubleFunction<T> fn, Handover handover) {
      super(fn, handover);
    }

    @Override
    public double applyAsDouble(T a) {
      ThreadState state = handover.enter(this);
      try {
        return fn.applyAsDouble(a);
      } finally {
        state.leave();
      }
    }
  }

  private static final class CarriedToIntBiFunction<T, U> extends Carried<ToIntBiFunction<T, U>> implements ToIntBiFunction<T, U> {
    CarriedToIntBiFunction(ToIntBiFunction<T, U> fn, Handover handover) {
      super(fn, handover);
    }

    @Override
    public int applyAsInt(T a, U b) {
      ThreadState state = handover.enter(this);
      try {
        return fn.applyAsInt(a, b);
      } finally {
        state.leave();
      }
    }
  }

  private static final class CarriedToIntFunction<T> extends Carried<ToIntFunction<T>> implements ToIntFunction<T> {
    CarriedToIntFunction(ToIntFunction<T> fn, Handover handover) {
      super(fn, handover);
    }

    @Override
    public int applyAsInt(T a) {
      ThreadState state = handover.enter(this);
      try {
        return fn.applyAsInt(a);
      } finally {
        state.leave();
      }
    }
  }

  private static final class CarriedToLongBiFunction<T, U> extends Carried<ToLongBiFunction<T, U>> implements ToLongBiFunction<T, U> {
    CarriedToLongBiFunction(ToLongBiFunction<T, U> fn, Handover handover) {
      super(fn, handover);
    }

    @Override
    public long applyAsLong(T a, U b) {
      ThreadState state = handover.enter(this);
      try {
        return fn.applyAsLong(a, b);
      } finally {
        state.leave();
      }
    }
  }

  private static final class CarriedToLongFunction<T> extends Carried<ToLongFunction<T>> implements ToLongFunction<T> {
    CarriedToLongFunction(ToLongFunction<T> fn, Handover handover) {
      super(fn, handover);
    }

    @Override
    public long applyAsLong(T a) {
      ThreadState state = handover.enter(this);
      try {
        return fn.applyAsLong(a);
      } finally {
        state.leave();
      }
    }
  }

  private static final class CarriedUnaryOperator<T> extends Carried<UnaryOperator<T>> implements UnaryOperator<T> {
    CarriedUnaryOperator(UnaryOperator<T> fn, Handover handover) {
      super(fn, handover);
    }

    @Override
    public T apply(T a) {
      ThreadState state = handover.enter(this);
      try {
        return fn.apply(a);
      } finally {
        state.leave();
      }
    }
  }

  private static final class CarriedRunnable extends Carried<Runnable> implements Runnable {
    CarriedRunnable(Runnable fn, Handover handover) {
      super(fn, handover);
    }

    @Override
    public void run() {
      ThreadState state = handover.enter(this);
      try {
        fn.run();
      } finally {
        state.leave();
      }
    }
  }

  private static final class CarriedCallable<V> extends Carried<Callable<V>> implements Callable<V> {
    CarriedCallable(Callable<V> fn, Handover handover) {
      super(fn, handover);
    }

    @Override
    public V call() throws Exception {
      ThreadState state = handover.enter(this);
      try {
        return fn.call();
      } finally {
        state.leave();
      }
    }
  }

  private static final class CarriedComparator<T> extends Carried<Comparator<T>> implements Comparator<T> {
    CarriedComparator(Comparator<T> fn, Handover handover) {
      super(fn, handover);
    }

    @Override
    public int compare(T a, T b) {
      ThreadState state = handover.enter(this);
      try {
        return fn.compare(a, b);
      } finally {
        state.leave();
      }
    }
  }
}
