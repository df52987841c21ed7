package samples;

import java.util.concurrent.Callable;

/** A callable of a named class. */
public class Job implements Callable<Long> {
  @Override
  public Long call() {
    return Rates.rate();
  }
}
