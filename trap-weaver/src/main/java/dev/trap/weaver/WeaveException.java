package dev.trap.weaver;

import java.io.IOException;

/**
 * A class file that could not be woven. The message names the file, the Trap version and the
 * cause, and says what to do; the cause, where there is one, is chained.
 *
 * @since 0.1.0
 */
public class WeaveException extends IOException {

  private static final long serialVersionUID = 1L;

  private final String name;

  /**
   * @param name the class file's name as the caller gave it
   * @param message the full message
   * @param cause the underlying failure, or null
   */
  public WeaveException(String name, String message, Throwable cause) {
    super(message, cause);
    this.name = name;
  }

  /** @return the name of the class file, as given to the weaver ({@code lib.jar@a/B.class}) */
  public String name() {
    return name;
  }
}
