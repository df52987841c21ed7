package dev.trap.internal.mock;

import dev.trap.Mock;
import dev.trap.Patch;
import dev.trap.Recording;
import dev.trap.Scope;
import dev.trap.Target;
import dev.trap.internal.callsite.CallSites;
import dev.trap.internal.dispatch.Registry;
import dev.trap.internal.dispatch.WovenMarker;
import dev.trap.internal.scope.Scopes;
import dev.trap.internal.scope.ThreadState;
import java.util.concurrent.Callable;

/** What {@link Mock}'s static methods do. Not an API. */
public final class Mocks {

  private Mocks() {
  }

  /**
   * @param method a lambda of one of Mock's functional interfaces, naming the method
   * @param replacement a lambda of the same interface
   * @return the patch, taking calls
   */
  public static Patch patch(Object method, Object replacement) {
    MethodReference reference = MethodReference.of(method, "Mock.patch");
    boolean withReceiver = !reference.isStatic && reference.receiver == null;
    return new PatchInterception(reference, Replacement.of(replacement, withReceiver),
        "Mock.patch").addTo(scope());
  }

  /**
   * @param method a lambda of one of Mock's functional interfaces, naming the method
   * @param handler what handles the calls
   * @return the patch, taking calls
   */
  public static Patch intercept(Object method, Mock.Handler handler) {
    MethodReference reference = MethodReference.of(method, "Mock.intercept");
    return new PatchInterception(reference, Replacement.of(handler), "Mock.intercept")
        .addTo(scope());
  }

  /**
   * @param descriptor the method's descriptor, or null for the only method of that name
   * @return the patch, taking calls
   */
  public static Patch patchByName(Class<?> type, String name, String descriptor,
      Mock.Handler handler) {
    MethodReference reference =
        MethodReference.byName(type, name, descriptor, "Mock.patchByName");
    return new PatchInterception(reference, Replacement.of(handler), "Mock.patchByName")
        .addTo(scope());
  }

  /**
   * @param type the class that declares the field
   * @param name the static field's name
   * @param value what its reads give
   * @return the patch, taking reads
   */
  public static Patch patchField(Class<?> type, String name, Mock.Fn0<?> value) {
    MethodReference reference = MethodReference.ofField(type, name, "Mock.patchField");
    return new PatchInterception(reference, Replacement.of(value, false), "Mock.patchField")
        .addTo(scope());
  }

  /**
   * @param method a lambda of one of Mock's functional interfaces, naming the method
   * @return the recording, taking calls
   */
  public static <R> Recording<R> record(Object method) {
    MethodReference reference = MethodReference.of(method, "Mock.record");
    return new RecordingInterception<R>(reference.target(), reference, reference.toString())
        .addTo(scope());
  }

  /** @return the recording of every method of a class, taking calls */
  public static Recording<Object> record(Class<?> type) {
    WovenMarker marker = Registry.marker(type);
    if (marker.state == WovenMarker.State.NOT_WOVEN && !CallSites.anyOf(type)) {
      throw new IllegalArgumentException("Mock.record cannot record the calls of "
          + type.getName() + ": the class is not woven. Add it to the <include> patterns of"
          + " trap-maven-plugin, and run the tests with Maven or an IDE set up as Trap's FAQ"
          + " says.");
    }
    return new RecordingInterception<Object>(Target.type(type), null,
        "the methods of " + type.getName()).addTo(scope());
  }

  /** Runs setup with patches made for every thread. */
  public static <T> T globally(Callable<T> setup) throws Exception {
    ThreadState state = ThreadState.current();
    state.globally++;
    try {
      return setup.call();
    } finally {
      state.globally--;
    }
  }

  /**
   * Where a new patch goes: the global scope within {@link #globally}; else the innermost open
   * scope of this thread, a test's when a test runs; else a scope of this thread's own, which
   * the threads it starts inherit and which lasts as long as the thread.
   */
  static Scope scope() {
    ThreadState state = ThreadState.current();
    if (state.globally > 0) {
      return Scope.global();
    }
    Scope current = state.effectiveScope();
    return current != null ? current
        : Scopes.open("thread " + Thread.currentThread().getName());
  }
}
