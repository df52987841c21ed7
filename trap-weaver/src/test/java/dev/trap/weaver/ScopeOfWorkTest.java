package dev.trap.weaver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trap.Call;
import dev.trap.Interceptor;
import dev.trap.Registration;
import dev.trap.Scope;
import dev.trap.Target;
import dev.trap.Trap;
import dev.trap.internal.scope.Scopes;
import dev.trap.weaver.testing.WovenClasses;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.ref.WeakReference;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A patch belongs to its test, and so does the work the test hands over, wherever it runs: each
 * case here broke that in Trap 0.2. Tests running side by side are made as Trap's JUnit listener
 * makes them, each in a scope of its own, on the threads of a fork-join pool, as JUnit's parallel
 * executor runs them; the work they hand over runs in woven code ({@code samples.Work}).
 */
class ScopeOfWorkTest {

  private final WovenClasses woven = WovenClasses.samples();
  private final Class<?> work = woven.load("samples.Work");
  private final Class<?> rates = woven.load("samples.Rates");

  private Object call(String name, Object... arguments) throws Exception {
    Method method = Arrays.stream(work.getMethods()).filter(m -> m.getName().equals(name))
        .findFirst().orElseThrow();
    try {
      return method.invoke(null, arguments);
    } catch (InvocationTargetException e) {
      throw (Exception) e.getCause();
    }
  }

  /** The patch of {@code Rates.rate} to a test's own value. */
  private Interceptor rateOf(long value) {
    return new Interceptor() {
      @Override
      public Target target() {
        return Target.method(rates, "rate", "()J");
      }

      @Override
      public Object pre(Call call) {
        call.returnWith(value);
        return null;
      }
    };
  }

  /** A test of its own, as the listener runs one: its scope entered on this thread. */
  private interface TestBody {
    void run(Scope test) throws Exception;
  }

  private static void asTest(String name, Scope within, TestBody body) throws Exception {
    Scope test = Scopes.openTest(name, within);
    Scope before = Scopes.enter(test);
    try {
      body.run(test);
    } finally {
      Scopes.enter(before);
      test.close();
    }
  }

  /** Runs tests side by side on the threads of a pool of their own, as JUnit does. */
  private static void inParallel(int count, TestBody body) throws Exception {
    Scope within = Scope.current();
    ForkJoinPool junit = new ForkJoinPool(4);
    try {
      List<ForkJoinTask<?>> tests = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String name = "test " + i;
        tests.add(junit.submit(() -> {
          asTest(name, within, body);
          return null;
        }));
      }
      for (ForkJoinTask<?> test : tests) {
        test.get(60, TimeUnit.SECONDS);
      }
    } finally {
      junit.shutdown();
    }
  }

  /** Case 1 of issue 14. */
  @Test
  void pool_made_during_one_test_should_not_serve_it_to_the_next() throws Exception {
    CountDownLatch poolMade = new CountDownLatch(1);
    CountDownLatch otherDone = new CountDownLatch(1);
    Scope within = Scope.current();
    Thread first = new Thread(() -> {
      try {
        asTest("makes the pool", within, test -> {
          test.add(rateOf(999));
          assertEquals(999L, call("rateOnLazyPool"));
          poolMade.countDown();
          otherDone.await();
        });
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    List<Object> seen = Collections.synchronizedList(new ArrayList<>());
    Thread second = new Thread(() -> {
      try {
        poolMade.await();
        asTest("uses it, patching nothing", within, test -> {
          seen.add(call("rateOnLazyPool"));
          seen.add(call("rateExecutedOnLazyPool"));
          seen.add(call("rateOnLazyScheduler"));
        });
      } catch (Exception e) {
        seen.add(e);
      } finally {
        otherDone.countDown();
      }
    });
    first.start();
    second.start();
    first.join();
    second.join();

    assertEquals(List.of(1L, 1L, 1L), seen);
  }

  /** Case 2 of issue 14. */
  @Test
  void parallel_stream_should_follow_its_test_among_tests_running_side_by_side()
      throws Exception {
    inParallel(16, test -> {
      long value = 1000 + Long.parseLong(test.name().substring(5));
      test.add(rateOf(value));
      for (int round = 0; round < 5; round++) {
        for (long seen : (long[]) call("ratesOnParallelStream")) {
          assertEquals(value, seen, "in " + test.name());
        }
      }
    });
  }

  /** Case 2 of issue 14, through the other ways work runs on a pool's threads. */
  @Test
  void every_kind_of_work_should_follow_its_test_among_tests_running_side_by_side()
      throws Exception {
    inParallel(16, test -> {
      long value = 1000 + Long.parseLong(test.name().substring(5));
      test.add(rateOf(value));
      for (int round = 0; round < 3; round++) {
        assertEquals(value, call("rateOnLazyPool"), "a pool made during a test");
        assertEquals(value, call("rateExecutedOnLazyPool"), "a task handed over as it is");
        assertEquals(value, call("rateOnLazyScheduler"), "a scheduled executor");
        assertEquals(value, call("rateOnCompletableChain"), "a CompletableFuture chain");
        assertEquals(value * 64, call("rateSumOnForkJoin", 64), "a RecursiveTask");
        assertEquals(value, call("rateOnTimer"), "a Timer");
        assertEquals(value, call("rateOnVirtualThread"), "a virtual thread");
        assertEquals(value, call("rateOnNewThread"), "a thread it starts");
      }
    });
  }

  /** Case 3 of issue 14. */
  @Test
  void work_left_over_by_an_ended_test_should_reach_neither_the_next_test_nor_its_patches()
      throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    AtomicLong seen = new AtomicLong();
    Thread[] leftover = new Thread[1];
    Scope within = Scope.current();
    asTest("starts work it does not wait for", within, test -> {
      test.add(rateOf(5));
      leftover[0] = (Thread) call("rateLater", go, seen);
    });
    AtomicInteger seenByNext = new AtomicInteger();
    String warnings = stderrOf(() -> asTest("runs after it", within, test -> {
      test.add(new Interceptor() {
        @Override
        public Target target() {
          return Target.method(rates, "rate", "()J");
        }

        @Override
        public Object pre(Call call) {
          seenByNext.incrementAndGet();
          call.returnWith(7L);
          return null;
        }
      });
      go.countDown();
      leftover[0].join();
    }));

    assertEquals(1L, seen.get(), "neither the ended test's patch nor the next one's");
    assertEquals(0, seenByNext.get(), "the next test's interceptor sees none of it");
    assertTrue(warnings.contains("[Trap] WARNING: Work of scope 'starts work it does not wait"
        + " for' (closed) went on after it ended: thread rate-later called samples.Rates.rate()"
        + " (Rates.java:"), warnings);
  }

  /** Case 4 of issue 14: the pool's hook and its queue's comparator cast their tasks. */
  @Test
  void handing_over_should_not_change_what_the_pool_sees_of_its_tasks() throws Exception {
    List<Long> seen = Collections.synchronizedList(new ArrayList<>());
    List<Object> handed = Collections.synchronizedList(new ArrayList<>());
    Class<?> ranked = woven.load("samples.Ranked");
    Method rank = ranked.getMethod("rank");
    ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES,
        new PriorityBlockingQueue<>(11, (a, b) -> Integer.compare(rankOf(rank, a),
            rankOf(rank, b)))) {
      @Override
      protected void beforeExecute(Thread thread, Runnable task) {
        handed.add(ranked.cast(task));
      }
    };
    call("executeRanked", pool, 0, seen);
    asTest("hands tasks to a pool", Scope.current(), test -> {
      test.add(rateOf(42));
      call("executeRanked", pool, 3, seen);
      call("executeRanked", pool, 1, seen);
      call("executeRanked", pool, 2, seen);
      pool.shutdown();
      assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    });

    assertEquals(4, handed.size(), "every task reached the pool's hook as itself");
    assertEquals(List.of(42L, 42L, 42L), seen.subList(1, 4), "in the test's scope");
  }

  private static int rankOf(Method rank, Object task) {
    try {
      return (int) rank.invoke(task);
    } catch (ReflectiveOperationException e) {
      throw new ClassCastException(task + " is no Ranked task: " + e);
    }
  }

  /** Case 7 of issue 14. */
  @Test
  void intercepted_call_should_keep_nothing_of_its_arguments_reachable() throws Exception {
    try (Registration everyMethod = Trap.addGlobalInterceptor(new Interceptor() {
      @Override
      public Object pre(Call call) {
        return null;
      }
    })) {
      WeakReference<Object> marker = tracked();
      for (int i = 0; i < 20 && marker.get() != null; i++) {
        collectGarbage();
      }
      assertNull(marker.get(), "Trap keeps an argument of a call that returned reachable");
    }
  }

  /** In a method of its own, so that no local variable keeps the marker. */
  private WeakReference<Object> tracked() throws Exception {
    Object marker = new Object();
    call("track", marker);
    return new WeakReference<>(marker);
  }

  static void collectGarbage() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      byte[][] garbage = new byte[32][];
      for (int j = 0; j < garbage.length; j++) {
        garbage[j] = new byte[1 << 20];
      }
      Thread.sleep(5);
    }
  }

  private interface Block {
    void run() throws Exception;
  }

  private static String stderrOf(Block block) throws Exception {
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, "UTF-8"));
    try {
      block.run();
    } finally {
      System.setErr(err);
    }
    return new String(captured.toByteArray(), StandardCharsets.UTF_8);
  }
}
