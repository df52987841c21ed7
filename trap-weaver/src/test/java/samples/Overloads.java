package samples;

/** Two overloads, one of which recurses for real: a replacement of the other may call it. */
public class Overloads {

  public static int f(int n) {
    return n;
  }

  public static int f(String text) {
    return f(text) + 1;
  }
}
