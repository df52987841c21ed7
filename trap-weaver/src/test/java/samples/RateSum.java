package samples;

import java.util.concurrent.RecursiveTask;

/** Sums the rate over a range, split across a fork-join pool's workers. */
public class RateSum extends RecursiveTask<Long> {

  private final int from;
  private final int to;

  public RateSum(int from, int to) {
    this.from = from;
    this.to = to;
  }

  @Override
  protected Long compute() {
    if (to - from <= 4) {
      long sum = 0;
      for (int i = from; i < to; i++) {
        sum += Rates.rate();
      }
      return sum;
    }
    int middle = (from + to) >>> 1;
    RateSum left = new RateSum(from, middle);
    left.fork();
    return new RateSum(middle, to).compute() + left.join();
  }
}
