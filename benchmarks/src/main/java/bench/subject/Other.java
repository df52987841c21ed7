package bench.subject;

import java.util.function.IntUnaryOperator;

/**
 * A woven method that is not benchmarked: the target of the interceptor in the scenario where
 * some other method of the program is intercepted.
 */
public final class Other implements IntUnaryOperator {

  @Override
  public int applyAsInt(int operand) {
    return operand + 1;
  }
}
