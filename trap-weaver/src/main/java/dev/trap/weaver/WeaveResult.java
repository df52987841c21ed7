package dev.trap.weaver;

import java.util.Collections;
import java.util.List;

/**
 * What weaving one class file gave: the bytes to use in its place, and what was done.
 *
 * @since 0.1.0
 */
public final class WeaveResult {

  /** What the weaver did with a class file. */
  public enum Status {
    /** At least one method received a trap; {@link #bytes()} is the woven class. */
    WOVEN,
    /** The class is not selected by the includes and excludes; {@link #bytes()} is the input. */
    NOT_SELECTED,
    /** Selected, but left as it is for the reason in {@link #reason()}; {@link #bytes()} is the input. */
    LEFT_ALONE
  }

  private final Status status;
  private final byte[] bytes;
  private final String className;
  private final int wovenMethods;
  private final String reason;
  private final List<String> warnings;

  WeaveResult(Status status, byte[] bytes, String className, int wovenMethods, String reason,
      List<String> warnings) {
    this.status = status;
    this.bytes = bytes;
    this.className = className;
    this.wovenMethods = wovenMethods;
    this.reason = reason;
    this.warnings = Collections.unmodifiableList(warnings);
  }

  /** @return what the weaver did */
  public Status status() {
    return status;
  }

  /** @return true if the class was woven */
  public boolean isWoven() {
    return status == Status.WOVEN;
  }

  /**
   * @return the class file to use: the woven class, or the input array itself when the class was
   *     not woven
   */
  public byte[] bytes() {
    return bytes;
  }

  /** @return the class's binary name, such as {@code com.acme.Price$Tax} */
  public String className() {
    return className;
  }

  /** @return how many methods received a trap */
  public int wovenMethods() {
    return wovenMethods;
  }

  /** @return why a selected class was left alone, or null */
  public String reason() {
    return reason;
  }

  /** @return warnings about methods that were left unwoven, such as methods too large to grow */
  public List<String> warnings() {
    return warnings;
  }

  @Override
  public String toString() {
    return className + ": " + status + (reason == null ? "" : " (" + reason + ")")
        + (status == Status.WOVEN ? ", " + wovenMethods + " methods" : "");
  }
}
