package dev.trap.weaver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trap.Call;
import dev.trap.Interceptor;
import dev.trap.Scope;
import dev.trap.Target;
import dev.trap.internal.scope.Scopes;
import dev.trap.weaver.testing.WovenClasses;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** What the review tried that should hold. */
class ScopeOfWorkHeldTest {

  private final WovenClasses woven = WovenClasses.samples();
  private final Class<?> held = woven.load("samples.Held");
  private final Class<?> rates = woven.load("samples.Rates");
  private final Class<?> flusher = woven.load("samples.Flusher");

  private Object held(String name, Object... arguments) throws Exception {
    Method method = Arrays.stream(held.getMethods()).filter(m -> m.getName().equals(name)
        && m.getParameterCount() == arguments.length).findFirst().orElseThrow();
    try {
      return method.invoke(null, arguments);
    } catch (InvocationTargetException e) {
      throw (Exception) e.getCause();
    }
  }

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

  @Test
  void streams_and_pools_among_parallel_tests() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<String> wrong = Collections.synchronizedList(new ArrayList<>());
    inParallel(8, test -> {
      long value = 1000 + Long.parseLong(test.name().substring(5));
      test.add(rateOf(value));
      for (String name : List.of("groupingBy", "toMapMerge", "reduceCombiner", "flatMapNested",
          "sortedWithComparator", "iterateLimit", "parallelStreamOfList", "findAny",
          "arraysParallelSetAll", "chmForEach")) {
        Object got = held(name);
        if (!Long.valueOf(value).equals(got)) {
          wrong.add(test.name() + " " + name + " -> " + got);
        }
      }
      for (String name : List.of("parallelStreamInPoolTask", "invokeAny", "invokeAllNamed")) {
        Object got = held(name, pool);
        if (!Long.valueOf(value).equals(got)) {
          wrong.add(test.name() + " " + name + " -> " + got);
        }
      }
      assertEquals(1L, held("checked", pool));
    });
    pool.shutdown();
    assertEquals(List.of(), wrong);
  }

  @Test
  void observable_tasks() throws Exception {
    List<Object> rejected = Collections.synchronizedList(new ArrayList<>());
    ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES,
        new LinkedBlockingQueue<>(1), (r, e) -> rejected.add(r));
    CountDownLatch gate = new CountDownLatch(1);
    pool.execute(() -> {
      try {
        gate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    List<Long> seen = Collections.synchronizedList(new ArrayList<>());
    Runnable a = (Runnable) flusher.getConstructor(List.class).newInstance(seen);
    Runnable b = (Runnable) flusher.getConstructor(List.class).newInstance(seen);
    asTest("observes", Scope.current(), test -> {
      test.add(rateOf(9));
      held("execute", pool, a);
      held("execute", pool, b);
      assertSame(b, rejected.get(0));
      assertSame(a, pool.getQueue().peek());
      List<Runnable> left = pool.shutdownNow();
      assertSame(a, left.get(0));
      org.junit.jupiter.api.Assertions.assertThrows(NullPointerException.class,
          () -> held("execute", Executors.newSingleThreadExecutor(), null));
    });
  }

  @Test
  void caller_runs_policy_and_cf_completed_by_another_test() throws Exception {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES,
        new LinkedBlockingQueue<>(1), new ThreadPoolExecutor.CallerRunsPolicy());
    CountDownLatch gate = new CountDownLatch(1);
    pool.execute(() -> {
      try {
        gate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    List<Long> seen = Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<Long> source = new CompletableFuture<>();
    AtomicReference<CompletableFuture<Long>> dependent = new AtomicReference<>();
    Scope within = Scope.current();
    asTest("A", within, test -> {
      test.add(rateOf(5));
      held("execute", pool, flusher.getConstructor(List.class).newInstance(seen));
      held("execute", pool, flusher.getConstructor(List.class).newInstance(seen));
      assertEquals(List.of(5L), seen, "ran on the caller");
      dependent.set((CompletableFuture<Long>) held("thenApplyOn", source));
      gate.countDown();
    });
    asTest("B", within, test -> {
      test.add(rateOf(7));
      source.complete(100L);
    });
    assertEquals(101L, dependent.get().get(), "A's stage, after A ended: no patch");
    pool.shutdown();
  }

  @Test
  void scheduled_at_fixed_rate_across_tests_reports_once() throws Exception {
    ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor();
    List<Long> seen = Collections.synchronizedList(new ArrayList<>());
    Scope within = Scope.current();
    ScheduledFuture<?>[] f = new ScheduledFuture<?>[1];
    asTest("A", within, test -> {
      test.add(rateOf(5));
      f[0] = (ScheduledFuture<?>) held("everyMs", s, seen);
      Thread.sleep(20);
    });
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, "UTF-8"));
    try {
      asTest("B", within, test -> {
        test.add(rateOf(7));
        Thread.sleep(50);
      });
      asTest("C", within, test -> {
        test.add(rateOf(8));
        Thread.sleep(50);
      });
    } finally {
      System.setErr(err);
    }
    f[0].cancel(false);
    s.shutdown();
    s.awaitTermination(1, TimeUnit.SECONDS);
    String text = new String(captured.toByteArray(), StandardCharsets.UTF_8);
    err.print(text);
    assertTrue(!seen.contains(7L) && !seen.contains(8L), seen.toString());
    assertEquals(1, text.split("went on after it ended", -1).length - 1, text + " seen=" + seen.size() + " " + f[0] + " done=" + f[0].isDone());
  }
}
