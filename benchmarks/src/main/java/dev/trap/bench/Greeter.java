package dev.trap.bench;

/**
 * How the benchmarks call an instance method of a subject class, which implements this interface
 * directly: see {@link Adder} for why an interface.
 */
public interface Greeter {

  /**
   * @param name whom to greet
   * @return a greeting
   */
  String greet(String name);
}
