package dev.trap.internal.dispatch;


/** Throws checked exceptions without declaring them, as the JVM allows. */
final class Sneaky {

  private Sneaky() {
  }

  /**
   * Throws {@code thrown}. Declared to return an exception so callers can write
   * {@code throw Sneaky.rethrow(t)} and the compiler knows the path ends.
   */
  @SuppressWarnings("unchecked")
  static <T extends Throwable> T rethrow(Throwable thrown) throws T {
    throw (T) thrown;
  }
}
