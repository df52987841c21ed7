package dev.trap;

import dev.trap.internal.trace.Tracing;
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
