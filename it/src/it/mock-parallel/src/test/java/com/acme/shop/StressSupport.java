package com.acme.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trap.Mock;
import dev.trap.Scope;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What each test of the stress classes does: patch the same two methods with values of its own,
 * then check, again and again, that its work sees them on every thread it runs on, however it
 * was handed over, while the other tests do the same with theirs.
 */
final class StressSupport {

  /** A pool the tests hand work to from their own code, made before any of them runs. */
  static final ExecutorService TEST_POOL = Executors.newFixedThreadPool(2);

  private static final AtomicInteger RUNNING = new AtomicInteger();
  private static final AtomicInteger MOST_AT_ONCE = new AtomicInteger();

  private StressSupport() {
  }

  /** Before the tests: pools whose threads exist before any test runs. */
  static void warmUp() throws Exception {
    System.out.println("Stress tests on Java " + System.getProperty("java.version"));
    Work.warmUp();
    TEST_POOL.submit(() -> { }).get();
    TEST_POOL.submit(() -> { }).get();
  }

  static void patchAndCheck(long value) throws Exception {
    MOST_AT_ONCE.accumulateAndGet(RUNNING.incrementAndGet(), Math::max);
    try {
      check(value);
    } finally {
      RUNNING.decrementAndGet();
    }
    System.out.println("Stress tests at once, at most so far: " + MOST_AT_ONCE.get());
  }

  private static void check(long value) throws Exception {
    Mock.patch(Clock::nowMillis, () -> value);
    Mock.patch(PriceService::quote, (self, sku) -> (int) value);
    Checkout checkout = new Checkout(new PriceService(0));
    String expected = value + "@" + value;

    for (int round = 0; round < 5; round++) {
      assertEquals(expected, checkout.stamp("x"), "on the test's thread");
      AtomicReference<String> started = new AtomicReference<>();
      Thread thread = new Thread(() -> started.set(checkout.stamp("x")));
      thread.start();
      thread.join();
      assertEquals(expected, started.get(), "on a thread the test started");
      assertEquals(expected, checkout.stampOnPool("x"), "on the woven code's pool");
      assertEquals(expected, checkout.stampAsync("x"), "on the common pool");
      assertEquals(expected, Work.onEarlyPool(checkout), "on a pool made before the tests");
      assertEquals(expected, Work.onLazyPool(checkout), "on a pool made during a test");
      assertEquals(expected, Work.executedOnEarlyPool(checkout), "a task executed as it is");
      assertEquals(expected, Work.onScheduler(checkout), "on a scheduled executor");
      assertEquals(expected + "|" + expected + "|" + expected,
          Work.onCompletableChain(checkout), "through a CompletableFuture chain");
      assertEquals(expected, Work.onParallelStream(checkout), "in a parallel stream");
      assertEquals(expected, Work.onRecursiveTask(checkout), "in a RecursiveTask");
      assertEquals(expected, Work.onTimer(checkout), "on a Timer");
      assertEquals(expected, Work.onVirtualThread(checkout), Work.hasVirtualThreads()
          ? "on a virtual thread" : "on a thread started by woven code");
      assertEquals(expected, TEST_POOL.submit(Scope.current().wrap(() -> checkout.stamp("x")))
          .get(), "on a pool the test hands wrapped work to");
    }
  }
}
