package samples;

/** An enum whose constant HIGH overrides a method with a body of its own. */
public enum Level {
  LOW,
  HIGH {
    @Override
    public String label() {
      return "high!";
    }
  };

  public String label() {
    return name().toLowerCase();
  }
}
