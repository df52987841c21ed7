package dev.trap.internal;

import dev.trap.Call;
import dev.trap.MethodInfo;

/**
 * One trapped call: runs the pre hooks, hands the (possibly changed) arguments to the body, and
 * runs the post hooks on the outcome. Made only when some interceptor takes the call.
 */
final class Invocation implements Call {

  private enum Phase { PRE, BODY, POST, OVER }

  private final WovenMethod method;
  private final Object receiver;
  private final Object[] arguments;
  private final Interception[] chain;
  private final Object[] states;
  private final ThreadState thread;
  private Phase phase = Phase.PRE;
  private int preHooksDone;
  private boolean decided;
  private Object result;
  private Throwable thrown;

  Invocation(WovenMethod method, Object receiver, Object[] arguments, Interception[] chain,
      ThreadState thread) {
    this.method = method;
    this.receiver = receiver;
    this.arguments = arguments;
    this.chain = chain;
    this.states = new Object[chain.length];
    this.thread = thread;
  }

  /** Runs the pre hooks; if one decides the outcome, runs the post hooks too. */
  void start() {
    thread.enterHooks();
    try {
      for (int i = 0; i < chain.length && !decided; i++) {
        try {
          states[i] = chain[i].interceptor().pre(this);
        } catch (Throwable t) {
          decideThrown(t);
          break;
        }
        preHooksDone = i + 1;
      }
      if (decided) {
        runPostHooks();
      } else {
        phase = Phase.BODY;
      }
    } finally {
      thread.exitHooks();
    }
  }

  /** @return true when the outcome is final and the woven method must return it at once */
  boolean isComplete() {
    return phase == Phase.OVER;
  }

  Object finish(Object value) {
    if (phase != Phase.BODY) {
      return value;
    }
    result = value;
    thrown = null;
    endBody();
    return outcome();
  }

  Object finishThrown(Throwable exception) {
    if (phase != Phase.BODY) {
      throw Sneaky.<RuntimeException>rethrow(exception);
    }
    thrown = exception;
    result = null;
    endBody();
    return outcome();
  }

  private void endBody() {
    thread.enterHooks();
    try {
      runPostHooks();
    } finally {
      thread.exitHooks();
    }
  }

  private void runPostHooks() {
    phase = Phase.POST;
    for (int i = preHooksDone - 1; i >= 0; i--) {
      try {
        chain[i].interceptor().post(this, states[i]);
      } catch (Throwable t) {
        thrown = t;
        result = null;
      }
    }
    phase = Phase.OVER;
  }

  /** @return the final result, or throws the final exception */
  Object outcome() {
    if (thrown != null) {
      throw Sneaky.<RuntimeException>rethrow(thrown);
    }
    return result;
  }

  @Override
  public MethodInfo method() {
    return method;
  }

  @Override
  public Object receiver() {
    return receiver;
  }

  @Override
  public int argumentCount() {
    return arguments.length;
  }

  @Override
  public Object argument(int index) {
    return arguments[index];
  }

  @Override
  public Object[] arguments() {
    return arguments.clone();
  }

  @Override
  public void setArgument(int index, Object value) {
    if (phase != Phase.PRE) {
      throw new IllegalStateException("Arguments of " + method
          + " can only be changed in pre, before the body runs");
    }
    if (index < 0 || index >= arguments.length) {
      throw new IndexOutOfBoundsException("Argument " + index + " of " + method + ", which takes "
          + arguments.length);
    }
    Class<?> type = method.type().parameterType(index);
    if (!Types.fits(type, value)) {
      throw new IllegalArgumentException("Cannot pass " + Types.describe(value) + " as argument "
          + index + " (" + method.parameterNames().get(index) + ") of " + method
          + ", which takes " + type.getName());
    }
    arguments[index] = value;
  }

  @Override
  public void returnWith(Object value) {
    checkHooksRunning();
    Class<?> type = method.type().returnType();
    if (!Types.fits(type, value)) {
      throw new IllegalArgumentException("Cannot return " + Types.describe(value) + " from "
          + method + ", which returns " + type.getName());
    }
    decided = true;
    result = value;
    thrown = null;
  }

  @Override
  public void throwWith(Throwable exception) {
    if (exception == null) {
      throw new NullPointerException("exception to throw from " + method);
    }
    checkHooksRunning();
    decideThrown(exception);
  }

  private void decideThrown(Throwable exception) {
    decided = true;
    thrown = exception;
    result = null;
  }

  private void checkHooksRunning() {
    if (phase == Phase.BODY || phase == Phase.OVER) {
      throw new IllegalStateException("The call of " + method + " is not in an interceptor hook"
          + " any more; a Call is valid only while pre and post run");
    }
  }

  @Override
  public boolean isDone() {
    return decided || phase == Phase.POST || phase == Phase.OVER;
  }

  @Override
  public boolean hasThrown() {
    return thrown != null;
  }

  @Override
  public Object result() {
    return result;
  }

  @Override
  public Throwable thrown() {
    return thrown;
  }

  @Override
  public String toString() {
    return "Call of " + method + " (" + phase + ")";
  }
}
