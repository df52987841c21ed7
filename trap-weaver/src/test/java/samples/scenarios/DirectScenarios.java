package samples.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trap.Call;
import dev.trap.CallTree;
import dev.trap.Interceptor;
import dev.trap.MethodInfo;
import dev.trap.Mock;
import dev.trap.Patch;
import dev.trap.Recording;
import dev.trap.Registration;
import dev.trap.Scope;
import dev.trap.Trace;
import dev.trap.Trap;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import samples.Calculator;
import samples.Shop;
import samples.Overloads;
import samples.Suppliers;

/**
 * A busy patch: its trap calls the replacement directly, once the patch has taken a few hundred
 * calls (dev.trap.internal.dispatch.MethodSite). Each scenario makes a patch busy first, then
 * checks that the call means what it meant before: scopes, recordings, traces, hooks, receivers,
 * results and exceptions. Run by dev.trap.weaver.DirectPatchTest in the woven loader.
 */
public final class DirectScenarios {

  /** Well beyond the calls after which the trap goes direct. */
  private static final int BUSY = 1_000;

  private DirectScenarios() {
  }

  private static void busy(Runnable call) {
    for (int i = 0; i < BUSY; i++) {
      call.run();
    }
  }

  public static void busyPatchShouldHoldAndEndWhenClosed() {
    try (Patch patch = Mock.patch(Shop::tax, amount -> -amount)) {
      busy(() -> assertEquals(-100, Shop.tax(100)));
    }
    assertEquals(10, Shop.tax(100), "closed");
    try (Patch again = Mock.patch(Shop::tax, amount -> 7)) {
      busy(() -> assertEquals(7, Shop.tax(100)));
    }
    assertEquals(10, Shop.tax(100), "closed again");
  }

  /**
   * Two scopes side by side, as two tests running in parallel: the busy patch of one is not the
   * other's, while both call the method at the same time.
   */
  public static void busyPatchShouldStayInItsScope() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch busy = new CountDownLatch(1);
    CountDownLatch checked = new CountDownLatch(1);
    try {
      Future<?> patched = pool.submit(() -> {
        try (Scope mine = Scope.open("the patching test")) {
          Mock.patch(Shop::tax, amount -> -amount);
          busy(() -> assertEquals(-100, Shop.tax(100)));
          busy.countDown();
          while (checked.getCount() > 0) {
            assertEquals(-100, Shop.tax(100));
          }
        }
        return null;
      });
      Future<?> other = pool.submit(() -> {
        try (Scope theirs = Scope.open("another test")) {
          busy.await();
          busy(() -> assertEquals(10, Shop.tax(100), "in another test's scope"));
        } finally {
          checked.countDown();
        }
        return null;
      });
      other.get(30, TimeUnit.SECONDS);
      patched.get(30, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
  }

  public static void recordingAddedToABusyPatchShouldSeeEveryCall() {
    Mock.patch(Shop::tax, amount -> -amount);
    busy(() -> Shop.tax(1));
    Recording<Integer> taxes = Mock.record(Shop::tax);
    for (int i = 0; i < 5; i++) {
      assertEquals(-i, Shop.tax(i));
    }
    assertEquals(5, taxes.count());
    assertEquals(-4, (int) taxes.last().result());
  }

  public static void traceOfABusyPatchShouldShowItsCalls() throws Exception {
    Mock.patch(Shop::tax, amount -> -amount);
    busy(() -> Shop.tax(1));
    CallTree tree = Trace.record(() -> Shop.tax(3));
    assertEquals(1, tree.count(), tree.toString());
    assertEquals("-3", tree.roots().get(0).result());
  }

  /** Calls an interceptor's hooks make are the interceptor's own: no patch takes them. */
  public static void callFromAnInterceptorHookShouldNotBePatched() {
    Mock.patch(Shop::tax, amount -> -amount);
    busy(() -> Shop.tax(1));
    AtomicInteger fromHook = new AtomicInteger();
    try (Registration hook = Trap.addThreadInterceptor(new Interceptor() {
      @Override
      public boolean appliesTo(MethodInfo method) {
        return method.declaringClass() == Calculator.class && method.name().equals("add");
      }

      @Override
      public Object pre(Call call) {
        fromHook.set(Shop.tax(100));
        return null;
      }
    })) {
      assertEquals(3, Calculator.add(1, 2));
    }
    assertEquals(10, fromHook.get());
    assertEquals(-100, Shop.tax(100));
  }

  public static void busyPatchOfOneObjectShouldLeaveTheOthers() {
    Shop mine = new Shop(1);
    Shop other = new Shop(1);
    Mock.patch(mine::price, sku -> 42);
    busy(() -> assertEquals(42, mine.price("ab")));
    for (int i = 0; i < 10; i++) {
      assertEquals(4, other.price("ab"));
      assertEquals(42, mine.price("ab"));
    }
  }

  public static void busyPatchThroughASubclassShouldLeaveTheOtherInstances() {
    Mock.patch(Shop.Outlet::price, (outlet, sku) -> 7);
    busy(() -> assertEquals(7, new Shop.Outlet().price("ab")));
    assertEquals(4, new Shop(1).price("ab"));
  }

  /** A result of the wrong type fails every call alike, busy or not. */
  public static String wrongResultTypeOfABusyPatch() {
    Mock.patch(Shop::price, (shop, sku) -> "free");
    String first = assertThrows(IllegalArgumentException.class,
        () -> new Shop(1).price("ab")).getMessage();
    busy(() -> assertEquals(first, assertThrows(IllegalArgumentException.class,
        () -> new Shop(1).price("ab")).getMessage()));
    return first;
  }

  /** An undeclared checked exception is refused alike, busy or not. */
  public static void undeclaredCheckedExceptionOfABusyPatch() {
    Mock.patch(Suppliers::twice, n -> {
      throw new IOException("disk full");
    });
    busy(() -> {
      IllegalStateException thrown =
          assertThrows(IllegalStateException.class, () -> Suppliers.twice(1));
      assertTrue(thrown.getCause() instanceof IOException);
    });
  }

  /** An unchecked one reaches the caller as it is. */
  public static void uncheckedExceptionOfABusyPatch() {
    IllegalStateException offline = new IllegalStateException("offline");
    Mock.patch(Shop::tax, amount -> {
      throw offline;
    });
    busy(() -> assertEquals(offline, assertThrows(IllegalStateException.class,
        () -> Shop.tax(1))));
  }

  /** A busy patch whose replacement starts calling its method again is explained as before. */
  public static String recursionOfABusyPatch() {
    AtomicBoolean recurse = new AtomicBoolean();
    Mock.patch(Suppliers::twice, n -> recurse.get() ? Suppliers.twice(n) + 1 : 0);
    busy(() -> Suppliers.twice(1));
    recurse.set(true);
    return assertThrows(StackOverflowError.class, () -> Suppliers.twice(1)).getMessage();
  }

  /**
   * A busy patch whose replacement calls an overload of its method that overflows the stack on
   * its own: not the replacement's recursion, so not explained as one.
   */
  public static StackOverflowError busyPatchCallingARecursiveOverload() {
    AtomicBoolean call = new AtomicBoolean();
    Mock.patch(Overloads::f, (Integer n) -> call.get() ? Overloads.f("x") : 0);
    busy(() -> Overloads.f(1));
    call.set(true);
    return assertThrows(StackOverflowError.class, () -> Overloads.f(1));
  }

  /** A void method, patched to do nothing. */
  public static void busyPatchOfAVoidMethod() {
    AtomicInteger runs = new AtomicInteger();
    Mock.patch(Calculator::nothing, () -> runs.incrementAndGet());
    busy(Calculator::nothing);
    assertEquals(BUSY, runs.get());
  }
}
