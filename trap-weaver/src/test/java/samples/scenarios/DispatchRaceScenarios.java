package samples.scenarios;

import dev.trap.Interceptor;
import dev.trap.MethodInfo;
import dev.trap.Mock;
import dev.trap.Patch;
import dev.trap.Registration;
import dev.trap.Scope;
import dev.trap.Trap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import samples.Suppliers;

/**
 * Interceptors that change while another thread is in a call of their method: the call must
 * see them as they were or as they are, never something in between.
 */
public final class DispatchRaceScenarios {

  private DispatchRaceScenarios() {
  }

  /**
   * Another scope holds a patch of the method; a thread of this scope calls it, over and over,
   * while this scope's patch is closed. Each call gets this scope's value or the real one.
   *
   * @return what went wrong: "failures=0 wrong=0" when nothing did, and the first failure
   */
  public static String callsWhileAPatchBesideAnotherClosesShouldSeeOneOrTheOther()
      throws Exception {
    AtomicLong failures = new AtomicLong();
    AtomicLong wrong = new AtomicLong();
    AtomicReference<Throwable> first = new AtomicReference<>();
    CountDownLatch otherReady = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    Thread other = new Thread(() -> {
      try (Scope scope = Scope.open("other")) {
        Mock.patch(Suppliers::twice, n -> 777);
        otherReady.countDown();
        done.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    other.start();
    otherReady.await();
    try (Scope scope = Scope.open("this")) {
      for (int round = 0; round < 400; round++) {
        Patch patch = Mock.patch(Suppliers::twice, n -> -n);
        AtomicLong calls = new AtomicLong();
        AtomicLong stopAt = new AtomicLong(Long.MAX_VALUE);
        Thread caller = new Thread(Scope.current().wrap(() -> {
          while (calls.get() < stopAt.get()) {
            try {
              int value = Suppliers.twice(1);
              if (value != -1 && value != 2) {
                wrong.incrementAndGet();
              }
            } catch (Throwable t) {
              failures.incrementAndGet();
              first.compareAndSet(null, t);
            }
            calls.incrementAndGet();
          }
        }));
        caller.start();
        while (calls.get() < 20) {
          Thread.yield();
        }
        patch.close();
        stopAt.set(calls.get() + 20);
        caller.join();
      }
    } finally {
      done.countDown();
      other.join();
    }
    return "failures=" + failures.get() + " wrong=" + wrong.get()
        + (first.get() == null ? "" : ", first: " + first.get());
  }

  /**
   * Interceptors added and removed while a thread calls a patched method: each call is
   * patched, whatever the other interceptors do meanwhile.
   */
  public static String interceptorsAddedDuringCallsShouldNotBreakThem() throws Exception {
    AtomicLong failures = new AtomicLong();
    AtomicReference<Throwable> first = new AtomicReference<>();
    try (Scope scope = Scope.open("this")) {
      Mock.patch(Suppliers::twice, n -> -n);
      AtomicLong calls = new AtomicLong();
      AtomicLong stopAt = new AtomicLong(Long.MAX_VALUE);
      Thread caller = new Thread(Scope.current().wrap(() -> {
        while (calls.get() < stopAt.get()) {
          try {
            if (Suppliers.twice(1) != -1) {
              failures.incrementAndGet();
            }
          } catch (Throwable t) {
            failures.incrementAndGet();
            first.compareAndSet(null, t);
          }
          calls.incrementAndGet();
        }
      }));
      caller.start();
      for (int round = 0; round < 200; round++) {
        Registration added = Trap.addGlobalInterceptor(new Interceptor() {
          @Override
          public boolean appliesTo(MethodInfo method) {
            return method.declaringClass() == Suppliers.class && method.name().equals("twice");
          }
        });
        long at = calls.get();
        while (calls.get() < at + 5) {
          Thread.yield();
        }
        added.close();
      }
      stopAt.set(calls.get());
      caller.join();
    }
    return "failures=" + failures.get() + (first.get() == null ? "" : ", first: " + first.get());
  }
}
