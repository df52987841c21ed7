package samples;

/** A rate that tests patch, reached from every kind of work. */
public final class Rates {

  private Rates() {
  }

  public static long rate() {
    return 1;
  }
}
