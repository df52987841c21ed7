package bench.caller;

import bench.subject.Prices;
import java.util.function.IntSupplier;

/** Calls {@link Prices#rate()} of the copy it is loaded beside; never woven itself. */
public final class RateCaller implements IntSupplier {

  @Override
  public int getAsInt() {
    return Prices.rate();
  }
}
