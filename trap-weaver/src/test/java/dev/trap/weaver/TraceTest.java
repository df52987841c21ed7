package dev.trap.weaver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trap.CallTree;
import dev.trap.Trace;
import dev.trap.TracedCall;
import dev.trap.weaver.testing.WovenClasses;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
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

  @Test
  void a_constructor_should_show_the_object_it_built() throws Exception {
    CallTree tree = Trace.record(() -> shop.getConstructor(int.class).newInstance(10));

    TracedCall constructor = tree.roots().get(0);
    assertTrue(constructor.method().isConstructor());
    assertEquals(List.of("10"), constructor.arguments());
    assertEquals("Shop{base=10}", constructor.receiver());
  }

  @Test
  void arguments_should_show_as_they_were_when_the_call_began() throws Exception {
    Class<?> basket = woven.load("samples.Basket");
    List<String> items = new ArrayList<>(List.of("apple"));

    CallTree tree = Trace.record(() -> basket.getMethod("add", List.class, String.class)
        .invoke(null, items, "pear"));

    assertEquals(List.of("[\"apple\"]", "\"pear\""), tree.roots().get(0).arguments());
    assertEquals("2", tree.roots().get(0).result());
  }

  @Test
  void a_call_left_out_should_hand_its_children_to_the_nearest_call_kept() throws Exception {
    Object instance = shop.getConstructor(int.class).newInstance(10);

    CallTree tree = withProperties(Map.of("trap.trace.include", "samples.Shop#total, *.Shop#f*",
        "trap.trace.exclude", "samples.Shop#tax"), () -> Trace.record(() ->
            shop.getMethod("total", String.class).invoke(instance, "abc")));

    assertEquals("Trace of Trace.record, 2 calls\n"
        + "  Shop.total(\"abc\") -> 15\n"
        + "    Shop.fee() -> 1", tree.toString());
  }

  @Test
  void a_trace_should_stop_at_its_limit_and_say_so() throws Exception {
    Object instance = shop.getConstructor(int.class).newInstance(10);

    CallTree tree = withProperties(Map.of("trap.trace.maxCalls", "3"), () -> Trace.record(() ->
        shop.getMethod("total", String.class).invoke(instance, "abc")));

    assertEquals(3, tree.count());
    assertTrue(tree.isTruncated());
    assertEquals("Trace of Trace.record, 3 calls (cut at its limit)\n"
        + "  Shop.total(\"abc\") -> 15\n"
        + "    Shop.price(\"abc\") -> 14\n"
        + "      Shop.fee() -> 1", tree.toString());
  }

  @Test
  void record_should_hand_over_the_tree_when_the_code_throws() {
    Class<?> calculator = woven.load("samples.Calculator");
    AtomicReference<CallTree> handed = new AtomicReference<>();

    InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
        () -> Trace.record(() -> calculator.getMethod("divide", int.class, int.class)
            .invoke(null, 1, 0), handed::set));

    assertTrue(thrown.getCause() instanceof ArithmeticException);
    assertEquals("divide", names(handed.get().roots()));
    assertTrue(handed.get().roots().get(0).isFinished());
  }

  private static CallTree withProperties(Map<String, String> properties, Callable<CallTree> code)
      throws Exception {
    properties.forEach(System::setProperty);
    try {
      return code.call();
    } finally {
      properties.keySet().forEach(System::clearProperty);
    }
  }

  @Test
  void a_block_traced_within_a_trace_should_show_its_calls_in_both() throws Exception {
    Object instance = shop.getConstructor(int.class).newInstance(10);
    AtomicReference<CallTree> inner = new AtomicReference<>();

    CallTree outer = Trace.record(() -> {
      inner.set(Trace.record(() -> shop.getMethod("price", String.class).invoke(instance, "a")));
      shop.getMethod("tax", int.class).invoke(null, 5);
    });

    assertEquals("price", names(inner.get().roots()));
    assertEquals("fee", names(inner.get().roots().get(0).children()));
    assertEquals("price,tax", names(outer.roots()));
    assertEquals("fee", names(outer.roots().get(0).children()));
  }

  @Test
  void results_should_count_toward_the_limit_of_characters() throws Exception {
    Class<?> calculator = woven.load("samples.Calculator");

    // Per call: "300" and an allowance of 120 at entry, a 44-character result at the end. 400
    // holds three entries (369), but two calls with their results and a third entry (457) no more.
    CallTree tree = withProperties(Map.of("trap.trace.maxBytes", "400"), () -> Trace.record(() -> {
      for (int i = 0; i < 5; i++) {
        calculator.getMethod("range", int.class).invoke(null, 300);
      }
    }));

    assertTrue(tree.isTruncated());
    assertEquals(2, tree.count(), tree.toString());
    assertEquals("int[300] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, ...}", tree.roots().get(0).result());
  }
}
