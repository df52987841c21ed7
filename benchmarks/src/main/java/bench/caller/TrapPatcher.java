package bench.caller;

import bench.subject.Prices;
import dev.trap.Mock;
import java.util.function.Supplier;

/** Patches {@link Prices#rate()} of the woven copy it is loaded beside to return 42. */
public final class TrapPatcher implements Supplier<AutoCloseable> {

  @Override
  public AutoCloseable get() {
    return Mock.patch(Prices::rate, () -> 42);
  }
}
