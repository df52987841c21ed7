package samples;

/** An interface with default, static and private methods. */
public interface Greeter {

  String name();

  default String hello(String who) {
    return prefix() + who + " from " + name();
  }

  private String prefix() {
    return "hello ";
  }

  static Greeter named(String name) {
    return () -> name;
  }
}
