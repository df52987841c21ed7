package samples;

/** Woven code that calls the library's X.m() through a trapped call site. */
public final class DiamondUser {

  private DiamondUser() {
  }

  public static String callM() {
    return new Diamond.X().m();
  }
}
