package samples;

/** A class whose subclasses inherit a method, and one of them overrides it. */
public class Family {

  public String m() {
    return "base";
  }

  /** Inherits m. */
  public static class Sub extends Family {
  }

  /** Inherits m too: a patch through Sub must not reach it. */
  public static class Sub2 extends Family {
  }
}
