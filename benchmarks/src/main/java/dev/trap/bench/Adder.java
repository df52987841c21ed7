package dev.trap.bench;

/**
 * How the benchmarks call a static method of a subject class. The subject classes exist twice,
 * as compiled and as woven, in loaders of their own; the benchmark code cannot name them, so it
 * calls through this interface, which both copies share with it.
 */
public interface Adder {

  /**
   * @param a a number
   * @param b another
   * @return their sum
   */
  int add(int a, int b);
}
