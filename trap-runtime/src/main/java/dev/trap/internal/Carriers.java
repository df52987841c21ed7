package dev.trap.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collections;
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
 *       carries the scope it was made in, and runs in it wherever it runs as handed-over work,
 *       such as a task of a pool or of a parallel stream; a thread that runs a test's own work
 *       and calls it, as a lambda kept in a field, runs it in its own scope
 *       ({@link Handover#made()}). The weaver puts the call right after the instruction that
 *       makes the lambda ({@code dev.trap.weaver.internal.LambdaCarrier}), so the lambda is
 *       seen by no one before; change both together.
 * </ul>
 *
 * <p>One method per interface, all of one shape, so that a carried call allocates nothing: a
 * parallel stream calls them once per element. {@link #forType} finds them by reflection. Not
 * an API: only woven code may call it.
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

  /** @return the functional types carried */
  static Set<Class<?>> types() {
    return Collections.unmodifiableSet(BY_TYPE.keySet());
  }

  private static Map<Class<?>, MethodHandle> byType() {
    Map<Class<?>, MethodHandle> carriers = new HashMap<Class<?>, MethodHandle>();
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    for (Method method : Carriers.class.getDeclaredMethods()) {
      if (method.getName().equals("carry") && method.getParameterTypes().length == 1
          && !Modifier.isPrivate(method.getModifiers())) {
        try {
          carriers.put(method.getParameterTypes()[0], lookup.unreflect(method));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return carriers;
  }

  /** @return the lambda, carrying the scope it is made in */
  public static <T, U> BiConsumer<T, U> made(BiConsumer<T, U> lambda) {
    return carry(lambda, Handover.made());
  }

  /** @return the lambda, carrying the scope it is made in */
  public static <T, U, R> BiFunction<T, U, R> made(BiFunction<T, U, R> lambda) {
    return carry(lambda, Handover.made());
  }

  /** @return the lambda, carrying the scope it is made in */
  public static <T> BinaryOperator<T> made(BinaryOperator<T> lambda) {
    return carry(lambda, Handover.made());
  }

  /** @return the lambda, carrying the scope it is made in */
  public static <T, U> BiPredicate<T, U> made(BiPredicate<T, U> lambda) {
    return carry(lambda, Handover.made());
  }

  /** @return the lambda, carrying the scope it is made in */
  public static BooleanSupplier made(BooleanSupplier lambda) {
    return carry(lambda, Handover.made());
  }

  /** @return the lambda, carrying the scope it is made in */
  public static <T> Consumer<T> made(Consumer<T> lambda) {
    return carry(lambda, Handover.made());
  }

  /** @return the lambda, carrying the scope it is made in */
  public static DoubleBinaryOperator made(DoubleBinaryOperator lambda) {
    return carry(lambda, Handover.made());
  }

  /** @return the lambda, carrying the scope it is made in */
  public static DoubleConsumer made(DoubleConsumer lambda) {
    return carry(lambda, Handover.made());
  }

  /** @return the lambda, carrying the scope it is made in */
  public static <R> DoubleFunction<R> made(DoubleFunction<R> lambda) {
    return carry(lambda, Handover.made());
  }

  /** @return the lambda, carrying the scope it is made in */
  public static DoublePredicate made(DoublePredicate lambda) {
    return carry(lambda, Handover.made());
  }

  /** @return the lambda, carrying the scope it is made in */
  public static DoubleSupplier made(DoubleSupplier lambda) {
    return carry(lambda, Handover.made());
  }

  /** @return the lambda, carrying the scope it is made in */
  public static DoubleToIntFunction made(DoubleToIntFunction lambda) {
    return carry(lambda, Handover.made());
  }

  /** @return the lambda, carrying the scope it is made in */
  public static DoubleToLongFunction made(DoubleToLongFunction lambda) {
    return carry(lambda, Handover.made());
  }

  /** @return the lambda, carrying the scope it is made in */
  public static DoubleUnaryOperator made(DoubleUnaryOperator lambda) {
    return carry(lambda, Handover.made());
  }

  /** @return the lambda, carrying the scope it is made in */
  public static <T, R> Function<T, R> made(Function<T, R> lambda) {
    return carry(lambda, Handover.made());
  }

  /** @return the lambda, carrying the scope it is made in */
  public static IntBinaryOperator made(IntBinaryOperator lambda) {
    return carry(lambda, Handover.made());
  }

  /** @return the lambda, carrying the scope it is made in */
  public static IntConsumer made(IntConsumer lambda) {
    return carry(lambda, Handover.made());
  }

  /** @return the lambda, carrying the scope it is made in */
  public static <R> IntFunction<R> made(IntFunction<R> lambda) {
    return carry(lambda, Handover.made());
  }

  /** @return the lambda, carrying the scope it is made in */
  public static IntPredicate made(IntPredicate lambda) {
    return carry(lambda, Handover.made());
  }

  /** @return the lambda, carrying the scope it is made in */
  public static IntSupplier made(IntSupplier lambda) {
    return carry(lambda, Handover.made());
  }

  /** @return the lambda, carrying the scope it is made in */
  public static IntToDoubleFunction made(IntToDoubleFunction lambda) {
    return carry(lambda, Handover.made());
  }

  /** @return the lambda, carrying the scope it is made in */
  public static IntToLongFunction made(IntToLongFunction lambda) {
    return carry(lambda, Handover.made());
  }

  /** @return the lambda, carrying the scope it is made in */
  public static IntUnaryOperator made(IntUnaryOperator lambda) {
    return carry(lambda, Handover.made());
  }

  /** @return the lambda, carrying the scope it is made in */
  public static LongBinaryOperator made(LongBinaryOperator lambda) {
    return carry(lambda, Handover.made());
  }

  /** @return the lambda, carrying the scope it is made in */
  public static LongConsumer made(LongConsumer lambda) {
    return carry(lambda, Handover.made());
  }

  /** @return the lambda, carrying the scope it is made in */
  public static <R> LongFunction<R> made(LongFunction<R> lambda) {
    return carry(lambda, Handover.made());
  }

  /** @return the lambda, carrying the scope it is made in */
  public static LongPredicate made(LongPredicate lambda) {
    return carry(lambda, Handover.made());
  }

  /** @return the lambda, carrying the scope it is made in */
  public static LongSupplier made(LongSupplier lambda) {
    return carry(lambda, Handover.made());
  }

  /** @return the lambda, carrying the scope it is made in */
  public static LongToDoubleFunction made(LongToDoubleFunction lambda) {
    return carry(lambda, Handover.made());
  }

  /** @return the lambda, carrying the scope it is made in */
  public static LongToIntFunction made(LongToIntFunction lambda) {
    return carry(lambda, Handover.made());
  }

  /** @return the lambda, carrying the scope it is made in */
  public static LongUnaryOperator made(LongUnaryOperator lambda) {
    return carry(lambda, Handover.made());
  }

  /** @return the lambda, carrying the scope it is made in */
  public static <T> ObjDoubleConsumer<T> made(ObjDoubleConsumer<T> lambda) {
    return carry(lambda, Handover.made());
  }

  /** @return the lambda, carrying the scope it is made in */
  public static <T> ObjIntConsumer<T> made(ObjIntConsumer<T> lambda) {
    return carry(lambda, Handover.made());
  }

  /** @return the lambda, carrying the scope it is made in */
  public static <T> ObjLongConsumer<T> made(ObjLongConsumer<T> lambda) {
    return carry(lambda, Handover.made());
  }

  /** @return the lambda, carrying the scope it is made in */
  public static <T> Predicate<T> made(Predicate<T> lambda) {
    return carry(lambda, Handover.made());
  }

  /** @return the lambda, carrying the scope it is made in */
  public static <T> Supplier<T> made(Supplier<T> lambda) {
    return carry(lambda, Handover.made());
  }

  /** @return the lambda, carrying the scope it is made in */
  public static <T, U> ToDoubleBiFunction<T, U> made(ToDoubleBiFunction<T, U> lambda) {
    return carry(lambda, Handover.made());
  }

  /** @return the lambda, carrying the scope it is made in */
  public static <T> ToDoubleFunction<T> made(ToDoubleFunction<T> lambda) {
    return carry(lambda, Handover.made());
  }

  /** @return the lambda, carrying the scope it is made in */
  public static <T, U> ToIntBiFunction<T, U> made(ToIntBiFunction<T, U> lambda) {
    return carry(lambda, Handover.made());
  }

  /** @return the lambda, carrying the scope it is made in */
  public static <T> ToIntFunction<T> made(ToIntFunction<T> lambda) {
    return carry(lambda, Handover.made());
  }

  /** @return the lambda, carrying the scope it is made in */
  public static <T, U> ToLongBiFunction<T, U> made(ToLongBiFunction<T, U> lambda) {
    return carry(lambda, Handover.made());
  }

  /** @return the lambda, carrying the scope it is made in */
  public static <T> ToLongFunction<T> made(ToLongFunction<T> lambda) {
    return carry(lambda, Handover.made());
  }

  /** @return the lambda, carrying the scope it is made in */
  public static <T> UnaryOperator<T> made(UnaryOperator<T> lambda) {
    return carry(lambda, Handover.made());
  }

  /** @return the lambda, carrying the scope it is made in */
  public static Runnable made(Runnable lambda) {
    return carry(lambda, Handover.made());
  }

  /** @return the lambda, carrying the scope it is made in */
  public static <V> Callable<V> made(Callable<V> lambda) {
    return carry(lambda, Handover.made());
  }

  /** @return the lambda, carrying the scope it is made in */
  public static <T> Comparator<T> made(Comparator<T> lambda) {
    return carry(lambda, Handover.made());
  }

  /** A collector whose functions run in the scope it was handed over in. */
  static <T, A, R> Collector<T, A, R> carry(final Collector<T, A, R> collector) {
    final Handover handover = Handover.now();
    if (collector == null || handover == null) {
      return collector;
    }
    final Supplier<A> supplier = carry(collector.supplier(), handover);
    final BiConsumer<A, T> accumulator = carry(collector.accumulator(), handover);
    final BinaryOperator<A> combiner = carry(collector.combiner(), handover);
    final Function<A, R> finisher = carry(collector.finisher(), handover);
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
    return carry(fn, Handover.now());
  }

  private static <T, U> BiConsumer<T, U> carry(final BiConsumer<T, U> fn, final Handover handover) {
    return fn == null || handover == null ? fn : new BiConsumer<T, U>() {
      @Override
      public void accept(T a, U b) {
        ThreadState state = handover.enter();
        try {
          fn.accept(a, b);
        } finally {
          state.leave();
        }
      }

      @Override
      public String toString() {
        return fn.toString();
      }
    };
  }

  static <T, U, R> BiFunction<T, U, R> carry(BiFunction<T, U, R> fn) {
    return carry(fn, Handover.now());
  }

  private static <T, U, R> BiFunction<T, U, R> carry(final BiFunction<T, U, R> fn, final Handover handover) {
    return fn == null || handover == null ? fn : new BiFunction<T, U, R>() {
      @Override
      public R apply(T a, U b) {
        ThreadState state = handover.enter();
        try {
          return fn.apply(a, b);
        } finally {
          state.leave();
        }
      }

      @Override
      public String toString() {
        return fn.toString();
      }
    };
  }

  static <T> BinaryOperator<T> carry(BinaryOperator<T> fn) {
    return carry(fn, Handover.now());
  }

  private static <T> BinaryOperator<T> carry(final BinaryOperator<T> fn, final Handover handover) {
    return fn == null || handover == null ? fn : new BinaryOperator<T>() {
      @Override
      public T apply(T a, T b) {
        ThreadState state = handover.enter();
        try {
          return fn.apply(a, b);
        } finally {
          state.leave();
        }
      }

      @Override
      public String toString() {
        return fn.toString();
      }
    };
  }

  static <T, U> BiPredicate<T, U> carry(BiPredicate<T, U> fn) {
    return carry(fn, Handover.now());
  }

  private static <T, U> BiPredicate<T, U> carry(final BiPredicate<T, U> fn, final Handover handover) {
    return fn == null || handover == null ? fn : new BiPredicate<T, U>() {
      @Override
      public boolean test(T a, U b) {
        ThreadState state = handover.enter();
        try {
          return fn.test(a, b);
        } finally {
          state.leave();
        }
      }

      @Override
      public String toString() {
        return fn.toString();
      }
    };
  }

  static BooleanSupplier carry(BooleanSupplier fn) {
    return carry(fn, Handover.now());
  }

  private static BooleanSupplier carry(final BooleanSupplier fn, final Handover handover) {
    return fn == null || handover == null ? fn : new BooleanSupplier() {
      @Override
      public boolean getAsBoolean() {
        ThreadState state = handover.enter();
        try {
          return fn.getAsBoolean();
        } finally {
          state.leave();
        }
      }

      @Override
      public String toString() {
        return fn.toString();
      }
    };
  }

  static <T> Consumer<T> carry(Consumer<T> fn) {
    return carry(fn, Handover.now());
  }

  private static <T> Consumer<T> carry(final Consumer<T> fn, final Handover handover) {
    return fn == null || handover == null ? fn : new Consumer<T>() {
      @Override
      public void accept(T a) {
        ThreadState state = handover.enter();
        try {
          fn.accept(a);
        } finally {
          state.leave();
        }
      }

      @Override
      public String toString() {
        return fn.toString();
      }
    };
  }

  static DoubleBinaryOperator carry(DoubleBinaryOperator fn) {
    return carry(fn, Handover.now());
  }

  private static DoubleBinaryOperator carry(final DoubleBinaryOperator fn, final Handover handover) {
    return fn == null || handover == null ? fn : new DoubleBinaryOperator() {
      @Override
      public double applyAsDouble(double a, double b) {
        ThreadState state = handover.enter();
        try {
          return fn.applyAsDouble(a, b);
        } finally {
          state.leave();
        }
      }

      @Override
      public String toString() {
        return fn.toString();
      }
    };
  }

  static DoubleConsumer carry(DoubleConsumer fn) {
    return carry(fn, Handover.now());
  }

  private static DoubleConsumer carry(final DoubleConsumer fn, final Handover handover) {
    return fn == null || handover == null ? fn : new DoubleConsumer() {
      @Override
      public void accept(double a) {
        ThreadState state = handover.enter();
        try {
          fn.accept(a);
        } finally {
          state.leave();
        }
      }

      @Override
      public String toString() {
        return fn.toString();
      }
    };
  }

  static <R> DoubleFunction<R> carry(DoubleFunction<R> fn) {
    return carry(fn, Handover.now());
  }

  private static <R> DoubleFunction<R> carry(final DoubleFunction<R> fn, final Handover handover) {
    return fn == null || handover == null ? fn : new DoubleFunction<R>() {
      @Override
      public R apply(double a) {
        ThreadState state = handover.enter();
        try {
          return fn.apply(a);
        } finally {
          state.leave();
        }
      }

      @Override
      public String toString() {
        return fn.toString();
      }
    };
  }

  static DoublePredicate carry(DoublePredicate fn) {
    return carry(fn, Handover.now());
  }

  private static DoublePredicate carry(final DoublePredicate fn, final Handover handover) {
    return fn == null || handover == null ? fn : new DoublePredicate() {
      @Override
      public boolean test(double a) {
        ThreadState state = handover.enter();
        try {
          return fn.test(a);
        } finally {
          state.leave();
        }
      }

      @Override
      public String toString() {
        return fn.toString();
      }
    };
  }

  static DoubleSupplier carry(DoubleSupplier fn) {
    return carry(fn, Handover.now());
  }

  private static DoubleSupplier carry(final DoubleSupplier fn, final Handover handover) {
    return fn == null || handover == null ? fn : new DoubleSupplier() {
      @Override
      public double getAsDouble() {
        ThreadState state = handover.enter();
        try {
          return fn.getAsDouble();
        } finally {
          state.leave();
        }
      }

      @Override
      public String toString() {
        return fn.toString();
      }
    };
  }

  static DoubleToIntFunction carry(DoubleToIntFunction fn) {
    return carry(fn, Handover.now());
  }

  private static DoubleToIntFunction carry(final DoubleToIntFunction fn, final Handover handover) {
    return fn == null || handover == null ? fn : new DoubleToIntFunction() {
      @Override
      public int applyAsInt(double a) {
        ThreadState state = handover.enter();
        try {
          return fn.applyAsInt(a);
        } finally {
          state.leave();
        }
      }

      @Override
      public String toString() {
        return fn.toString();
      }
    };
  }

  static DoubleToLongFunction carry(DoubleToLongFunction fn) {
    return carry(fn, Handover.now());
  }

  private static DoubleToLongFunction carry(final DoubleToLongFunction fn, final Handover handover) {
    return fn == null || handover == null ? fn : new DoubleToLongFunction() {
      @Override
      public long applyAsLong(double a) {
        ThreadState state = handover.enter();
        try {
          return fn.applyAsLong(a);
        } finally {
          state.leave();
        }
      }

      @Override
      public String toString() {
        return fn.toString();
      }
    };
  }

  static DoubleUnaryOperator carry(DoubleUnaryOperator fn) {
    return carry(fn, Handover.now());
  }

  private static DoubleUnaryOperator carry(final DoubleUnaryOperator fn, final Handover handover) {
    return fn == null || handover == null ? fn : new DoubleUnaryOperator() {
      @Override
      public double applyAsDouble(double a) {
        ThreadState state = handover.enter();
        try {
          return fn.applyAsDouble(a);
        } finally {
          state.leave();
        }
      }

      @Override
      public String toString() {
        return fn.toString();
      }
    };
  }

  static <T, R> Function<T, R> carry(Function<T, R> fn) {
    return carry(fn, Handover.now());
  }

  private static <T, R> Function<T, R> carry(final Function<T, R> fn, final Handover handover) {
    return fn == null || handover == null ? fn : new Function<T, R>() {
      @Override
      public R apply(T a) {
        ThreadState state = handover.enter();
        try {
          return fn.apply(a);
        } finally {
          state.leave();
        }
      }

      @Override
      public String toString() {
        return fn.toString();
      }
    };
  }

  static IntBinaryOperator carry(IntBinaryOperator fn) {
    return carry(fn, Handover.now());
  }

  private static IntBinaryOperator carry(final IntBinaryOperator fn, final Handover handover) {
    return fn == null || handover == null ? fn : new IntBinaryOperator() {
      @Override
      public int applyAsInt(int a, int b) {
        ThreadState state = handover.enter();
        try {
          return fn.applyAsInt(a, b);
        } finally {
          state.leave();
        }
      }

      @Override
      public String toString() {
        return fn.toString();
      }
    };
  }

  static IntConsumer carry(IntConsumer fn) {
    return carry(fn, Handover.now());
  }

  private static IntConsumer carry(final IntConsumer fn, final Handover handover) {
    return fn == null || handover == null ? fn : new IntConsumer() {
      @Override
      public void accept(int a) {
        ThreadState state = handover.enter();
        try {
          fn.accept(a);
        } finally {
          state.leave();
        }
      }

      @Override
      public String toString() {
        return fn.toString();
      }
    };
  }

  static <R> IntFunction<R> carry(IntFunction<R> fn) {
    return carry(fn, Handover.now());
  }

  private static <R> IntFunction<R> carry(final IntFunction<R> fn, final Handover handover) {
    return fn == null || handover == null ? fn : new IntFunction<R>() {
      @Override
      public R apply(int a) {
        ThreadState state = handover.enter();
        try {
          return fn.apply(a);
        } finally {
          state.leave();
        }
      }

      @Override
      public String toString() {
        return fn.toString();
      }
    };
  }

  static IntPredicate carry(IntPredicate fn) {
    return carry(fn, Handover.now());
  }

  private static IntPredicate carry(final IntPredicate fn, final Handover handover) {
    return fn == null || handover == null ? fn : new IntPredicate() {
      @Override
      public boolean test(int a) {
        ThreadState state = handover.enter();
        try {
          return fn.test(a);
        } finally {
          state.leave();
        }
      }

      @Override
      public String toString() {
        return fn.toString();
      }
    };
  }

  static IntSupplier carry(IntSupplier fn) {
    return carry(fn, Handover.now());
  }

  private static IntSupplier carry(final IntSupplier fn, final Handover handover) {
    return fn == null || handover == null ? fn : new IntSupplier() {
      @Override
      public int getAsInt() {
        ThreadState state = handover.enter();
        try {
          return fn.getAsInt();
        } finally {
          state.leave();
        }
      }

      @Override
      public String toString() {
        return fn.toString();
      }
    };
  }

  static IntToDoubleFunction carry(IntToDoubleFunction fn) {
    return carry(fn, Handover.now());
  }

  private static IntToDoubleFunction carry(final IntToDoubleFunction fn, final Handover handover) {
    return fn == null || handover == null ? fn : new IntToDoubleFunction() {
      @Override
      public double applyAsDouble(int a) {
        ThreadState state = handover.enter();
        try {
          return fn.applyAsDouble(a);
        } finally {
          state.leave();
        }
      }

      @Override
      public String toString() {
        return fn.toString();
      }
    };
  }

  static IntToLongFunction carry(IntToLongFunction fn) {
    return carry(fn, Handover.now());
  }

  private static IntToLongFunction carry(final IntToLongFunction fn, final Handover handover) {
    return fn == null || handover == null ? fn : new IntToLongFunction() {
      @Override
      public long applyAsLong(int a) {
        ThreadState state = handover.enter();
        try {
          return fn.applyAsLong(a);
        } finally {
          state.leave();
        }
      }

      @Override
      public String toString() {
        return fn.toString();
      }
    };
  }

  static IntUnaryOperator carry(IntUnaryOperator fn) {
    return carry(fn, Handover.now());
  }

  private static IntUnaryOperator carry(final IntUnaryOperator fn, final Handover handover) {
    return fn == null || handover == null ? fn : new IntUnaryOperator() {
      @Override
      public int applyAsInt(int a) {
        ThreadState state = handover.enter();
        try {
          return fn.applyAsInt(a);
        } finally {
          state.leave();
        }
      }

      @Override
      public String toString() {
        return fn.toString();
      }
    };
  }

  static LongBinaryOperator carry(LongBinaryOperator fn) {
    return carry(fn, Handover.now());
  }

  private static LongBinaryOperator carry(final LongBinaryOperator fn, final Handover handover) {
    return fn == null || handover == null ? fn : new LongBinaryOperator() {
      @Override
      public long applyAsLong(long a, long b) {
        ThreadState state = handover.enter();
        try {
          return fn.applyAsLong(a, b);
        } finally {
          state.leave();
        }
      }

      @Override
      public String toString() {
        return fn.toString();
      }
    };
  }

  static LongConsumer carry(LongConsumer fn) {
    return carry(fn, Handover.now());
  }

  private static LongConsumer carry(final LongConsumer fn, final Handover handover) {
    return fn == null || handover == null ? fn : new LongConsumer() {
      @Override
      public void accept(long a) {
        ThreadState state = handover.enter();
        try {
          fn.accept(a);
        } finally {
          state.leave();
        }
      }

      @Override
      public String toString() {
        return fn.toString();
      }
    };
  }

  static <R> LongFunction<R> carry(LongFunction<R> fn) {
    return carry(fn, Handover.now());
  }

  private static <R> LongFunction<R> carry(final LongFunction<R> fn, final Handover handover) {
    return fn == null || handover == null ? fn : new LongFunction<R>() {
      @Override
      public R apply(long a) {
        ThreadState state = handover.enter();
        try {
          return fn.apply(a);
        } finally {
          state.leave();
        }
      }

      @Override
      public String toString() {
        return fn.toString();
      }
    };
  }

  static LongPredicate carry(LongPredicate fn) {
    return carry(fn, Handover.now());
  }

  private static LongPredicate carry(final LongPredicate fn, final Handover handover) {
    return fn == null || handover == null ? fn : new LongPredicate() {
      @Override
      public boolean test(long a) {
        ThreadState state = handover.enter();
        try {
          return fn.test(a);
        } finally {
          state.leave();
        }
      }

      @Override
      public String toString() {
        return fn.toString();
      }
    };
  }

  static LongSupplier carry(LongSupplier fn) {
    return carry(fn, Handover.now());
  }

  private static LongSupplier carry(final LongSupplier fn, final Handover handover) {
    return fn == null || handover == null ? fn : new LongSupplier() {
      @Override
      public long getAsLong() {
        ThreadState state = handover.enter();
        try {
          return fn.getAsLong();
        } finally {
          state.leave();
        }
      }

      @Override
      public String toString() {
        return fn.toString();
      }
    };
  }

  static LongToDoubleFunction carry(LongToDoubleFunction fn) {
    return carry(fn, Handover.now());
  }

  private static LongToDoubleFunction carry(final LongToDoubleFunction fn, final Handover handover) {
    return fn == null || handover == null ? fn : new LongToDoubleFunction() {
      @Override
      public double applyAsDouble(long a) {
        ThreadState state = handover.enter();
        try {
          return fn.applyAsDouble(a);
        } finally {
          state.leave();
        }
      }

      @Override
      public String toString() {
        return fn.toString();
      }
    };
  }

  static LongToIntFunction carry(LongToIntFunction fn) {
    return carry(fn, Handover.now());
  }

  private static LongToIntFunction carry(final LongToIntFunction fn, final Handover handover) {
    return fn == null || handover == null ? fn : new LongToIntFunction() {
      @Override
      public int applyAsInt(long a) {
        ThreadState state = handover.enter();
        try {
          return fn.applyAsInt(a);
        } finally {
          state.leave();
        }
      }

      @Override
      public String toString() {
        return fn.toString();
      }
    };
  }

  static LongUnaryOperator carry(LongUnaryOperator fn) {
    return carry(fn, Handover.now());
  }

  private static LongUnaryOperator carry(final LongUnaryOperator fn, final Handover handover) {
    return fn == null || handover == null ? fn : new LongUnaryOperator() {
      @Override
      public long applyAsLong(long a) {
        ThreadState state = handover.enter();
        try {
          return fn.applyAsLong(a);
        } finally {
          state.leave();
        }
      }

      @Override
      public String toString() {
        return fn.toString();
      }
    };
  }

  static <T> ObjDoubleConsumer<T> carry(ObjDoubleConsumer<T> fn) {
    return carry(fn, Handover.now());
  }

  private static <T> ObjDoubleConsumer<T> carry(final ObjDoubleConsumer<T> fn, final Handover handover) {
    return fn == null || handover == null ? fn : new ObjDoubleConsumer<T>() {
      @Override
      public void accept(T a, double b) {
        ThreadState state = handover.enter();
        try {
          fn.accept(a, b);
        } finally {
          state.leave();
        }
      }

      @Override
      public String toString() {
        return fn.toString();
      }
    };
  }

  static <T> ObjIntConsumer<T> carry(ObjIntConsumer<T> fn) {
    return carry(fn, Handover.now());
  }

  private static <T> ObjIntConsumer<T> carry(final ObjIntConsumer<T> fn, final Handover handover) {
    return fn == null || handover == null ? fn : new ObjIntConsumer<T>() {
      @Override
      public void accept(T a, int b) {
        ThreadState state = handover.enter();
        try {
          fn.accept(a, b);
        } finally {
          state.leave();
        }
      }

      @Override
      public String toString() {
        return fn.toString();
      }
    };
  }

  static <T> ObjLongConsumer<T> carry(ObjLongConsumer<T> fn) {
    return carry(fn, Handover.now());
  }

  private static <T> ObjLongConsumer<T> carry(final ObjLongConsumer<T> fn, final Handover handover) {
    return fn == null || handover == null ? fn : new ObjLongConsumer<T>() {
      @Override
      public void accept(T a, long b) {
        ThreadState state = handover.enter();
        try {
          fn.accept(a, b);
        } finally {
          state.leave();
        }
      }

      @Override
      public String toString() {
        return fn.toString();
      }
    };
  }

  static <T> Predicate<T> carry(Predicate<T> fn) {
    return carry(fn, Handover.now());
  }

  private static <T> Predicate<T> carry(final Predicate<T> fn, final Handover handover) {
    return fn == null || handover == null ? fn : new Predicate<T>() {
      @Override
      public boolean test(T a) {
        ThreadState state = handover.enter();
        try {
          return fn.test(a);
        } finally {
          state.leave();
        }
      }

      @Override
      public String toString() {
        return fn.toString();
      }
    };
  }

  static <T> Supplier<T> carry(Supplier<T> fn) {
    return carry(fn, Handover.now());
  }

  private static <T> Supplier<T> carry(final Supplier<T> fn, final Handover handover) {
    return fn == null || handover == null ? fn : new Supplier<T>() {
      @Override
      public T get() {
        ThreadState state = handover.enter();
        try {
          return fn.get();
        } finally {
          state.leave();
        }
      }

      @Override
      public String toString() {
        return fn.toString();
      }
    };
  }

  static <T, U> ToDoubleBiFunction<T, U> carry(ToDoubleBiFunction<T, U> fn) {
    return carry(fn, Handover.now());
  }

  private static <T, U> ToDoubleBiFunction<T, U> carry(final ToDoubleBiFunction<T, U> fn, final Handover handover) {
    return fn == null || handover == null ? fn : new ToDoubleBiFunction<T, U>() {
      @Override
      public double applyAsDouble(T a, U b) {
        ThreadState state = handover.enter();
        try {
          return fn.applyAsDouble(a, b);
        } finally {
          state.leave();
        }
      }

      @Override
      public String toString() {
        return fn.toString();
      }
    };
  }

  static <T> ToDoubleFunction<T> carry(ToDoubleFunction<T> fn) {
    return carry(fn, Handover.now());
  }

  private static <T> ToDoubleFunction<T> carry(final ToDoubleFunction<T> fn, final Handover handover) {
    return fn == null || handover == null ? fn : new ToDoubleFunction<T>() {
      @Override
      public double applyAsDouble(T a) {
        ThreadState state = handover.enter();
        try {
          return fn.applyAsDouble(a);
        } finally {
          state.leave();
        }
      }

      @Override
      public String toString() {
        return fn.toString();
      }
    };
  }

  static <T, U> ToIntBiFunction<T, U> carry(ToIntBiFunction<T, U> fn) {
    return carry(fn, Handover.now());
  }

  private static <T, U> ToIntBiFunction<T, U> carry(final ToIntBiFunction<T, U> fn, final Handover handover) {
    return fn == null || handover == null ? fn : new ToIntBiFunction<T, U>() {
      @Override
      public int applyAsInt(T a, U b) {
        ThreadState state = handover.enter();
        try {
          return fn.applyAsInt(a, b);
        } finally {
          state.leave();
        }
      }

      @Override
      public String toString() {
        return fn.toString();
      }
    };
  }

  static <T> ToIntFunction<T> carry(ToIntFunction<T> fn) {
    return carry(fn, Handover.now());
  }

  private static <T> ToIntFunction<T> carry(final ToIntFunction<T> fn, final Handover handover) {
    return fn == null || handover == null ? fn : new ToIntFunction<T>() {
      @Override
      public int applyAsInt(T a) {
        ThreadState state = handover.enter();
        try {
          return fn.applyAsInt(a);
        } finally {
          state.leave();
        }
      }

      @Override
      public String toString() {
        return fn.toString();
      }
    };
  }

  static <T, U> ToLongBiFunction<T, U> carry(ToLongBiFunction<T, U> fn) {
    return carry(fn, Handover.now());
  }

  private static <T, U> ToLongBiFunction<T, U> carry(final ToLongBiFunction<T, U> fn, final Handover handover) {
    return fn == null || handover == null ? fn : new ToLongBiFunction<T, U>() {
      @Override
      public long applyAsLong(T a, U b) {
        ThreadState state = handover.enter();
        try {
          return fn.applyAsLong(a, b);
        } finally {
          state.leave();
        }
      }

      @Override
      public String toString() {
        return fn.toString();
      }
    };
  }

  static <T> ToLongFunction<T> carry(ToLongFunction<T> fn) {
    return carry(fn, Handover.now());
  }

  private static <T> ToLongFunction<T> carry(final ToLongFunction<T> fn, final Handover handover) {
    return fn == null || handover == null ? fn : new ToLongFunction<T>() {
      @Override
      public long applyAsLong(T a) {
        ThreadState state = handover.enter();
        try {
          return fn.applyAsLong(a);
        } finally {
          state.leave();
        }
      }

      @Override
      public String toString() {
        return fn.toString();
      }
    };
  }

  static <T> UnaryOperator<T> carry(UnaryOperator<T> fn) {
    return carry(fn, Handover.now());
  }

  private static <T> UnaryOperator<T> carry(final UnaryOperator<T> fn, final Handover handover) {
    return fn == null || handover == null ? fn : new UnaryOperator<T>() {
      @Override
      public T apply(T a) {
        ThreadState state = handover.enter();
        try {
          return fn.apply(a);
        } finally {
          state.leave();
        }
      }

      @Override
      public String toString() {
        return fn.toString();
      }
    };
  }

  static Runnable carry(Runnable fn) {
    return carry(fn, Handover.now());
  }

  private static Runnable carry(final Runnable fn, final Handover handover) {
    return fn == null || handover == null ? fn : new Runnable() {
      @Override
      public void run() {
        ThreadState state = handover.enter();
        try {
          fn.run();
        } finally {
          state.leave();
        }
      }

      @Override
      public String toString() {
        return fn.toString();
      }
    };
  }

  static <V> Callable<V> carry(Callable<V> fn) {
    return carry(fn, Handover.now());
  }

  private static <V> Callable<V> carry(final Callable<V> fn, final Handover handover) {
    return fn == null || handover == null ? fn : new Callable<V>() {
      @Override
      public V call() throws Exception {
        ThreadState state = handover.enter();
        try {
          return fn.call();
        } finally {
          state.leave();
        }
      }

      @Override
      public String toString() {
        return fn.toString();
      }
    };
  }

  static <T> Comparator<T> carry(Comparator<T> fn) {
    return carry(fn, Handover.now());
  }

  private static <T> Comparator<T> carry(final Comparator<T> fn, final Handover handover) {
    return fn == null || handover == null ? fn : new Comparator<T>() {
      @Override
      public int compare(T a, T b) {
        ThreadState state = handover.enter();
        try {
          return fn.compare(a, b);
        } finally {
          state.leave();
        }
      }

      @Override
      public String toString() {
        return fn.toString();
      }
    };
  }
}
