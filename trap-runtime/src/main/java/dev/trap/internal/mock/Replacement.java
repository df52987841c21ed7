package dev.trap.internal.mock;

import dev.trap.Call;
import dev.trap.MethodInfo;
import dev.trap.Mock;
import dev.trap.internal.dispatch.Invocation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * What a patch runs instead of a method's body: a lambda of one of {@link Mock}'s functional
 * interfaces, called with the call's receiver (for a reference through a class) and arguments,
 * or a {@link Mock.Handler}, called with the call itself.
 */
abstract class Replacement {

  /**
   * Loaded with this class, not at the limit of a stack that a recursing replacement exhausted,
   * where loading it could overflow again, or fail in another agent's transformer.
   */
  private static final Class<?> EXPLAINS_RECURSION = Recursion.class;

  /** @return the call's result, boxed */
  abstract Object run(Invocation call) throws Throwable;

  /** @return true if it is given the call, and can run the body ({@code call.proceed()}) */
  boolean canProceed() {
    return false;
  }

  /**
   * @param type the trap's type ({@link dev.trap.internal.dispatch.DirectReplacement})
   * @param patch the patch, for messages
   * @return a handle that runs the replacement for a call of that type, throwing as
   *     {@link #decide} makes the call throw; or null for a handler, which is given the call
   */
  MethodHandle direct(MethodInfo method, MethodType type, Object patch) {
    return null;
  }

  static Replacement of(Mock.Handler handler) {
    if (handler == null) {
      throw new NullPointerException("handler");
    }
    return new Replacement() {
      @Override
      Object run(Invocation call) throws Throwable {
        return handler.handle(call);
      }

      @Override
      boolean canProceed() {
        return true;
      }
    };
  }

  /** @param withReceiver whether the lambda takes the receiver first, as a class's reference */
  static Replacement of(Object lambda, boolean withReceiver) {
    if (lambda == null) {
      throw new NullPointerException("replacement");
    }
    return new Replacement() {
      @Override
      Object run(Invocation call) throws Throwable {
        Object[] arguments = call.currentArguments();
        if (withReceiver) {
          Object[] all = new Object[arguments.length + 1];
          all[0] = call.receiver();
          System.arraycopy(arguments, 0, all, 1, arguments.length);
          arguments = all;
        }
        return apply(lambda, arguments);
      }

      @Override
      MethodHandle direct(MethodInfo method, MethodType type, Object patch) {
        return directHandle(lambda, withReceiver, method, type, patch);
      }
    };
  }

  /** @return the lambda's method, bound to it and adapted to the trap's type; or null */
  private static MethodHandle directHandle(Object lambda, boolean withReceiver,
      MethodInfo method, MethodType type, Object patch) {
    boolean trapTakesReceiver = type.parameterCount() > method.parameterCount();
    int count = method.parameterCount() + (withReceiver ? 1 : 0);
    if (count >= Direct.FUNCTIONS.length || withReceiver && !trapTakesReceiver) {
      return null;
    }
    MethodHandle function;
    try {
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      if (Direct.FUNCTIONS[count][0].isInstance(lambda)) {
        function = lookup.findVirtual(Direct.FUNCTIONS[count][0], "apply",
            MethodType.genericMethodType(count)).bindTo(lambda);
      } else if (Direct.FUNCTIONS[count][1].isInstance(lambda)) {
        function = MethodHandles.filterReturnValue(lookup.findVirtual(
            Direct.FUNCTIONS[count][1], "run",
            MethodType.genericMethodType(count).changeReturnType(void.class)).bindTo(lambda),
            MethodHandles.constant(Object.class, null));
      } else {
        return null;
      }
    } catch (ReflectiveOperationException e) {
      return null;
    }
    if (trapTakesReceiver && !withReceiver) {
      function = MethodHandles.dropArguments(function, 0, type.parameterType(0));
    }
    function = function.asType(type);
    MethodHandle thrown = MethodHandles.dropArguments(
        MethodHandles.insertArguments(Direct.THROWN, 0, method, patch), 1,
        type.parameterList());
    return MethodHandles.catchException(function, Throwable.class, thrown);
  }

  /** What only a replacement called directly needs, loaded when the first one is. */
  private static final class Direct {

    static final MethodHandle THROWN;

    /** The functional interfaces of replacements, by count of parameters: Fn, then Run. */
    static final Class<?>[][] FUNCTIONS = {
        {Mock.Fn0.class, Mock.Run0.class}, {Mock.Fn1.class, Mock.Run1.class},
        {Mock.Fn2.class, Mock.Run2.class}, {Mock.Fn3.class, Mock.Run3.class},
        {Mock.Fn4.class, Mock.Run4.class}, {Mock.Fn5.class, Mock.Run5.class}};

    static {
      try {
        THROWN = MethodHandles.lookup().findStatic(Replacement.class, "thrown",
            MethodType.methodType(Object.class, MethodInfo.class, Object.class,
                Throwable.class));
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }
  }

  /** What a replacement called directly threw: made what {@link #decide} makes of it. */
  static Object thrown(MethodInfo method, Object patch, Throwable thrown)
      throws Throwable {
    if (thrown instanceof StackOverflowError) {
      throw Recursion.explained((StackOverflowError) thrown, method, patch);
    }
    if (thrown instanceof Exception && !(thrown instanceof RuntimeException)
        && !Exceptions.declares(method, (Exception) thrown)) {
      throw undeclared(method, (Exception) thrown);
    }
    throw thrown;
  }

  private static IllegalStateException undeclared(MethodInfo method, Exception e) {
    return new IllegalStateException("The replacement of " + method + " threw "
        + e.getClass().getName() + ", a checked exception the method does not declare ("
        + Exceptions.declared(method) + "), so no caller of it is ready for it. Throw what the"
        + " method can throw: an unchecked exception (such as UncheckedIOException), or one it"
        + " declares.", e);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object apply(Object lambda, Object[] a) throws Throwable {
    switch (a.length) {
      case 0:
        if (lambda instanceof Mock.Fn0) {
          return ((Mock.Fn0) lambda).apply();
        }
        ((Mock.Run0) lambda).run();
        return null;
      case 1:
        if (lambda instanceof Mock.Fn1) {
          return ((Mock.Fn1) lambda).apply(a[0]);
        }
        ((Mock.Run1) lambda).run(a[0]);
        return null;
      case 2:
        if (lambda instanceof Mock.Fn2) {
          return ((Mock.Fn2) lambda).apply(a[0], a[1]);
        }
        ((Mock.Run2) lambda).run(a[0], a[1]);
        return null;
      case 3:
        if (lambda instanceof Mock.Fn3) {
          return ((Mock.Fn3) lambda).apply(a[0], a[1], a[2]);
        }
        ((Mock.Run3) lambda).run(a[0], a[1], a[2]);
        return null;
      case 4:
        if (lambda instanceof Mock.Fn4) {
          return ((Mock.Fn4) lambda).apply(a[0], a[1], a[2], a[3]);
        }
        ((Mock.Run4) lambda).run(a[0], a[1], a[2], a[3]);
        return null;
      case 5:
        if (lambda instanceof Mock.Fn5) {
          return ((Mock.Fn5) lambda).apply(a[0], a[1], a[2], a[3], a[4]);
        }
        ((Mock.Run5) lambda).run(a[0], a[1], a[2], a[3], a[4]);
        return null;
      default:
        throw new IllegalStateException("No replacement takes " + a.length + " arguments");
    }
  }

  /**
   * Runs a replacement as the caller's code and makes its result the call's. Hooks raised.
   *
   * @param patch the patch, for messages
   * @throws IllegalStateException if the replacement threw a checked exception the method does
   *     not declare, which no caller of it is ready for, or recursed through the method it
   *     replaces until the stack ran out
   */
  static void decide(Call call, Replacement replacement, Object patch) throws Throwable {
    Invocation invocation = (Invocation) call;
    int hooks = invocation.enterCallerCode();
    Object result;
    try {
      result = replacement.run(invocation);
    } catch (StackOverflowError e) {
      throw Recursion.explained(e, invocation, patch, replacement.canProceed());
    } catch (Exception e) {
      // What the body threw through call.proceed() is the method's own, declared or not.
      if (!(e instanceof RuntimeException) && !invocation.isThrownByBody(e)
          && !Exceptions.declares(call.method(), e)) {
        throw undeclared(call.method(), e);
      }
      throw e;
    } finally {
      invocation.leaveCallerCode(hooks);
    }
    call.returnWith(result);
  }
}
