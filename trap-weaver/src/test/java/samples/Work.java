package samples;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/** Code under test that hands its work to other threads in every way code does. */
public final class Work {

  private static ExecutorService lazyPool;
  private static ScheduledExecutorService lazyScheduler;
  private static Timer lazyTimer;

  private Work() {
  }

  /** A pool made on first use: during whichever test calls first. */
  private static synchronized ExecutorService lazyPool() {
    if (lazyPool == null) {
      lazyPool = Executors.newFixedThreadPool(1, task -> {
        Thread thread = new Thread(task, "lazy-pool");
        thread.setDaemon(true);
        return thread;
      });
    }
    return lazyPool;
  }

  public static long rateOnLazyPool() throws Exception {
    return lazyPool().submit(() -> Rates.rate()).get();
  }

  /** The same pool, with the task handed over by execute, which keeps the task as it is. */
  public static long rateExecutedOnLazyPool() throws Exception {
    CompletableFuture<Long> rate = new CompletableFuture<>();
    lazyPool().execute(() -> rate.complete(Rates.rate()));
    return rate.get();
  }

  /** @return the lazy pool, for a test's own code to hand work to */
  public static ExecutorService pool() {
    return lazyPool();
  }

  public static synchronized long rateOnLazyScheduler() throws Exception {
    if (lazyScheduler == null) {
      lazyScheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "lazy-scheduler");
        thread.setDaemon(true);
        return thread;
      });
    }
    return lazyScheduler.schedule(Rates::rate, 1, TimeUnit.MILLISECONDS).get();
  }

  public static long[] ratesOnParallelStream() {
    return IntStream.range(0, 256).parallel().mapToLong(i -> Rates.rate()).toArray();
  }

  public static long rateOnCompletableChain() {
    return CompletableFuture.supplyAsync(Rates::rate)
        .thenApplyAsync(rate -> rate + Rates.rate())
        .thenCompose(sum -> CompletableFuture.supplyAsync(() -> sum + Rates.rate()))
        .join() / 3;
  }

  public static long rateSumOnForkJoin(int count) {
    return ForkJoinPool.commonPool().invoke(new RateSum(0, count));
  }

  public static long rateOnTimer() throws Exception {
    Timer timer;
    synchronized (Work.class) {
      if (lazyTimer == null) {
        lazyTimer = new Timer("lazy-timer", true);
      }
      timer = lazyTimer;
    }
    CompletableFuture<Long> rate = new CompletableFuture<>();
    timer.schedule(new TimerTask() {
      @Override
      public void run() {
        rate.complete(Rates.rate());
      }
    }, 1);
    return rate.get();
  }

  /** On a virtual thread where the JVM has them (21 and later), else on a platform thread. */
  public static long rateOnVirtualThread() throws Exception {
    AtomicLong rate = new AtomicLong();
    Runnable task = () -> rate.set(Rates.rate());
    Thread thread;
    try {
      Method start = Thread.class.getMethod("startVirtualThread", Runnable.class);
      thread = (Thread) start.invoke(null, task);
    } catch (NoSuchMethodException e) {
      thread = new Thread(task);
      thread.start();
    }
    thread.join();
    return rate.get();
  }

  public static long rateOnNewThread() throws Exception {
    AtomicLong rate = new AtomicLong();
    Thread thread = new Thread(() -> rate.set(Rates.rate()));
    thread.start();
    thread.join();
    return rate.get();
  }

  /** Starts a thread that reads the rate once {@code go} opens: work that may outlive a test. */
  public static Thread rateLater(CountDownLatch go, AtomicLong seen) {
    Thread thread = new Thread(() -> {
      try {
        go.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      seen.set(Rates.rate());
    }, "rate-later");
    thread.start();
    return thread;
  }

  public static void executeRanked(Executor pool, int rank, List<Long> seen) {
    pool.execute(new Ranked(rank, seen));
  }

  /**
   * Starts a thread that outlives this call and waits for work forever, as a reaper of a file
   * cleaner does; the marker is the caller's, and nothing here keeps it.
   */
  public static BlockingQueue<Object> track(Object marker) {
    BlockingQueue<Object> work = new LinkedBlockingQueue<>();
    Thread reaper = new Thread(() -> reap(work), "reaper");
    reaper.setDaemon(true);
    reaper.start();
    return work;
  }

  private static void reap(BlockingQueue<Object> work) {
    while (true) {
      try {
        work.take();
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
