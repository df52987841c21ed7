package dev.trap.internal.mock;

import dev.trap.Call;
import dev.trap.Mock;
import dev.trap.internal.dispatch.Invocation;

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
    };
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
        throw new IllegalStateException("The replacement of " + call.method() + " threw "
            + e.getClass().getName() + ", a checked exception the method does not declare ("
            + Exceptions.declared(call.method()) + "), so no caller of it is ready for it."
            + " Throw what the method can throw: an unchecked exception (such as"
            + " UncheckedIOException), or one it declares.", e);
      }
      throw e;
    } finally {
      invocation.leaveCallerCode(hooks);
    }
    call.returnWith(result);
  }
}
