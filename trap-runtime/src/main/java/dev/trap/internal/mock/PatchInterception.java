package dev.trap.internal.mock;

import dev.trap.Call;
import dev.trap.Interceptor;
import dev.trap.MethodInfo;
import dev.trap.Patch;
import dev.trap.Registration;
import dev.trap.Scope;
import dev.trap.Target;
import dev.trap.internal.dispatch.Registry;

/** A {@link Patch}: the interceptor that runs a replacement instead of a method's body. */
final class PatchInterception implements Interceptor, Patch {

  private final MethodReference method;
  private final Replacement replacement;
  private final String api;
  private Registration registration;

  PatchInterception(MethodReference method, Replacement replacement, String api) {
    this.method = method;
    this.replacement = replacement;
    this.api = api;
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
