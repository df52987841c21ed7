package samples;

import java.io.Serializable;

/** Constructors that delegate, compute super arguments, and throw; a Serializable class. */
public class Constructors extends Base implements Serializable {

  private final long id;
  private transient String label;

  public Constructors() {
    this(7L, "seven");
  }

  public Constructors(long id, String label) {
    super(label == null ? "none" : label.trim());
    this.id = id;
    this.label = label;
  }

  public Constructors(int failing) {
    super("failing");
    throw new IllegalStateException("failing constructor " + failing);
  }

  public long id() {
    return id;
  }

  public String label() {
    return label;
  }
}

class Base implements Serializable {
  private static final long serialVersionUID = 3L;
  final String base;

  Base(String base) {
    this.base = base;
  }
}
