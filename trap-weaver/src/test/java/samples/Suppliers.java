package samples;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Woven code with an anonymous class that has a compiler's bridge, and methods to recurse into. */
public final class Suppliers {

  private Suppliers() {
  }

  /** An anonymous Supplier of String: the compiler adds a bridge get()Object beside get()String. */
  public static Supplier<String> greeting() {
    return new Supplier<String>() {
      @Override
      public String get() {
        return "hello";
      }
    };
  }

  public static int twice(int n) {
    return 2 * n;
  }

  public static String read(String path) throws IOException {
    return "contents of " + path;
  }

  /** Calls through a trapped call site of ArrayList.stream(). */
  public static List<String> upper(ArrayList<String> names) {
    return names.stream().map(String::toUpperCase).collect(Collectors.toList());
  }

  /** Calls a method of a null receiver through a trapped call site. */
  public static int sizeOf(ArrayList<String> names) {
    return names.size();
  }

  /** Each name, then the names again inside the callback: forEach within forEach. */
  public static List<String> nested(ArrayList<String> names) {
    List<String> seen = new ArrayList<>();
    names.forEach(outer -> {
      seen.add(outer);
      if (outer.equals("a")) {
        names.forEach(inner -> seen.add(outer + inner));
      }
    });
    return seen;
  }

  /** Asks who called it, and fails: what reads the stack must see it as it is. */
  public static String caller() {
    if (StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass()
        == null || Thread.currentThread().getStackTrace().length == 0) {
      throw new IllegalStateException("no caller");
    }
    return "called";
  }

  /** A constructor reference as a Supplier: it makes its objects as `new Random()` does. */
  public static java.util.Random random() {
    Supplier<java.util.Random> make = java.util.Random::new;
    return make.get();
  }
}
