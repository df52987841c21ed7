package dev.trap.internal.dispatch;

import dev.trap.Call;
import dev.trap.MethodInfo;
import dev.trap.internal.scope.ThreadState;
import java.lang.invoke.MethodHandle;
import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * One trapped call: runs the pre hooks, hands the (possibly changed) arguments to the body, and
 * runs the post hooks on the outcome. Made only when some interceptor takes the call.
 *
 * <p>While it is in progress it is its thread's current call, and the calls trapped meanwhile on
 * that thread (from its body, {@code proceed} or a replacement) have it as their {@link #parent}:
 * the makings of a call tree.
 */
public final class Invocation implements Call {

  private enum Phase { PRE, BODY, POST, OVER }

  private final MethodSite site;
  private final WovenMethod method;
  private final Object receiver;
  private final Object[] arguments;
  private final Interception[] chain;
  private final Object[] states;
  private final ThreadState thread;
  /** The thread, entered in the scope of the task this call runs, to leave at its end; or null. */
  private final ThreadState entered;
  /**
   * The call in progress on this thread when this one started, or null. Never a call of another
   * thread: a call that outlives the one that handed its thread work must not keep that one's
   * arguments reachable.
   */
  public final Invocation parent;
  private Phase phase = Phase.PRE;
  private int preHooksDone;
  private boolean decided;
  private Object result;
  private Throwable thrown;
  /** The hook that last ran the body ({@link #proceed}), or -1; what it got, and how it ran it. */
  private int proceededBy = -1;
  private Object proceededResult;
  private boolean proceededOtherwise;
  /** What the body threw when a hook ran it ({@link #proceed}), or null. */
  private Throwable bodyThrew;
  /** The position in the chain of the hook running now, for {@link #acted}. */
  private int hook = -1;
  /**
   * What the hooks did to the call, for traces: per interception of the chain, bits of
   * {@link #REPLACED} and {@link #CHANGED}; null while none did anything.
   */
  private int[] acted;

  /** A hook decided the outcome before the body ran, or instead of it. */
  public static final int REPLACED = 1;
  /** A hook changed an argument, or the outcome after the body ran. */
  public static final int CHANGED = 2;

  Invocation(MethodSite site, Object receiver, Object[] arguments, Interception[] chain,
      ThreadState thread, ThreadState entered) {
    this.entered = entered;
    this.site = site;
    this.method = site.method();
    this.receiver = receiver;
    this.arguments = arguments;
    this.chain = chain;
    this.states = new Object[chain.length];
    this.thread = thread;
    this.parent = thread.call;
  }

  /** Runs the pre hooks; if one decides the outcome, runs the post hooks too. */
  void start() {
    thread.call = this;
    thread.hooks++;
    try {
      for (int i = 0; i < chain.length && !decided; i++) {
        hook = i;
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
      thread.hooks--;
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
    thread.hooks++;
    try {
      runPostHooks();
    } finally {
      thread.hooks--;
    }
  }

  private void runPostHooks() {
    phase = Phase.POST;
    try {
      for (int i = preHooksDone - 1; i >= 0; i--) {
        hook = i;
        try {
          chain[i].interceptor().post(this, states[i]);
        } catch (Throwable t) {
          thrown = t;
          result = null;
          act(CHANGED);
        }
      }
    } finally {
      phase = Phase.OVER;
      thread.call = parent;
      if (entered != null) {
        entered.leave();
      }
    }
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
    checkArgument(index, value);
    act(CHANGED);
    arguments[index] = value;
  }

  private void checkArgument(int index, Object value) {
    Class<?> type = method.type().parameterType(index);
    if (!Types.fits(type, value)) {
      throw new IllegalArgumentException("Cannot pass " + Types.describe(value) + " as argument "
          + index + " (" + method.parameterNames().get(index) + ") of " + method
          + ", which takes " + type.getName());
    }
  }

  @Override
  public void returnWith(Object value) {
    checkHooksRunning();
    Class<?> type = method.type().returnType();
    if (!Types.fits(type, value)) {
      throw new IllegalArgumentException("Cannot return " + Types.describe(value) + " from "
          + method + ", which returns " + type.getName());
    }
    if (phase == Phase.PRE && proceededBy == hook && hook >= 0) {
      // The hook ran the body: it changed the call only if not as called, or not what it gave.
      if (proceededOtherwise || value != proceededResult && (value == null
          || !value.equals(proceededResult))) {
        act(CHANGED);
      }
      decided = true;
      result = value;
      thrown = null;
      return;
    }
    act(phase == Phase.POST ? CHANGED : REPLACED);
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
    if (phase == Phase.PRE && proceededBy == hook && hook >= 0 && exception == bodyThrew) {
      if (proceededOtherwise) {
        act(CHANGED);
      }
    } else {
      act(phase == Phase.POST ? CHANGED : REPLACED);
    }
    decided = true;
    thrown = exception;
    result = null;
  }

  private void act(int what) {
    if (hook < 0) {
      return;
    }
    if (acted == null) {
      acted = new int[chain.length];
    }
    acted[hook] |= what;
  }

  /**
   * @return what the hooks of the interception did to this call: bits of {@link #REPLACED} and
   *     {@link #CHANGED}; 0 if nothing, or if it takes no part in the call
   */
  public int actedOn(Interception interception) {
    if (acted == null) {
      return 0;
    }
    for (int i = 0; i < chain.length; i++) {
      if (chain[i] == interception) {
        return acted[i];
      }
    }
    return 0;
  }

  /** @return the interceptions that take part in this call, in the order of their pre hooks */
  public Interception[] chain() {
    return chain.clone();
  }

  private void checkHooksRunning() {
    if (phase == Phase.BODY || phase == Phase.OVER) {
      throw new IllegalStateException("The call of " + method + " is not in an interceptor hook"
          + " any more; a Call is valid only while pre and post run");
    }
  }

  @Override
  public Object proceed() throws Throwable {
    return runBody(arguments.clone());
  }

  @Override
  public Object proceed(Object... arguments) throws Throwable {
    if (arguments == null || arguments.length != this.arguments.length) {
      throw new IllegalArgumentException("proceed of " + method + " takes "
          + this.arguments.length + " argument(s), one per parameter, not "
          + (arguments == null ? "null" : String.valueOf(arguments.length)));
    }
    for (int i = 0; i < arguments.length; i++) {
      checkArgument(i, arguments[i]);
    }
    return runBody(arguments.clone());
  }

  private Object runBody(Object[] bodyArguments) throws Throwable {
    if (phase != Phase.PRE) {
      throw new IllegalStateException("proceed of " + method + " can only run from pre, before"
          + " the body runs; in post the body has run already");
    }
    if (method.isConstructor() && method.callKind() != 'n') {
      throw new UnsupportedOperationException("proceed cannot run the body of constructor "
          + method + ": its trap runs after super(...), within the object's construction. Let"
          + " pre return instead, and the body runs.");
    }
    MethodHandle body;
    try {
      body = site.body();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Trap cannot call the body of " + method + ": " + e, e);
    }
    MethodSite bypassed = thread.bypass;
    int hooks = thread.hooks;
    // A woven method's body begins with its own trap, which must let this call through; a call
    // site's body is the called method itself, which passes no trap of this site.
    thread.bypass = method.callKind() == 0 ? site : bypassed;
    thread.hooks = 0;
    proceededBy = hook;
    proceededOtherwise = !Arrays.equals(bodyArguments, arguments);
    proceededResult = null;
    try {
      Object value = (Object) body.invokeExact(receiver, bodyArguments);
      proceededResult = value;
      return value;
    } catch (Throwable e) {
      bodyThrew = e;
      throw e;
    } finally {
      thread.bypass = bypassed;
      thread.hooks = hooks;
    }
  }

  /**
   * @return true if the method's own body threw {@code exception} when a hook ran it: the
   *     method's to throw, whatever it is
   */
  public boolean isThrownByBody(Throwable exception) {
    return exception == bodyThrew;
  }

  @Override
  public <T> T callAsCaller(Callable<T> code) throws Exception {
    checkHooksRunning();
    int hooks = enterCallerCode();
    try {
      return code.call();
    } finally {
      leaveCallerCode(hooks);
    }
  }

  /**
   * Makes what the current hook runs next the caller's own code, whose calls are trapped.
   *
   * @return what to hand {@link #leaveCallerCode} afterwards
   */
  public int enterCallerCode() {
    int hooks = thread.hooks;
    thread.hooks = 0;
    return hooks;
  }

  public void leaveCallerCode(int hooks) {
    thread.hooks = hooks;
  }

  /** @return what the pre hook of an interception returned for this call, or null */
  public Object stateOf(Interception interception) {
    for (int i = 0; i < chain.length; i++) {
      if (chain[i] == interception) {
        return states[i];
      }
    }
    return null;
  }

  /** @return true if a call of the same method is in progress below this one, on this thread */
  public boolean isWithinCallOfSameMethod() {
    for (Invocation below = parent; below != null; below = below.parent) {
      if (below.site == site) {
        return true;
      }
    }
    return false;
  }

  /** @return the state of the thread the call runs on */
  public ThreadState thread() {
    return thread;
  }

  /** @return the arguments as they are; not to be written */
  public Object[] currentArguments() {
    return arguments;
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
