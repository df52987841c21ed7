package dev.trap.weaver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trap.Call;
import dev.trap.CallTree;
import dev.trap.Interceptor;
import dev.trap.Scope;
import dev.trap.Target;
import dev.trap.Trace;
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
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Edges of the promise that a patch belongs to its test, found by a hostile review of issue 14:
 * lambdas kept and handed over by another test, tasks handed over twice or run directly, pools
 * whose thread factory wraps the worker, streams made parallel late, executors behind the JDK's
 * wrappers, work that outlives its trace. Each failed once.
 */
class ScopeOfWorkEdgesTest {

  private final WovenClasses woven = WovenClasses.samples();
  private final Class<?> shared = woven.load("samples.Shared");
  private final Class<?> work = woven.load("samples.Work");
  private final Class<?> rates = woven.load("samples.Rates");
  private final Class<?> flusher = woven.load("samples.Flusher");

  private static Object invoke(Class<?> type, String name, Object... arguments) throws Exception {
    Method method = Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(name)
        && m.getParameterCount() == arguments.length).findFirst().orElseThrow();
    return invoke(method, arguments);
  }

  private static Object invoke(Method method, Object... arguments) throws Exception {
    try {
      return method.invoke(null, arguments);
    } catch (InvocationTargetException e) {
      throw (Exception) e.getCause();
    }
  }

  private Object shared(String name, Object... arguments) throws Exception {
    return invoke(shared, name, arguments);
  }

  private Runnable newFlusher(List<Long> seen) throws Exception {
    return (Runnable) flusher.getConstructor(List.class).newInstance(seen);
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

  /** Runs two tests side by side, each on a thread of its own; rethrows what either threw. */
  private static void sideBySide(TestBody a, TestBody b) throws Exception {
    Scope within = Scope.current();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread ta = new Thread(() -> {
      try {
        asTest("A", within, a);
      } catch (Throwable e) {
        failure.compareAndSet(null, e);
      }
    }, "test-A");
    Thread tb = new Thread(() -> {
      try {
        asTest("B", within, b);
      } catch (Throwable e) {
        failure.compareAndSet(null, e);
      }
    }, "test-B");
    ta.start();
    tb.start();
    ta.join();
    tb.join();
    if (failure.get() instanceof Exception) {
      throw (Exception) failure.get();
    } else if (failure.get() != null) {
      throw (Error) failure.get();
    }
  }

  private static void drain(ExecutorService pool) throws Exception {
    pool.submit(() -> { }).get(10, TimeUnit.SECONDS);
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
    String text = new String(captured.toByteArray(), StandardCharsets.UTF_8);
    err.print(text);
    return text;
  }

  // ---------------------------------------------------------------------------------------------

  /** A lambda kept from an earlier test, handed over by the next one: execute, a thread, submit. */
  @Test
  void kept_lambda_handed_over_by_a_later_test_should_see_that_tests_patch() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    List<Long> seen = Collections.synchronizedList(new ArrayList<>());
    Scope within = Scope.current();
    asTest("makes the job", within, test -> {
      test.add(rateOf(5));
      shared("job", seen);
    });
    String warnings = stderrOf(() -> asTest("hands the job over", within, test -> {
      test.add(rateOf(7));
      Runnable job = (Runnable) shared("job", seen);
      shared("execute", pool, job);
      drain(pool);
      ((Future<?>) invoke(shared.getMethod("submit", ExecutorService.class, Runnable.class),
          pool, job)).get();
      ((Thread) shared("start", job)).join();
    }));
    pool.shutdown();
    assertEquals(List.of(7L, 7L, 7L), seen, "execute, submit, a started thread; stderr: "
        + warnings);
  }

  /** The same while the test that made the lambda still runs: the other test's patch leaks. */
  @Test
  void kept_lambda_handed_over_by_a_parallel_test_should_not_see_the_makers_patch()
      throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    List<Long> seen = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch made = new CountDownLatch(1);
    CountDownLatch used = new CountDownLatch(1);
    sideBySide(a -> {
      a.add(rateOf(5));
      shared("job", seen);
      made.countDown();
      used.await();
    }, b -> {
      b.add(rateOf(7));
      made.await();
      try {
        Runnable job = (Runnable) shared("job", seen);
        shared("execute", pool, job);
        drain(pool);
        ((Thread) shared("start", job)).join();
      } finally {
        used.countDown();
      }
    });
    pool.shutdown();
    assertEquals(List.of(7L, 7L), seen, "test B's execute and thread ran B's work");
  }

  /** A task once handed over by execute carries its test's scope forever, also when run directly. */
  @Test
  void task_run_directly_by_a_later_test_should_see_that_tests_patch() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    List<Long> seen = Collections.synchronizedList(new ArrayList<>());
    Runnable task = newFlusher(seen);
    Scope within = Scope.current();
    asTest("executes a flusher", within, test -> {
      test.add(rateOf(5));
      shared("execute", pool, task);
      drain(pool);
    });
    String warnings = stderrOf(() -> asTest("runs it itself", within, test -> {
      test.add(rateOf(7));
      shared("runDirectly", task);
    }));
    pool.shutdown();
    assertEquals(List.of(5L, 7L), seen, "stderr: " + warnings);
  }

  /**
   * One task object queued by two tests side by side: which run is whose cannot be told, so
   * neither runs with a test's patches, and Trap says so.
   */
  @Test
  void same_task_queued_by_two_parallel_tests_should_run_in_neither_and_say_so()
      throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    CountDownLatch gate = new CountDownLatch(1);
    pool.execute(() -> {
      try {
        gate.await();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    List<Long> seen = Collections.synchronizedList(new ArrayList<>());
    Runnable task = newFlusher(seen);
    CountDownLatch aQueued = new CountDownLatch(1);
    CountDownLatch bQueued = new CountDownLatch(1);
    CountDownLatch ran = new CountDownLatch(1);
    String warnings = stderrOf(() -> sideBySide(a -> {
      a.add(rateOf(5));
      shared("execute", pool, task);
      aQueued.countDown();
      ran.await();
    }, b -> {
      b.add(rateOf(7));
      aQueued.await();
      shared("execute", pool, task);
      gate.countDown();
      drain(pool);
      ran.countDown();
    }));
    pool.shutdown();
    assertEquals(List.of(1L, 1L), seen, "neither run took a test's patch");
    assertTrue(warnings.contains("was handed over by scope 'A' and by scope 'B' before it ran:"
        + " Trap cannot tell which run is whose, so it runs both without the patches of"
        + " either."), warnings);
  }

  /** A test patches its task's own run(); the task is executed on a pool while tests run in parallel. */
  @Test
  void patch_of_a_tasks_own_run_should_apply_when_executed_on_a_pool_among_parallel_tests()
      throws Exception {
    List<String> wrong = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch bothOpen = new CountDownLatch(2);
    TestBody body = test -> {
      ExecutorService pool = Executors.newSingleThreadExecutor();
      List<Long> seen = Collections.synchronizedList(new ArrayList<>());
      AtomicInteger patched = new AtomicInteger();
      test.add(new Interceptor() {
        @Override
        public Target target() {
          return Target.method(flusher, "run", "()V");
        }

        @Override
        public Object pre(Call call) {
          patched.incrementAndGet();
          call.returnWith(null);
          return null;
        }
      });
      bothOpen.countDown();
      bothOpen.await();
      shared("execute", pool, newFlusher(seen));
      drain(pool);
      pool.shutdown();
      if (patched.get() != 1 || !seen.isEmpty()) {
        wrong.add(test.name() + ": patch took " + patched.get() + " call(s), the real run()"
            + " ran " + seen.size() + " time(s)");
      }
    };
    String warnings = stderrOf(() -> sideBySide(body, body));
    assertEquals(List.of(), wrong, "stderr: [" + warnings + "]");
  }

  /** Tests one at a time: a task left queued by an ended test is taken by the next test's patch. */
  @Test
  void leftover_task_should_not_be_seen_by_the_next_tests_patch_of_its_run() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    CountDownLatch gate = new CountDownLatch(1);
    pool.execute(() -> {
      try {
        gate.await();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    List<Long> seen = Collections.synchronizedList(new ArrayList<>());
    Scope within = Scope.current();
    asTest("leaves a flusher queued", within, test -> {
      test.add(rateOf(5));
      shared("execute", pool, newFlusher(seen));
    });
    AtomicInteger taken = new AtomicInteger();
    asTest("patches Flusher.run", within, test -> {
      test.add(new Interceptor() {
        @Override
        public Target target() {
          return Target.method(flusher, "run", "()V");
        }

        @Override
        public Object pre(Call call) {
          taken.incrementAndGet();
          return null;
        }
      });
      gate.countDown();
      drain(pool);
    });
    pool.shutdown();
    assertEquals(0, taken.get(), "the next test's interceptor saw the ended test's leftover");
  }

  /** A parallel stream made parallel after its function was given, among parallel tests. */
  @Test
  void stream_made_parallel_after_map_should_follow_its_test() throws Exception {
    List<String> wrong = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch bothOpen = new CountDownLatch(2);
    AtomicLong next = new AtomicLong(100);
    TestBody body = test -> {
      long value = next.incrementAndGet();
      test.add(rateOf(value));
      bothOpen.countDown();
      bothOpen.await();
      for (int round = 0; round < 20; round++) {
        for (long seen : (long[]) shared("ratesParallelAfterMap")) {
          if (seen != value) {
            wrong.add(test.name() + " saw " + seen + " instead of " + value);
            return;
          }
        }
      }
    };
    String warnings = stderrOf(() -> sideBySide(body, body));
    assertEquals(List.of(), wrong, "stderr: [" + warnings + "]");
  }

  /** A pool whose thread factory wraps the worker in a lambda, made during a test. */
  @Test
  void pool_with_wrapping_factory_made_in_one_test_should_not_serve_it_to_a_parallel_one()
      throws Exception {
    AtomicReference<ExecutorService> pool = new AtomicReference<>();
    List<Long> seen = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch made = new CountDownLatch(1);
    CountDownLatch used = new CountDownLatch(1);
    sideBySide(a -> {
      a.add(rateOf(5));
      pool.set((ExecutorService) shared("poolWithWrappingFactory"));
      shared("execute", pool.get(), (Runnable) () -> { });
      drain(pool.get());
      made.countDown();
      used.await();
    }, b -> {
      b.add(rateOf(7));
      made.await();
      try {
        List<Long> inB = Collections.synchronizedList(new ArrayList<>());
        // a lambda made by woven code in B, handed over by execute and by submit
        Runnable job;
        synchronized (shared) {
          shared("forgetJob");
          job = (Runnable) shared("job", inB);
          shared("forgetJob");
        }
        shared("execute", pool.get(), job);
        drain(pool.get());
        ((Future<?>) invoke(shared.getMethod("submit", ExecutorService.class, Runnable.class),
            pool.get(), newFlusher(inB))).get();
        shared("execute", pool.get(), newFlusher(inB));
        drain(pool.get());
        seen.addAll(inB);
      } finally {
        used.countDown();
      }
    });
    pool.get().shutdown();
    assertEquals(List.of(7L, 7L, 7L), seen, "B's lambda by execute, B's flusher by submit and"
        + " by execute");
  }

  /**
   * A dispatcher thread of the code under test, started by whichever test uses it first, is that
   * test's work for as long as it runs: once that test has ended, what it does for the next one
   * runs unpatched, and Trap says so, and how to start such a thread.
   */
  @Test
  void dispatcher_started_in_an_ended_test_should_be_reported_as_its_leftover()
      throws Exception {
    Scope within = Scope.current();
    asTest("starts the dispatcher", within, test -> {
      test.add(rateOf(5));
      assertEquals(5L, shared("rateByDispatcher"));
    });
    AtomicLong seen = new AtomicLong();
    String warnings = stderrOf(() -> asTest("uses it", within, test -> {
      test.add(rateOf(7));
      seen.set((Long) shared("rateByDispatcher"));
    }));
    assertEquals(1L, seen.get(), "stderr: [" + warnings + "]");
    assertTrue(warnings.contains("Work of scope 'starts the dispatcher' (closed) went on after it"
        + " ended: thread dispatcher called samples.Rates.rate()"), warnings);
    assertTrue(warnings.contains("start one that serves every test, such as a dispatcher, before"
        + " the tests (in a @BeforeAll)."), warnings);
  }

  /** An unconfigurable wrapper, a JDK class, around a pool of the user's. */
  @Test
  void user_pool_behind_a_jdk_wrapper_should_get_the_task_it_was_given() throws Exception {
    List<Object> given = Collections.synchronizedList(new ArrayList<>());
    ThreadPoolExecutor mine = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES,
        new LinkedBlockingQueue<>()) {
      @Override
      protected <T> RunnableFuture<T> newTaskFor(Callable<T> callable) {
        given.add(callable);
        return super.newTaskFor(callable);
      }
    };
    ExecutorService wrapped = Executors.unconfigurableExecutorService(mine);
    Object job = woven.load("samples.Job").getConstructor().newInstance();
    asTest("submits a job", Scope.current(), test -> {
      test.add(rateOf(3));
      assertEquals(3L, ((Future<?>) invoke(shared.getMethod("submit", ExecutorService.class,
          Callable.class), wrapped, job)).get());
    });
    mine.shutdown();
    assertSame(job, given.get(0), "newTaskFor got " + given.get(0).getClass());
  }

  /** A lambda made during a traced call and kept: does it keep the whole trace reachable? */
  @Test
  void kept_lambda_should_not_keep_the_trace_of_its_test_reachable() throws Exception {
    List<Long> seen = new ArrayList<>();
    AtomicReference<WeakReference<CallTree>> tree = new AtomicReference<>();
    Trace.record(() -> shared("job", seen), t -> tree.set(new WeakReference<>(t)));
    for (int i = 0; i < 20 && tree.get().get() != null; i++) {
      ScopeOfWorkTest.collectGarbage();
    }
    Object job = shared("job", seen);
    assertNull(tree.get().get(), "the trace is reachable from " + job.getClass());
  }

  /** A thread started during a traced call that lives on: does it keep the trace reachable? */
  @Test
  void long_lived_thread_should_not_keep_the_trace_of_its_test_reachable() throws Exception {
    AtomicReference<WeakReference<CallTree>> tree = new AtomicReference<>();
    Trace.record(() -> invoke(work, "track", new Object()),
        t -> tree.set(new WeakReference<>(t)));
    for (int i = 0; i < 20 && tree.get().get() != null; i++) {
      ScopeOfWorkTest.collectGarbage();
    }
    assertNull(tree.get().get(), "the trace is reachable from the reaper thread");
  }
}
