package samples;

import java.util.List;

/** A task that a pool on a priority queue orders by its rank, and that records the rate. */
public class Ranked implements Runnable, Comparable<Ranked> {

  private final int rank;
  private final List<Long> seen;

  public Ranked(int rank, List<Long> seen) {
    this.rank = rank;
    this.seen = seen;
  }

  public int rank() {
    return rank;
  }

  @Override
  public void run() {
    seen.add(Rates.rate());
  }

  @Override
  public int compareTo(Ranked other) {
    return Integer.compare(rank, other.rank);
  }
}
