package dev.trap;

/**
 * A method replaced by {@link Mock#patch}, {@link Mock#intercept} or {@link Mock#patchByName},
 * until closed. Within a test it closes itself when the test ends, passed or failed; close it
 * earlier for a replacement that should hold for part of a test only:
 *
 * <pre>{@code
 * try (Patch freeShipping = Mock.patch(Shipping::cost, (shipping, cart) -> 0L)) {
 *   assertEquals(1000L, checkout.total(cart));
 * }
 * assertEquals(1450L, checkout.total(cart));   // the real cost again
 * }</pre>
 *
 * <p>Patches of one method stack: the newest open one takes the calls, and closing it hands them
 * back to the one before.
 *
 * @since 0.2.0
 */
public interface Patch extends AutoCloseable {

  /** @return the patched method, such as {@code com.acme.Shipping.cost(Cart)} */
  String method();

  /** @return the scope whose calls the patch sees: a test's, a thread's, or the global one */
  Scope scope();

  /** @return {@code true} until closed, by {@link #close()} or by the end of its scope */
  boolean isActive();

  /**
   * Ends the patch: calls that start afterwards run the real method, or the patch before it.
   * Closing it again, or after its scope ended it, does nothing, as {@code AutoCloseable}
   * advises: try-with-resources and an {@code @AfterEach} may both close it.
   *
   */
  @Override
  void close();
}
