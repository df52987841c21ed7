package corpus;

import java.util.List;

/** An interface with default and static methods, an abstract class, a generic bridge. */
public interface Shapes {

  double area();

  default String describe() {
    return getClass().getSimpleName() + " of " + Math.round(area());
  }

  static Shapes square(final double side) {
    return new Square(side);
  }

  static void run(List<String> log) {
    log.add("shape " + square(3).describe() + " " + new Circle(1).describe() + " " + square(2));
    Comparable<Square> small = new Square(1);
    log.add("bridge " + small.compareTo(new Square(2)));
  }

  abstract class Base implements Shapes {
    @Override
    public String toString() {
      return describe();
    }
  }

  final class Square extends Base implements Comparable<Square> {
    private final double side;

    Square(double side) {
      this.side = side;
    }

    @Override
    public double area() {
      return side * side;
    }

    @Override
    public int compareTo(Square other) {
      return Double.compare(side, other.side);
    }
  }

  final class Circle extends Base {
    private final double radius;

    Circle(double radius) {
      this.radius = radius;
    }

    @Override
    public double area() {
      return Math.PI * radius * radius;
    }
  }
}
