package dev.trap;

import dev.trap.internal.trace.TraceComparison;
import dev.trap.internal.trace.Tracing;
import java.io.File;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Records the calls of woven methods as a tree: per test, for a whole run or for chosen tests, or
 * around a block of code.
 *
 * <p><b>Tests.</b> With {@code -Dtrap.trace=true} (or {@code <trace>true</trace>} in
 * trap-maven-plugin's configuration), every test run by the JUnit Platform is traced, and its
 * tree written under {@code target/trap-traces/}, by class and test: Trap's JSON
 * ({@code .json}), the Chrome trace-event format that Perfetto and speedscope open
 * ({@code .trace-events.json}), and a viewer, {@code index.html}, that opens from disk. With
 * {@code -Dtrap.trace=failures}, only the trees of failed tests are kept. {@link Traced} traces
 * one test or class in a run that is not traced as a whole.
 *
 * <p><b>A block.</b> {@link #record(Block)} runs code and returns the tree of what it called, for
 * checks in the test itself:
 *
 * <pre>{@code
 * CallTree tree = Trace.record(() -> checkout.total(cart));
 * assertEquals(List.of("total", "quote", "tax"),
 *     tree.calls().stream().map(call -> call.method().name()).collect(toList()));
 * }</pre>
 *
 * <p>A trace holds the calls made within its scope (see {@link Scope}): on the thread, on the
 * threads it starts and in the work it hands to pools, each under the call that handed it over.
 * {@code -Dtrap.trace.include} and {@code -Dtrap.trace.exclude} (patterns such as
 * {@code com.acme.**} or {@code com.acme.Shop#price}, comma-separated) choose the methods; the
 * calls of a method left out hand their children to the nearest call kept. A trace stops growing
 * at {@code trap.trace.maxCalls} calls (100,000) or {@code trap.trace.maxBytes} characters of
 * rendered values (20,000,000), and says so. A block follows these properties as they are when it
 * starts; a test run, as they are when it starts.
 *
 * @since 0.2.0
 */
public final class Trace {

  private Trace() {
  }

  /** Code to trace. */
  @FunctionalInterface
  public interface Block {
    /**
     * Runs the code.
     *
     * @throws Exception what it throws
     */
    void run() throws Exception;
  }

  /**
   * Runs code and returns the tree of the woven methods it called.
   *
   * @param code the code
   * @return the tree
   * @throws Exception what the code threw
   */
  public static CallTree record(Block code) throws Exception {
    return Tracing.record(code, null);
  }

  /**
   * Compares two traces of the same code, such as a test's last passing run and its failing one
   * ({@code target/trap-traces/<class>/<test>.passed.js} and {@code <test>.json}).
   *
   * @param first a trace file: Trap's {@code .json}, or the viewer's {@code .js}
   * @param second another
   * @return where the second parts from the first
   * @throws IOException if either is no trace of Trap's
   * @since 0.3.0
   */
  public static TraceDiff diff(File first, File second) throws IOException {
    return TraceComparison.of(first, second, "the first trace", "the second trace");
  }

  /**
   * Compares two traces on the command line, for a CI log or a machine without a browser:
   * {@code java -cp trap-runtime.jar dev.trap.Trace diff passed.json failed.json} prints the
   * first divergence, and exits with 0 if the traces are the same, 1 if not, 2 if one cannot
   * be read.
   *
   * @param arguments {@code diff}, then the two trace files
   * @since 0.3.0
   */
  public static void main(String[] arguments) {
    if (arguments.length != 3 || !arguments[0].equals("diff")) {
      System.err.println("Usage: java -cp trap-runtime.jar dev.trap.Trace diff FIRST SECOND\n"
          + "Prints where the second trace parts from the first (Trap's .json or the viewer's"
          + " .js files, under target/trap-traces/).");
      System.exit(2);
      return;
    }
    try {
      long start = System.nanoTime();
      TraceDiff diff = diff(new File(arguments[1]), new File(arguments[2]));
      long millis = (System.nanoTime() - start) / 1_000_000;
      System.out.println(diff.isSame() ? "The traces are the same."
          : "First divergence: " + diff.firstDivergence());
      // What a CI log wants to know of a tool that may read big files.
      System.out.println("(read and compared in " + millis + " ms)");
      System.exit(diff.isSame() ? 0 : 1);
    } catch (IOException | RuntimeException e) {
      System.err.println(e.getMessage());
      System.exit(2);
    }
  }

  /**
   * Runs code and hands the tree of the woven methods it called to {@code onTree}, also when the
   * code throws, before the exception goes on.
   *
   * @param code the code
   * @param onTree what receives the tree
   * @throws Exception what the code threw
   */
  public static void record(Block code, Consumer<CallTree> onTree) throws Exception {
    if (onTree == null) {
      throw new NullPointerException("onTree");
    }
    Tracing.record(code, onTree);
  }
}
