package samples;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.LongUnaryOperator;
import java.util.stream.IntStream;

/** Code under test that keeps work around and hands it over later: review of issue 14. */
public final class Shared {

  /** A job made on first use, during whichever test asks first, as a singleton's field would. */
  private static Runnable job;

  /** A function made in the class initializer, shared by all tests. */
  private static final LongUnaryOperator RATE = i -> Rates.rate();

  private Shared() {
  }

  public static synchronized Runnable job(List<Long> seen) {
    if (job == null) {
      job = () -> seen.add(Rates.rate());
    }
    return job;
  }

  public static synchronized void forgetJob() {
    job = null;
  }

  public static void execute(Executor pool, Runnable task) {
    pool.execute(task);
  }

  public static Future<?> submit(ExecutorService pool, Runnable task) {
    return pool.submit(task);
  }

  public static <T> Future<T> submit(ExecutorService pool, Callable<T> task) {
    return pool.submit(task);
  }

  public static Thread start(Runnable task) {
    Thread thread = new Thread(task);
    thread.start();
    return thread;
  }

  public static void runDirectly(Runnable task) {
    task.run();
  }

  /** A parallel stream made parallel after its function is given. */
  public static long[] ratesParallelAfterMap() {
    return IntStream.range(0, 64).asLongStream().map(RATE).parallel().toArray();
  }

  /** The same with a lambda made here. */
  public static long[] ratesParallelAfterMapOwnLambda() {
    return IntStream.range(0, 64).asLongStream().map(i -> Rates.rate()).parallel().toArray();
  }

  /** A single-thread pool whose factory wraps the worker, as many factories do. */
  public static ExecutorService poolWithWrappingFactory() {
    return java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
      Thread thread = new Thread(() -> {
        r.run();
      }, "wrapping-factory-pool");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** A dispatcher of its own: one thread, started on first use, serving requests. */
  private static BlockingQueue<CompletableFuture<Long>> requests;

  public static long rateByDispatcher() throws Exception {
    BlockingQueue<CompletableFuture<Long>> queue;
    synchronized (Shared.class) {
      if (requests == null) {
        requests = new LinkedBlockingQueue<>();
        BlockingQueue<CompletableFuture<Long>> served = requests;
        Thread dispatcher = new Thread(new Dispatcher(served), "dispatcher");
        dispatcher.setDaemon(true);
        dispatcher.start();
      }
      queue = requests;
    }
    CompletableFuture<Long> request = new CompletableFuture<>();
    queue.put(request);
    return request.get();
  }

  static final class Dispatcher implements Runnable {
    private final BlockingQueue<CompletableFuture<Long>> served;

    Dispatcher(BlockingQueue<CompletableFuture<Long>> served) {
      this.served = served;
    }

    @Override
    public void run() {
      while (true) {
        try {
          served.take().complete(Rates.rate());
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }
}
