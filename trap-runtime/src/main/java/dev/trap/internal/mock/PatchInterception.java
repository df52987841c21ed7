package dev.trap.internal.mock;

import dev.trap.Call;
import dev.trap.Interceptor;
import dev.trap.MethodInfo;
import dev.trap.Patch;
import dev.trap.Registration;
import dev.trap.Scope;
import dev.trap.Target;
import dev.trap.internal.dispatch.DirectReplacement;
import dev.trap.internal.dispatch.Registry;
import dev.trap.internal.trace.TraceMark;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;

/**
 * A {@link Patch}: the interceptor that runs a replacement instead of a method's body; where it
 * is a method's only interceptor, called directly by a busy trap.
 */
final class PatchInterception implements Interceptor, Patch, DirectReplacement, TraceMark {

  private final MethodReference method;
  private final Replacement replacement;
  private final String api;
  /** Where the test made it, for traces; null when no trace would show it. */
  private final String origin = Origin.ofCaller();
  private Registration registration;

  PatchInterception(MethodReference method, Replacement replacement, String api) {
    this.method = method;
    this.replacement = replacement;
    this.api = api;
  }

  @Override
  public String traceMark() {
    return api + " of " + method + (origin == null ? "" : " at " + origin);
  }

  /** @return this, added to the scope: it takes calls from now on */
  Patch addTo(Scope scope) {
    registration = Registry.addReplacing(scope, this);
    return this;
  }

  @Override
  public Target target() {
    return method.target();
  }

  /**
   * A patch of a constructor replaces the objects its calls make: it takes the traps of those
   * calls, which give the object, and leaves the woven constructor's own trap, which runs
   * inside the construction.
   */
  @Override
  public boolean appliesTo(MethodInfo info) {
    return !info.isConstructor() || info.returnType() != void.class;
  }

  @Override
  public Object pre(Call call) throws Throwable {
    if (method.covers(call.receiver())) {
      Replacement.decide(call, replacement, this);
    }
    return null;
  }

  @Override
  public MethodHandle directHandle(MethodInfo info, MethodType type) {
    return info.isConstructor() ? null : replacement.direct(info, type, this);
  }

  @Override
  public boolean takesReceiver(Object receiver) {
    return method.covers(receiver);
  }

  @Override
  public String method() {
    return method.toString();
  }

  @Override
  public Scope scope() {
    return registration.scope();
  }

  @Override
  public boolean isActive() {
    return registration.isActive();
  }

  /** Closing it again does nothing, as {@code AutoCloseable} advises. */
  @Override
  public void close() {
    registration.close();
  }

  @Override
  public String toString() {
    Registration added = registration;
    return api + " of " + method + (added == null ? ""
        : " in " + added.scope() + (added.isActive() ? "" : " (closed)"));
  }
}
