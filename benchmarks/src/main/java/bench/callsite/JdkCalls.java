package bench.callsite;

import java.util.function.IntBinaryOperator;
import java.util.function.LongSupplier;

/** Calls of JDK methods, whose call sites the benchmark opens. */
public class JdkCalls implements IntBinaryOperator, LongSupplier {

  /** A cheap JDK method: what a trapped call site adds shows most here. */
  @Override
  public int applyAsInt(int a, int b) {
    return Math.floorMod(a, b);
  }

  /** The clock, the call site tests open most. */
  @Override
  public long getAsLong() {
    return System.nanoTime();
  }
}
