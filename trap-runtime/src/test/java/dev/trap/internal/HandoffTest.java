package dev.trap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trap.Interceptor;
import dev.trap.Scope;
import dev.trap.Target;
import dev.trap.testing.LinkedTrap;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the calls woven code makes instead of an executor's do to the tasks they hand over. */
class HandoffTest {

  /** A task a pool on a priority queue orders by its rank. */
  private static final class Ranked implements Runnable, Comparable<Ranked> {
    final int rank;
    final List<Integer> ran;
    final LinkedTrap trap;
    final List<Boolean> taken;

    Ranked(int rank, List<Integer> ran, LinkedTrap trap, List<Boolean> taken) {
      this.rank = rank;
      this.ran = ran;
      this.trap = trap;
      this.taken = taken;
    }

    @Override
    public void run() {
      ran.add(rank);
      taken.add(trap.call());
    }

    @Override
    public int compareTo(Ranked other) {
      return Integer.compare(rank, other.rank);
    }
  }

  @Test
  void wrapped_task_should_compare_as_the_task_for_a_priority_queue() throws Exception {
    LinkedTrap trap = LinkedTrap.link(MethodHandles.lookup(), "ranked");
    ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES,
        new PriorityBlockingQueue<Runnable>());
    List<Integer> ran = Collections.synchronizedList(new ArrayList<Integer>());
    List<Boolean> taken = Collections.synchronizedList(new ArrayList<Boolean>());
    CountDownLatch blocked = new CountDownLatch(1);
    pool.execute(() -> {
      try {
        blocked.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    try (Scope scope = Scope.open("ranking")) {
      scope.add(new Interceptor() {
        @Override
        public Target target() {
          return Target.method(HandoffTest.class, trap.name(), "()V");
        }
      });
      for (int rank : new int[] {3, 1, 2}) {
        Handoff.execute(pool, new Ranked(rank, ran, trap, taken));
      }
      blocked.countDown();
      pool.shutdown();
      assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    }
    assertEquals(java.util.Arrays.asList(1, 2, 3), ran);
    assertEquals(java.util.Arrays.asList(true, true, true), taken);
  }
}
