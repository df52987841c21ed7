package bench.subject;

import dev.trap.bench.Handing;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.IntSupplier;

/** The benchmarked subject that hands work over: to a stage, to a lambda, to an executor. */
public final class HandsOver implements Handing {

  /** Runs a task on the caller's thread, as a direct executor does: no thread to wait for. */
  private static final Executor DIRECT = Runnable::run;

  private final int[] box = new int[1];

  @Override
  public int thenApply(int a) {
    return CompletableFuture.completedFuture(a).thenApply(x -> x + 1).join();
  }

  @Override
  public int lambda(int a) {
    IntSupplier next = () -> a + 1;
    return next.getAsInt();
  }

  @Override
  public int execute(int a) {
    int[] result = box;
    DIRECT.execute(() -> result[0] = a + 1);
    return result[0];
  }
}
