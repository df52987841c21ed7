package corpus;

import java.util.List;
import java.util.function.BiFunction;

/** Java 9-11: private interface methods, nestmate private access, var in lambdas. */
public class Java11 {

  interface Named {
    String name();

    default String greet() {
      return decorate(name());
    }

    private String decorate(String text) {
      return "<" + text + ">";
    }

    private static String shout(String text) {
      return text.toUpperCase();
    }

    static String loud(Named named) {
      return shout(named.greet());
    }
  }

  private int secret = 11;

  class Peer {
    int read() {
      return secret;
    }
  }

  public static void run(List<String> log) {
    Named named = () -> "eleven";
    log.add("java11 " + named.greet() + " " + Named.loud(named));
    log.add("nestmate " + new Java11().new Peer().read());
    BiFunction<Integer, Integer, Integer> add = (var a, var b) -> a + b;
    log.add("var lambda " + add.apply(5, 6));
  }
}
