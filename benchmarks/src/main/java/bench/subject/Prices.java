package bench.subject;

/** Static methods to patch: Trap patches the woven copy, Mockito mocks the plain one. */
public final class Prices {

  private Prices() {
  }

  public static int rate() {
    return 7;
  }

  public static int fee() {
    return 3;
  }
}
