package bench.subject;

import dev.trap.bench.Greeter;

/**
 * The benchmarked subject: a trivial static method and a small instance method. Outside
 * {@code dev.trap}, because the weaver never selects Trap's own classes.
 */
public final class Calculator implements Greeter {

  private final String[] salutations = {"Hello", "Hi", "Hey", "Howdy"};

  /**
   * The static method whose trap is measured.
   *
   * @param a a number
   * @param b another
   * @return their sum
   */
  public static int add(int a, int b) {
    return a + b;
  }

  /**
   * The instance method whose trap is measured. It reads its receiver and its argument but
   * allocates nothing, so that an allocation by the trap would show in {@code -prof gc} and its
   * time would not hide behind the body's.
   */
  @Override
  public String greet(String name) {
    return salutations[name.length() & 3];
  }
}
