package samples.scenarios;

/** A class the weaver of MockTest leaves alone, as an <include> that misses it would. */
public class Unwoven {

  public static int value() {
    return 1;
  }
}
