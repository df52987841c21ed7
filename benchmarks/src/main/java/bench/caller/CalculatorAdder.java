package bench.caller;

import bench.subject.Calculator;
import dev.trap.bench.Adder;

/**
 * Bridges the benchmarks' {@link Adder} to the static {@link Calculator#add(int, int)}. Loaded
 * beside each copy of {@code Calculator} but never woven itself (it lies outside
 * {@code bench.subject}), so the only trap on the path is the static method's.
 */
public final class CalculatorAdder implements Adder {

  @Override
  public int add(int a, int b) {
    return Calculator.add(a, b);
  }
}
