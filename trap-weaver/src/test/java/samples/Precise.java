package samples;

import java.io.IOException;

/** Shapes that method references, patchByName and replacements must read exactly. */
public final class Precise {

  private Precise() {
  }

  /** A generic base whose subclass overrides with a narrower return type: javac adds a bridge. */
  public static class Box<T> {
    public T get() {
      return null;
    }
  }

  public static class StringBox extends Box<String> {
    @Override
    public String get() {
      return "real";
    }
  }

  /** A default overridden by a default of a sub-interface. */
  public interface A {
    default String m() {
      return "a";
    }
  }

  public interface B extends A {
    @Override
    default String m() {
      return "b";
    }
  }

  public static class C implements B {
  }

  /** An interface a proxy implements. */
  public interface Greeting {
    String hello();
  }

  /** Overloads spread over a class and its superclass. */
  public static class Base {
    public String n(String s) {
      return "base " + s;
    }

    public String o(int i) {
      return "o int";
    }

    public String o(String s) {
      return "o string";
    }
  }

  public static class Sub extends Base {
    public String n(int i) {
      return "sub " + i;
    }
  }

  /** Throws a checked exception it does not declare, as Lombok's @SneakyThrows does. */
  public static int sneaky() {
    throw Precise.<RuntimeException>sneak(new IOException("real body"));
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> E sneak(Throwable t) throws E {
    throw (E) t;
  }

  /** Recurses n deep, legitimately. */
  public static int depth(int n) {
    return n == 0 ? 0 : 1 + depth(n - 1);
  }

  public record Pair(String left, String right) {
  }

  public static class StaticBase {
    public static String staticOfBase() {
      return "base";
    }
  }

  public static class StaticSub extends StaticBase {
    public static String callThroughSub() {
      return StaticSub.staticOfBase();
    }
  }
}
