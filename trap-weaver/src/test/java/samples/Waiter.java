package samples;

import java.util.concurrent.CountDownLatch;

/** A call that runs until it is let go: one still running when a trace ends. */
public class Waiter {

  public static int await(CountDownLatch started, CountDownLatch release)
      throws InterruptedException {
    started.countDown();
    release.await();
    return 1;
  }
}
