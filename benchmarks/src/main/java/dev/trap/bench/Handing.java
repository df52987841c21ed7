package dev.trap.bench;

/**
 * How the benchmarks reach a subject's code that hands work over: the subject class exists twice,
 * as compiled and as woven, and the benchmark calls either through this interface.
 */
public interface Handing {

  /**
   * A stage of a completed {@code CompletableFuture}: its function handed over and run at once,
   * on the caller's thread.
   *
   * @param a a number
   * @return a number worked out from it
   */
  int thenApply(int a);

  /**
   * A lambda made and called: made as woven code makes every lambda.
   *
   * @param a a number
   * @return a number worked out from it
   */
  int lambda(int a);

  /**
   * A task handed to an executor, which runs it on the caller's thread.
   *
   * @param a a number
   * @return a number worked out from it
   */
  int execute(int a);
}
