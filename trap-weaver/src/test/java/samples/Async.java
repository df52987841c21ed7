package samples;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

/** Code that hands work to other threads, in each of the ways the weaver follows. */
public class Async {

  public static int submit(ExecutorService pool, int a, int b) throws Exception {
    return pool.submit(() -> Calculator.add(a, b)).get();
  }

  public static int submitToThreadPoolExecutor(ThreadPoolExecutor pool, int a, int b)
      throws Exception {
    return pool.submit(() -> Calculator.add(a, b)).get();
  }

  public static int execute(Executor executor, int a, int b) throws Exception {
    AtomicInteger sum = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(1);
    executor.execute(() -> {
      sum.set(Calculator.add(a, b));
      done.countDown();
    });
    done.await();
    return sum.get();
  }

  public static int invokeAll(ExecutorService pool, int a, int b) throws Exception {
    Callable<Integer> task = () -> Calculator.add(a, b);
    return pool.invokeAll(List.of(task)).get(0).get();
  }

  public static int supplyAsync(int a, int b) throws Exception {
    return CompletableFuture.supplyAsync(() -> Calculator.add(a, b)).get();
  }

  public static int thenApplyAsync(int a, int b) {
    return CompletableFuture.completedFuture(a).thenApplyAsync(x -> Calculator.add(x, b)).join();
  }
}
