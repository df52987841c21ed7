package corpus;

import java.util.List;

/** Java 14-17: records, sealed types, switch expressions, pattern instanceof, text blocks. */
public class Java17 {

  sealed interface Shape permits Circle, Rect {}

  record Circle(double r) implements Shape {
    Circle {
      if (r < 0) {
        throw new IllegalArgumentException("r < 0");
      }
    }

    double area() {
      return Math.PI * r * r;
    }
  }

  record Rect(long w, long h) implements Shape {
    static Rect square(long side) {
      return new Rect(side, side);
    }
  }

  static String describe(Object o) {
    if (o instanceof Rect r && r.w() == r.h()) {
      return "square " + r.w();
    }
    return o == null ? "null" : o.getClass().getSimpleName();
  }

  static int days(String month) {
    return switch (month) {
      case "feb" -> 28;
      case "apr", "jun" -> 30;
      default -> {
        int days = 31;
        yield days;
      }
    };
  }

  public static void run(List<String> log) {
    log.add("record " + new Circle(1).area() + " " + Rect.square(3) + " "
        + new Rect(1, 2).equals(new Rect(1, 2)) + " " + new Rect(1, 2).hashCode());
    Circle circle = new Circle(2);
    log.add("record methods " + circle + " " + circle.equals(new Circle(2)) + " "
        + circle.hashCode() + " " + circle.r());
    log.add("patterns " + describe(Rect.square(2)) + " " + describe("text"));
    log.add("switch " + days("feb") + days("jun") + days("jan"));
    log.add("text block " + """
        trap
        """.strip());
  }
}
