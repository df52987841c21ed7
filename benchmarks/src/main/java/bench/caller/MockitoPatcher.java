package bench.caller;

import bench.subject.Prices;
import java.util.function.Supplier;
import org.mockito.MockedStatic;
import org.mockito.Mockito;

/** Mocks {@link Prices#rate()} of the plain copy it is loaded beside to return 42. */
public final class MockitoPatcher implements Supplier<AutoCloseable> {

  @Override
  public AutoCloseable get() {
    MockedStatic<Prices> prices = Mockito.mockStatic(Prices.class);
    prices.when(Prices::rate).thenReturn(42);
    return prices;
  }
}
