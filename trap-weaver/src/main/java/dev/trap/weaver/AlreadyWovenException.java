package dev.trap.weaver;

/**
 * A class file that Trap has woven already. Trap never weaves a class twice: weave the original
 * class files instead (for a Maven build, {@code mvn clean} recompiles them).
 *
 * @since 0.1.0
 */
public final class AlreadyWovenException extends WeaveException {

  private static final long serialVersionUID = 1L;

  /**
   * @param name the class file's name as the caller gave it
   * @param message the full message
   */
  public AlreadyWovenException(String name, String message) {
    super(name, message, null);
  }
}
