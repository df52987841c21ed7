package dev.trap.weaver;

import dev.trap.weaver.internal.ClassWeaving;
import java.util.Collections;
import java.util.List;
import java.util.Set;

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

  private final ClassWeaving.Outcome outcome;

  WeaveResult(ClassWeaving.Outcome outcome) {
    this.outcome = outcome;
  }

  /** @return what the weaver did */
  public Status status() {
    return outcome.status;
  }

  /** @return true if the class was woven */
  public boolean isWoven() {
    return outcome.status == Status.WOVEN;
  }

  /**
   * @return the class file to use: the woven class, or the input array itself when the class was
   *     not woven
   */
  public byte[] bytes() {
    return outcome.bytes;
  }

  /** @return the class's binary name, such as {@code com.acme.Price$Tax} */
  public String className() {
    return outcome.className;
  }

  /** @return how many methods received a trap */
  public int wovenMethods() {
    return outcome.wovenMethods;
  }

  /** @return why a selected class was left alone, or null */
  public String reason() {
    return outcome.reason;
  }

  /** @return warnings about methods that were left unwoven, such as methods too large to grow */
  public List<String> warnings() {
    return Collections.unmodifiableList(outcome.warnings);
  }

  /**
   * @return the methods of other classes whose calls in this class go through traps, as
   *     {@code owner.name + descriptor} with internal names, such as
   *     {@code java/lang/System.currentTimeMillis()J}; empty unless call sites were selected
   * @since 0.2.0
   */
  public Set<String> callees() {
    return Collections.unmodifiableSet(outcome.callees);
  }

  /** @return the text of the woven class's marker, for the runtime; null if not woven */
  String markerText() {
    return outcome.markerText;
  }

  @Override
  public String toString() {
    return outcome.className + ": " + outcome.status
        + (outcome.reason == null ? "" : " (" + outcome.reason + ")")
        + (outcome.status == Status.WOVEN ? ", " + outcome.wovenMethods + " methods" : "");
  }
}
