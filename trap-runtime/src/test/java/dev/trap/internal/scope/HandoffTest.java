package dev.trap.internal.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trap.Scope;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the calls that woven code hands work over with do to the work. */
class HandoffTest {

  /** A task a pool on a priority queue orders by its rank, and a pool's hook looks at. */
  private static class Ranked implements Runnable, Comparable<Ranked> {
    final int rank;
    final List<Integer> ran;

    Ranked(int rank, List<Integer> ran) {
      this.rank = rank;
      this.ran = ran;
    }

    @Override
    public void run() {
      ran.add(rank);
    }

    @Override
    public int compareTo(Ranked other) {
      return Integer.compare(rank, other.rank);
    }
  }

  private static MethodHandle linked(Class<?> owner, String name, MethodType type, int policy)
      throws ReflectiveOperationException {
    MethodHandle method = MethodHandles.publicLookup().findVirtual(owner, name, type);
    return Handoff.bootstrap(MethodHandles.lookup(), name, method.type(), method, policy)
        .dynamicInvoker();
  }

  @Test
  void execute_should_hand_over_the_task_itself() throws Throwable {
    List<Integer> ran = Collections.synchronizedList(new ArrayList<Integer>());
    List<Ranked> seen = Collections.synchronizedList(new ArrayList<Ranked>());
    ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES,
        new PriorityBlockingQueue<Runnable>()) {
      @Override
      protected void beforeExecute(Thread thread, Runnable task) {
        // A pool's hook that casts its tasks fails on any wrapper.
        seen.add((Ranked) task);
      }
    };
    CountDownLatch blocked = new CountDownLatch(1);
    pool.execute(new Ranked(0, ran) {
      @Override
      public void run() {
        try {
          blocked.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    });
    MethodHandle execute = linked(Executor.class, "execute",
        MethodType.methodType(void.class, Runnable.class), Handoff.IN_PLACE);
    List<Ranked> tasks = Arrays.asList(new Ranked(3, ran), new Ranked(1, ran), new Ranked(2, ran));
    try (Scope scope = Scope.open("ranking")) {
      for (Ranked task : tasks) {
        execute.invoke((Executor) pool, (Runnable) task);
      }
      assertTrue(pool.getQueue().containsAll(tasks), "the queue holds the tasks themselves");
      assertTrue(pool.remove(tasks.get(0)), "and remove() finds them");
      blocked.countDown();
      pool.shutdown();
      assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    }
    assertEquals(Arrays.asList(1, 2), ran);
    assertSame(tasks.get(1), seen.get(1));
  }

  @Test
  void parallel_stream_should_run_its_functions_in_the_scope_they_were_handed_over_in()
      throws Throwable {
    MethodHandle map = linked(Stream.class, "map",
        MethodType.methodType(Stream.class, Function.class), Handoff.WHEN_PARALLEL);
    try (Scope scope = Scope.open("mapping")) {
      Function<Integer, Object> scopeOf = i -> Scope.current();
      @SuppressWarnings("unchecked")
      Stream<Object> parallel = (Stream<Object>) map.invoke(
          Stream.iterate(0, i -> i + 1).limit(64).parallel(), scopeOf);
      parallel.forEach(seen -> assertSame(scope, seen));
      @SuppressWarnings("unchecked")
      Stream<Object> sequential = (Stream<Object>) map.invoke(Stream.of(1), scopeOf);
      assertSame(scope, sequential.findFirst().get(), "a sequential stream runs on the caller");
    }
  }
}
