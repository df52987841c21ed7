package samples;

import java.util.List;

/** A task of a named class, kept and handed over again, as a singleton's flusher is. */
public class Flusher implements Runnable {

  private final List<Long> seen;

  public Flusher(List<Long> seen) {
    this.seen = seen;
  }

  @Override
  public void run() {
    seen.add(Rates.rate());
  }
}
