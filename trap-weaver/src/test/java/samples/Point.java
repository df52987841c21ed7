package samples;

/** A record with a compact constructor and a method. */
public record Point(int x, int y) {

  public Point {
    if (x < 0) {
      throw new IllegalArgumentException("x < 0: " + x);
    }
  }

  public Point plus(Point other) {
    return new Point(x + other.x, y + other.y);
  }
}
