package dev.trap;

import dev.trap.internal.mock.Mocks;
import java.io.Serializable;
import java.util.concurrent.Callable;

/**
 * Replaces, intercepts and records woven methods from a test, named by method reference and
 * type-checked by the compiler:
 *
 * <pre>{@code
 * Mock.patch(Clock::nowMillis, () -> 1_000L);                    // a static method
 * Mock.patch(PriceService::quote, (self, sku) -> 42);            // an instance method, every instance
 * Mock.patch(priceService::quote, sku -> 7);                     // this instance only
 * Mock.patchByName(PriceService.class, "secretFee", call -> 0);  // private or otherwise unreachable
 * Mock.intercept(PriceService::quote, call -> call.proceed());   // the real body on demand
 * try (Patch p = Mock.patch(Price::tax, (price, amount) -> 0)) { ... }  // a part of a test only
 * Recording<Integer> taxes = Mock.record(Price::tax);            // calls, arguments, results
 * }</pre>
 *
 * <p><b>Scope.</b> A patch or recording belongs to the scope it is made in ({@link Scope}): in a
 * JUnit 5 test, the test's own, which Trap opens when the test starts and closes when it ends,
 * passed or failed; nothing needs registering beyond the {@code trap-runtime} test dependency. It
 * sees the test's work wherever it runs: on the test's thread and the threads the test starts,
 * in the tasks that woven code hands over (to executors, {@code CompletableFuture}, parallel
 * streams, fork-join pools, timers) and the lambdas it makes, and in tasks wrapped with
 * {@code Scope.current().wrap(task)}. Tests running in parallel do not see each other's patches,
 * and work left over by a test that has ended sees none. Outside a test, a patch belongs to the
 * current thread and the threads it starts, and lasts until closed. {@link #globally(Callable)}
 * makes patches for every thread.
 *
 * <p><b>Which method, for which objects.</b> A method reference names a method and the objects
 * it is for. One through a class ({@code PriceService::quote}) patches the calls on its instances
 * and those of its subclasses, except where a subclass overrides the method with a body of its
 * own; through a subclass that inherits the method ({@code Sub::m}), on that subclass's
 * instances only. One through an instance ({@code priceService::quote}) patches the calls on that
 * instance only, and the body that instance runs: its class's override, an enum constant's own
 * body ({@code Level.HIGH::label}, also of an abstract method, {@code Op.PLUS::apply}). A patch
 * of a JDK method reaches every trapped call that resolves to it ({@code Collection::stream}
 * takes {@code arrayList.stream()}). Patches of one method stack: the newest open one takes the
 * calls, and closing it hands them back to the one before. Replacements run as the caller's own
 * code, so the methods they call are patched too; a replacement that calls the method it
 * replaces recurses, and Trap explains the {@code StackOverflowError}: intercept it instead, and
 * {@link Call#proceed()}.
 *
 * <p><b>Errors.</b> A method that cannot be patched fails at once, with the reason and what to
 * do: a class that was not woven (the {@code <include>} to add is named), a JDK method whose calls
 * are not trapped (the {@code <callSite>} to add is named), a method without a trap, an abstract
 * method (what to patch instead is named), a constructor, a lambda given instead of a method
 * reference. A replacement may throw an unchecked exception, or a checked one the method
 * declares; a checked one it does not declare fails the call with an
 * {@code IllegalStateException}, as no caller is ready for it.
 *
 * <p><b>Forms.</b> A method that returns a value takes {@code Fn}, a void one {@code Run}; where
 * both fit, the compiler takes {@code Fn}, so a replacement that only throws, or whose body is a
 * call, compiles as written. Where the reference names several overloads of the same number of
 * parameters, give the replacement's parameter types: {@code (Random random) -> 4}; for a method
 * of a generic class, its type arguments: {@code List<?>::size}.
 *
 * @since 0.2.0
 */
public final class Mock {

  private Mock() {
  }

  /**
   * Handles a call of a method patched by {@link #intercept} or {@link #patchByName}: sees its
   * arguments, may run the real body with {@link Call#proceed()} or {@link Call#proceed(Object...)},
   * and returns the call's result (boxed; {@code null} for void methods), or throws.
   */
  @FunctionalInterface
  public interface Handler {
    /**
     * @param call the call, valid until this returns
     * @return the call's result, boxed if primitive; it must fit the method's return type
     * @throws Throwable to make the call throw it
     */
    Object handle(Call call) throws Throwable;
  }

  /**
   * Replaces what reads of a static field give, xgo's {@code PatchVar}: the reads that woven
   * classes make, opened in the plugin's configuration with {@code <callSite>} (such as
   * {@code com.acme.Config#TIMEOUT}). Compile-time constants ({@code static final} primitives and
   * strings set to a constant expression) cannot be patched: the compiler copies their value into
   * the classes that read them.
   *
   * <pre>{@code
   * Mock.patchField(Config.class, "TIMEOUT", () -> Duration.ofMillis(5));
   * }</pre>
   *
   * @param type the class that declares the field
   * @param name the field's name
   * @param value what each read gives instead; it may throw
   * @param <T> the field's type
   * @return the patch, which closes with its scope or earlier
   * @throws IllegalArgumentException if there is no such static field, it is a compile-time
   *     constant, or no woven class has a trapped read of it; the message says what to do
   * @since 0.2.0
   */
  public static <T> Patch patchField(Class<?> type, String name, Fn0<T> value) {
    return Mocks.patchField(type, name, value);
  }

  /**
   * Handles the calls of a method named by its class and name, for the methods a method reference
   * cannot name: private ones, or those of classes the test cannot see.
   *
   * @param type the class that declares the method
   * @param name the method's name; there must be one method of that name with a body
   * @param handler what handles the calls
   * @return the patch, which closes with its scope or earlier
   * @throws IllegalArgumentException if there is no such method or several, naming them
   */
  public static Patch patchByName(Class<?> type, String name, Handler handler) {
    return Mocks.patchByName(type, name, null, handler);
  }

  /**
   * Handles the calls of a method named by its class, name and descriptor: one of several
   * overloads.
   *
   * @param type the class that declares the method
   * @param name the method's name
   * @param descriptor the method's descriptor in JVM form, such as {@code (I)J}
   * @param handler what handles the calls
   * @return the patch, which closes with its scope or earlier
   * @throws IllegalArgumentException if there is no such method, naming those of that name
   */
  public static Patch patchByName(Class<?> type, String name, String descriptor,
      Handler handler) {
    return Mocks.patchByName(type, name, descriptor, handler);
  }

  /**
   * Records the calls of every method and constructor a class declares, for the rest of the
   * current scope.
   *
   * @param type the class
   * @return the recording
   * @throws IllegalArgumentException if the class is not woven
   */
  public static Recording<Object> record(Class<?> type) {
    return Mocks.record(type);
  }

  /**
   * Runs {@code setup} so that the patches and recordings it makes see the calls of every thread:
   * the global scope. For the rare test that needs it, such as one whose calls run on threads
   * Trap cannot follow; such patches last until closed, and tests running in parallel see them.
   *
   * @param setup what makes the patches
   * @param <T> what it returns
   * @return what it returned, such as the patch
   * @throws Exception what it threw
   */
  public static <T> T globally(Callable<T> setup) throws Exception {
    return Mocks.globally(setup);
  }

  /**
   * Replaces a method that returns a value, for the rest of the current scope (see the class
   * comment): calls run {@code replacement} instead of the method's body.
   *
   * @param method the method, as a method reference
   * @param replacement what calls run instead, with the same parameters
   * @return the patch, which closes with its scope or earlier
   * @throws IllegalArgumentException if {@code method} is no method reference to a woven method
   *     with a body; the message says why and what to do
   */
  public static <R> Patch patch(Fn0<R> method, Fn0<R> replacement) {
    return Mocks.patch(method, replacement);
  }

  /**
   * Replaces a method that returns a value, for the rest of the current scope (see the class
   * comment): calls run {@code replacement} instead of the method's body.
   *
   * @param method the method, as a method reference
   * @param replacement what calls run instead, with the same parameters
   * @return the patch, which closes with its scope or earlier
   * @throws IllegalArgumentException if {@code method} is no method reference to a woven method
   *     with a body; the message says why and what to do
   */
  public static <A, R> Patch patch(Fn1<A, R> method, Fn1<A, R> replacement) {
    return Mocks.patch(method, replacement);
  }

  /**
   * Replaces a method that returns a value, for the rest of the current scope (see the class
   * comment): calls run {@code replacement} instead of the method's body.
   *
   * @param method the method, as a method reference
   * @param replacement what calls run instead, with the same parameters
   * @return the patch, which closes with its scope or earlier
   * @throws IllegalArgumentException if {@code method} is no method reference to a woven method
   *     with a body; the message says why and what to do
   */
  public static <A, B, R> Patch patch(Fn2<A, B, R> method, Fn2<A, B, R> replacement) {
    return Mocks.patch(method, replacement);
  }

  /**
   * Replaces a method that returns a value, for the rest of the current scope (see the class
   * comment): calls run {@code replacement} instead of the method's body.
   *
   * @param method the method, as a method reference
   * @param replacement what calls run instead, with the same parameters
   * @return the patch, which closes with its scope or earlier
   * @throws IllegalArgumentException if {@code method} is no method reference to a woven method
   *     with a body; the message says why and what to do
   */
  public static <A, B, C, R> Patch patch(Fn3<A, B, C, R> method, Fn3<A, B, C, R> replacement) {
    return Mocks.patch(method, replacement);
  }

  /**
   * Replaces a method that returns a value, for the rest of the current scope (see the class
   * comment): calls run {@code replacement} instead of the method's body.
   *
   * @param method the method, as a method reference
   * @param replacement what calls run instead, with the same parameters
   * @return the patch, which closes with its scope or earlier
   * @throws IllegalArgumentException if {@code method} is no method reference to a woven method
   *     with a body; the message says why and what to do
   */
  public static <A, B, C, D, R> Patch patch(Fn4<A, B, C, D, R> method, Fn4<A, B, C, D, R> replacement) {
    return Mocks.patch(method, replacement);
  }

  /**
   * Replaces a method that returns a value, for the rest of the current scope (see the class
   * comment): calls run {@code replacement} instead of the method's body.
   *
   * @param method the method, as a method reference
   * @param replacement what calls run instead, with the same parameters
   * @return the patch, which closes with its scope or earlier
   * @throws IllegalArgumentException if {@code method} is no method reference to a woven method
   *     with a body; the message says why and what to do
   */
  public static <A, B, C, D, E, R> Patch patch(Fn5<A, B, C, D, E, R> method, Fn5<A, B, C, D, E, R> replacement) {
    return Mocks.patch(method, replacement);
  }

  /**
   * Replaces a void method, for the rest of the current scope: calls run {@code replacement}
   * instead of the method's body.
   *
   * @param method the method, as a method reference
   * @param replacement what calls run instead, with the same parameters
   * @return the patch, which closes with its scope or earlier
   * @throws IllegalArgumentException if {@code method} is no method reference to a woven method
   *     with a body
   */
  public static Patch patch(Run0 method, Run0 replacement) {
    return Mocks.patch(method, replacement);
  }

  /**
   * Replaces a void method, for the rest of the current scope: calls run {@code replacement}
   * instead of the method's body.
   *
   * @param method the method, as a method reference
   * @param replacement what calls run instead, with the same parameters
   * @return the patch, which closes with its scope or earlier
   * @throws IllegalArgumentException if {@code method} is no method reference to a woven method
   *     with a body
   */
  public static <A> Patch patch(Run1<A> method, Run1<A> replacement) {
    return Mocks.patch(method, replacement);
  }

  /**
   * Replaces a void method, for the rest of the current scope: calls run {@code replacement}
   * instead of the method's body.
   *
   * @param method the method, as a method reference
   * @param replacement what calls run instead, with the same parameters
   * @return the patch, which closes with its scope or earlier
   * @throws IllegalArgumentException if {@code method} is no method reference to a woven method
   *     with a body
   */
  public static <A, B> Patch patch(Run2<A, B> method, Run2<A, B> replacement) {
    return Mocks.patch(method, replacement);
  }

  /**
   * Replaces a void method, for the rest of the current scope: calls run {@code replacement}
   * instead of the method's body.
   *
   * @param method the method, as a method reference
   * @param replacement what calls run instead, with the same parameters
   * @return the patch, which closes with its scope or earlier
   * @throws IllegalArgumentException if {@code method} is no method reference to a woven method
   *     with a body
   */
  public static <A, B, C> Patch patch(Run3<A, B, C> method, Run3<A, B, C> replacement) {
    return Mocks.patch(method, replacement);
  }

  /**
   * Replaces a void method, for the rest of the current scope: calls run {@code replacement}
   * instead of the method's body.
   *
   * @param method the method, as a method reference
   * @param replacement what calls run instead, with the same parameters
   * @return the patch, which closes with its scope or earlier
   * @throws IllegalArgumentException if {@code method} is no method reference to a woven method
   *     with a body
   */
  public static <A, B, C, D> Patch patch(Run4<A, B, C, D> method, Run4<A, B, C, D> replacement) {
    return Mocks.patch(method, replacement);
  }

  /**
   * Replaces a void method, for the rest of the current scope: calls run {@code replacement}
   * instead of the method's body.
   *
   * @param method the method, as a method reference
   * @param replacement what calls run instead, with the same parameters
   * @return the patch, which closes with its scope or earlier
   * @throws IllegalArgumentException if {@code method} is no method reference to a woven method
   *     with a body
   */
  public static <A, B, C, D, E> Patch patch(Run5<A, B, C, D, E> method, Run5<A, B, C, D, E> replacement) {
    return Mocks.patch(method, replacement);
  }

  /**
   * Handles the calls of a method, for the rest of the current scope: {@code handler} sees each
   * call, may run the real body with {@link Call#proceed()}, and returns the call's result.
   *
   * @param method the method, as a method reference; of any return type
   * @param handler what handles the calls
   * @return the patch, which closes with its scope or earlier
   * @throws IllegalArgumentException if {@code method} is no method reference to a woven method
   *     with a body
   */
  public static Patch intercept(Run0 method, Handler handler) {
    return Mocks.intercept(method, handler);
  }

  /**
   * Handles the calls of a method, for the rest of the current scope: {@code handler} sees each
   * call, may run the real body with {@link Call#proceed()}, and returns the call's result.
   *
   * @param method the method, as a method reference; of any return type
   * @param handler what handles the calls
   * @return the patch, which closes with its scope or earlier
   * @throws IllegalArgumentException if {@code method} is no method reference to a woven method
   *     with a body
   */
  public static <A> Patch intercept(Run1<A> method, Handler handler) {
    return Mocks.intercept(method, handler);
  }

  /**
   * Handles the calls of a method, for the rest of the current scope: {@code handler} sees each
   * call, may run the real body with {@link Call#proceed()}, and returns the call's result.
   *
   * @param method the method, as a method reference; of any return type
   * @param handler what handles the calls
   * @return the patch, which closes with its scope or earlier
   * @throws IllegalArgumentException if {@code method} is no method reference to a woven method
   *     with a body
   */
  public static <A, B> Patch intercept(Run2<A, B> method, Handler handler) {
    return Mocks.intercept(method, handler);
  }

  /**
   * Handles the calls of a method, for the rest of the current scope: {@code handler} sees each
   * call, may run the real body with {@link Call#proceed()}, and returns the call's result.
   *
   * @param method the method, as a method reference; of any return type
   * @param handler what handles the calls
   * @return the patch, which closes with its scope or earlier
   * @throws IllegalArgumentException if {@code method} is no method reference to a woven method
   *     with a body
   */
  public static <A, B, C> Patch intercept(Run3<A, B, C> method, Handler handler) {
    return Mocks.intercept(method, handler);
  }

  /**
   * Handles the calls of a method, for the rest of the current scope: {@code handler} sees each
   * call, may run the real body with {@link Call#proceed()}, and returns the call's result.
   *
   * @param method the method, as a method reference; of any return type
   * @param handler what handles the calls
   * @return the patch, which closes with its scope or earlier
   * @throws IllegalArgumentException if {@code method} is no method reference to a woven method
   *     with a body
   */
  public static <A, B, C, D> Patch intercept(Run4<A, B, C, D> method, Handler handler) {
    return Mocks.intercept(method, handler);
  }

  /**
   * Handles the calls of a method, for the rest of the current scope: {@code handler} sees each
   * call, may run the real body with {@link Call#proceed()}, and returns the call's result.
   *
   * @param method the method, as a method reference; of any return type
   * @param handler what handles the calls
   * @return the patch, which closes with its scope or earlier
   * @throws IllegalArgumentException if {@code method} is no method reference to a woven method
   *     with a body
   */
  public static <A, B, C, D, E> Patch intercept(Run5<A, B, C, D, E> method, Handler handler) {
    return Mocks.intercept(method, handler);
  }

  /**
   * Records the calls of a method that returns a value, for the rest of the current scope.
   *
   * @param method the method, as a method reference
   * @return the recording
   * @throws IllegalArgumentException if {@code method} is no method reference to a woven method
   */
  public static <R> Recording<R> record(Fn0<R> method) {
    return Mocks.record(method);
  }

  /**
   * Records the calls of a method that returns a value, for the rest of the current scope.
   *
   * @param method the method, as a method reference
   * @return the recording
   * @throws IllegalArgumentException if {@code method} is no method reference to a woven method
   */
  public static <A, R> Recording<R> record(Fn1<A, R> method) {
    return Mocks.record(method);
  }

  /**
   * Records the calls of a method that returns a value, for the rest of the current scope.
   *
   * @param method the method, as a method reference
   * @return the recording
   * @throws IllegalArgumentException if {@code method} is no method reference to a woven method
   */
  public static <A, B, R> Recording<R> record(Fn2<A, B, R> method) {
    return Mocks.record(method);
  }

  /**
   * Records the calls of a method that returns a value, for the rest of the current scope.
   *
   * @param method the method, as a method reference
   * @return the recording
   * @throws IllegalArgumentException if {@code method} is no method reference to a woven method
   */
  public static <A, B, C, R> Recording<R> record(Fn3<A, B, C, R> method) {
    return Mocks.record(method);
  }

  /**
   * Records the calls of a method that returns a value, for the rest of the current scope.
   *
   * @param method the method, as a method reference
   * @return the recording
   * @throws IllegalArgumentException if {@code method} is no method reference to a woven method
   */
  public static <A, B, C, D, R> Recording<R> record(Fn4<A, B, C, D, R> method) {
    return Mocks.record(method);
  }

  /**
   * Records the calls of a method that returns a value, for the rest of the current scope.
   *
   * @param method the method, as a method reference
   * @return the recording
   * @throws IllegalArgumentException if {@code method} is no method reference to a woven method
   */
  public static <A, B, C, D, E, R> Recording<R> record(Fn5<A, B, C, D, E, R> method) {
    return Mocks.record(method);
  }

  /**
   * Records the calls of a void method, for the rest of the current scope.
   *
   * @param method the method, as a method reference
   * @return the recording
   * @throws IllegalArgumentException if {@code method} is no method reference to a woven method
   */
  public static Recording<Void> record(Run0 method) {
    return Mocks.record(method);
  }

  /**
   * Records the calls of a void method, for the rest of the current scope.
   *
   * @param method the method, as a method reference
   * @return the recording
   * @throws IllegalArgumentException if {@code method} is no method reference to a woven method
   */
  public static <A> Recording<Void> record(Run1<A> method) {
    return Mocks.record(method);
  }

  /**
   * Records the calls of a void method, for the rest of the current scope.
   *
   * @param method the method, as a method reference
   * @return the recording
   * @throws IllegalArgumentException if {@code method} is no method reference to a woven method
   */
  public static <A, B> Recording<Void> record(Run2<A, B> method) {
    return Mocks.record(method);
  }

  /**
   * Records the calls of a void method, for the rest of the current scope.
   *
   * @param method the method, as a method reference
   * @return the recording
   * @throws IllegalArgumentException if {@code method} is no method reference to a woven method
   */
  public static <A, B, C> Recording<Void> record(Run3<A, B, C> method) {
    return Mocks.record(method);
  }

  /**
   * Records the calls of a void method, for the rest of the current scope.
   *
   * @param method the method, as a method reference
   * @return the recording
   * @throws IllegalArgumentException if {@code method} is no method reference to a woven method
   */
  public static <A, B, C, D> Recording<Void> record(Run4<A, B, C, D> method) {
    return Mocks.record(method);
  }

  /**
   * Records the calls of a void method, for the rest of the current scope.
   *
   * @param method the method, as a method reference
   * @return the recording
   * @throws IllegalArgumentException if {@code method} is no method reference to a woven method
   */
  public static <A, B, C, D, E> Recording<Void> record(Run5<A, B, C, D, E> method) {
    return Mocks.record(method);
  }

  /**
   * A method of 0 parameters (the receiver counted first for an instance method named
   * by its class) that returns a value: the shape of a method reference such as
   * {@code Clock::nowMillis}, and of its replacement.
   */
  @FunctionalInterface
  public interface Fn0<R> extends Run0 {
    /** @return the method's result */
    R apply() throws Throwable;

    /**
     * Runs the method and drops its result. A method that returns a value is also one of any
     * return type, so the compiler, given both forms, takes this one where either fits.
     */
    @Override
    default void run() throws Throwable {
      apply();
    }
  }
  /**
   * A method of 1 parameter (the receiver counted first for an instance method named
   * by its class) that returns a value: the shape of a method reference such as
   * {@code Price::tax}, and of its replacement.
   */
  @FunctionalInterface
  public interface Fn1<A, R> extends Run1<A> {
    /** @return the method's result */
    R apply(A a) throws Throwable;

    /**
     * Runs the method and drops its result. A method that returns a value is also one of any
     * return type, so the compiler, given both forms, takes this one where either fits.
     */
    @Override
    default void run(A a) throws Throwable {
      apply(a);
    }
  }
  /**
   * A method of 2 parameters (the receiver counted first for an instance method named
   * by its class) that returns a value: the shape of a method reference such as
   * {@code PriceService::quote}, and of its replacement.
   */
  @FunctionalInterface
  public interface Fn2<A, B, R> extends Run2<A, B> {
    /** @return the method's result */
    R apply(A a, B b) throws Throwable;

    /**
     * Runs the method and drops its result. A method that returns a value is also one of any
     * return type, so the compiler, given both forms, takes this one where either fits.
     */
    @Override
    default void run(A a, B b) throws Throwable {
      apply(a, b);
    }
  }
  /**
   * A method of 3 parameters (the receiver counted first for an instance method named
   * by its class) that returns a value: the shape of a method reference such as
   * {@code Rates::convert}, and of its replacement.
   */
  @FunctionalInterface
  public interface Fn3<A, B, C, R> extends Run3<A, B, C> {
    /** @return the method's result */
    R apply(A a, B b, C c) throws Throwable;

    /**
     * Runs the method and drops its result. A method that returns a value is also one of any
     * return type, so the compiler, given both forms, takes this one where either fits.
     */
    @Override
    default void run(A a, B b, C c) throws Throwable {
      apply(a, b, c);
    }
  }
  /**
   * A method of 4 parameters (the receiver counted first for an instance method named
   * by its class) that returns a value: the shape of a method reference such as
   * {@code Tariff::apply}, and of its replacement.
   */
  @FunctionalInterface
  public interface Fn4<A, B, C, D, R> extends Run4<A, B, C, D> {
    /** @return the method's result */
    R apply(A a, B b, C c, D d) throws Throwable;

    /**
     * Runs the method and drops its result. A method that returns a value is also one of any
     * return type, so the compiler, given both forms, takes this one where either fits.
     */
    @Override
    default void run(A a, B b, C c, D d) throws Throwable {
      apply(a, b, c, d);
    }
  }
  /**
   * A method of 5 parameters (the receiver counted first for an instance method named
   * by its class) that returns a value: the shape of a method reference such as
   * {@code Ledger::post}, and of its replacement.
   */
  @FunctionalInterface
  public interface Fn5<A, B, C, D, E, R> extends Run5<A, B, C, D, E> {
    /** @return the method's result */
    R apply(A a, B b, C c, D d, E e) throws Throwable;

    /**
     * Runs the method and drops its result. A method that returns a value is also one of any
     * return type, so the compiler, given both forms, takes this one where either fits.
     */
    @Override
    default void run(A a, B b, C c, D d, E e) throws Throwable {
      apply(a, b, c, d, e);
    }
  }
  /**
   * A method of 0 parameters (the receiver counted first for an instance method named
   * by its class), of any return type: the shape of a void method's reference and replacement,
   * and of any method's reference for {@link #intercept}.
   */
  @FunctionalInterface
  public interface Run0 extends Serializable {
    /** Runs the method. */
    void run() throws Throwable;
  }
  /**
   * A method of 1 parameter (the receiver counted first for an instance method named
   * by its class), of any return type: the shape of a void method's reference and replacement,
   * and of any method's reference for {@link #intercept}.
   */
  @FunctionalInterface
  public interface Run1<A> extends Serializable {
    /** Runs the method. */
    void run(A a) throws Throwable;
  }
  /**
   * A method of 2 parameters (the receiver counted first for an instance method named
   * by its class), of any return type: the shape of a void method's reference and replacement,
   * and of any method's reference for {@link #intercept}.
   */
  @FunctionalInterface
  public interface Run2<A, B> extends Serializable {
    /** Runs the method. */
    void run(A a, B b) throws Throwable;
  }
  /**
   * A method of 3 parameters (the receiver counted first for an instance method named
   * by its class), of any return type: the shape of a void method's reference and replacement,
   * and of any method's reference for {@link #intercept}.
   */
  @FunctionalInterface
  public interface Run3<A, B, C> extends Serializable {
    /** Runs the method. */
    void run(A a, B b, C c) throws Throwable;
  }
  /**
   * A method of 4 parameters (the receiver counted first for an instance method named
   * by its class), of any return type: the shape of a void method's reference and replacement,
   * and of any method's reference for {@link #intercept}.
   */
  @FunctionalInterface
  public interface Run4<A, B, C, D> extends Serializable {
    /** Runs the method. */
    void run(A a, B b, C c, D d) throws Throwable;
  }
  /**
   * A method of 5 parameters (the receiver counted first for an instance method named
   * by its class), of any return type: the shape of a void method's reference and replacement,
   * and of any method's reference for {@link #intercept}.
   */
  @FunctionalInterface
  public interface Run5<A, B, C, D, E> extends Serializable {
    /** Runs the method. */
    void run(A a, B b, C c, D d, E e) throws Throwable;
  }
}
