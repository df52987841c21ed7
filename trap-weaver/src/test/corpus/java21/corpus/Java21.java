package corpus;

import java.util.List;

/** Java 21: pattern matching for switch, record patterns, guarded cases. */
public class Java21 {

  sealed interface Expr permits Num, Add, Mul {}

  record Num(int value) implements Expr {}

  record Add(Expr left, Expr right) implements Expr {}

  record Mul(Expr left, Expr right) implements Expr {}

  static int eval(Expr expr) {
    return switch (expr) {
      case Num n -> n.value();
      case Add(Expr l, Expr r) -> eval(l) + eval(r);
      case Mul(Num(var a), Num(var b)) when a == 0 || b == 0 -> 0;
      case Mul(Expr l, Expr r) -> eval(l) * eval(r);
    };
  }

  static String kind(Object o) {
    return switch (o) {
      case null -> "null";
      case Integer i when i > 10 -> "big int";
      case Integer i -> "int " + i;
      case String s -> "string " + s.length();
      default -> "other";
    };
  }

  public static void run(List<String> log) {
    log.add("eval " + eval(new Add(new Num(2), new Mul(new Num(3), new Num(4))))
        + " " + eval(new Mul(new Num(0), new Num(9))));
    for (Expr expr : new Expr[] {new Num(1), new Add(new Num(1), new Num(2)),
        new Mul(new Num(3), new Num(4))}) {
      log.add("record " + expr + " " + expr.equals(expr) + " " + expr.hashCode());
    }
    log.add("kind " + kind(42) + ", " + kind(7) + ", " + kind("ab") + ", " + kind(null));
  }
}
