package dev.trap.weaver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trap.CallTree;
import dev.trap.Trace;
import dev.trap.TracedCall;
import dev.trap.weaver.testing.WovenClasses;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Trace.record on woven samples: the tree of calls, across threads and pools. */
class TraceTest {

  private static final ExecutorService POOL = Executors.newFixedThreadPool(1);

  private final WovenClasses woven = WovenClasses.samples();
  private final Class<?> shop = woven.load("samples.Shop");
  private final Class<?> async = woven.load("samples.Async");

  @AfterAll
  static void stopPool() {
    POOL.shutdown();
  }

  private static String names(List<TracedCall> calls) {
    return calls.stream().map(call -> call.method().name()).collect(Collectors.joining(","));
  }

  @Test
  void record_should_give_the_tree_of_calls_with_arguments_and_results() throws Exception {
    Object instance = shop.getConstructor(int.class).newInstance(10);

    CallTree tree = Trace.record(() -> shop.getMethod("total", String.class).invoke(instance,
        "abc"));

    assertEquals(1, tree.roots().size());
    TracedCall total = tree.roots().get(0);
    assertEquals("total", total.method().name());
    assertEquals(List.of("\"abc\""), total.arguments());
    assertEquals("15", total.result());
    assertEquals("price,tax", names(total.children()));
    assertEquals("fee", names(total.children().get(0).children()));
    assertEquals(List.of("14"), total.children().get(1).arguments());
    assertEquals("Shop{base=10}", total.receiver());
    assertEquals(4, tree.count());
    assertTrue(total.durationNanos() >= total.children().get(0).durationNanos());
    assertEquals("Trace of Trace.record, 4 calls\n"
        + "  Shop.total(\"abc\") -> 15\n"
        + "    Shop.price(\"abc\") -> 14\n"
        + "      Shop.fee() -> 1\n"
        + "    Shop.tax(14) -> 1", tree.toString());
  }

  @Test
  void calls_on_a_pool_should_hang_under_the_call_that_handed_the_work_over() throws Exception {
    CallTree tree = Trace.record(() -> async.getMethod("submit", ExecutorService.class,
        int.class, int.class).invoke(null, POOL, 1, 2));

    TracedCall submit = tree.roots().get(0);
    assertEquals("submit", submit.method().name());
    TracedCall add = submit.children().get(0);
    assertEquals("add", add.method().name());
    assertNotEquals(submit.thread(), add.thread());
  }

  @Test
  void calls_of_a_thread_the_code_starts_should_hang_under_the_call_that_started_it()
      throws Exception {
    Object instance = shop.getConstructor(int.class).newInstance(1);

    CallTree tree = Trace.record(() -> {
      Thread thread = new Thread(() -> {
        try {
          shop.getMethod("price", String.class).invoke(instance, "x");
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }, "started");
      thread.start();
      thread.join();
    });

    assertEquals("price", names(tree.roots()));
    assertEquals("started", tree.roots().get(0).thread());
  }

  @Test
  void exceptions_should_show_and_values_be_rendered_safely() throws Exception {
    Class<?> calculator = woven.load("samples.Calculator");

    CallTree tree = Trace.record(() -> {
      try {
        calculator.getMethod("divide", int.class, int.class).invoke(null, 1, 0);
      } catch (java.lang.reflect.InvocationTargetException expected) {
        // traced
      }
      calculator.getMethod("range", int.class).invoke(null, 30);
    });

    assertEquals("java.lang.ArithmeticException: / by zero", tree.roots().get(0).thrown());
    assertEquals("int[30] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, ...}", tree.roots().get(1).result());
  }
}
