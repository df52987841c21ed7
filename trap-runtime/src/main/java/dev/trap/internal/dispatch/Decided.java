package dev.trap.internal.dispatch;

/**
 * The outcome of a call that a {@link DirectReplacement} decided, returned by a trap in place of
 * a call's state: the woven method returns its value at once ({@link Trampoline#isDone}). Made
 * and read within the woven method's own code, so the JIT does not allocate it.
 */
final class Decided {

  final Object value;

  Decided(Object value) {
    this.value = value;
  }
}
