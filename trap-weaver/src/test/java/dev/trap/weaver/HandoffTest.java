package dev.trap.weaver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trap.Call;
import dev.trap.Interceptor;
import dev.trap.MethodInfo;
import dev.trap.Scope;
import dev.trap.internal.scope.Scopes;
import dev.trap.weaver.testing.WovenClasses;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Work that woven code hands to other threads runs in the scope of the thread that handed it
 * over, also while tests run side by side, when a pool's thread runs in no test of its own.
 */
class HandoffTest {

  /** Pools made before any test, whose threads run in this class's scope only. */
  private static final ExecutorService POOL = Executors.newFixedThreadPool(1);
  private static final ThreadPoolExecutor THREAD_POOL = new ThreadPoolExecutor(1, 1, 1,
      TimeUnit.MINUTES, new LinkedBlockingQueue<>());

  private final WovenClasses woven = WovenClasses.samples();
  private final Class<?> async = woven.load("samples.Async");

  @AfterAll
  static void stopPools() {
    POOL.shutdown();
    THREAD_POOL.shutdown();
  }

  private Object call(String name) throws Throwable {
    Method method = Arrays.stream(async.getMethods()).filter(m -> m.getName().equals(name))
        .findFirst().orElseThrow();
    Object[] arguments = method.getParameterCount() == 2 ? new Object[] {20, 22}
        : new Object[] {name.contains("ThreadPool") ? THREAD_POOL : POOL, 20, 22};
    try {
      return method.invoke(null, arguments);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"submit", "submitToThreadPoolExecutor", "execute", "invokeAll",
      "supplyAsync", "thenApplyAsync"})
  void task_handed_over_should_run_in_the_scope_of_the_thread_that_handed_it(String handoff)
      throws Throwable {
    call(handoff); // starts the pools' threads in this class's scope, before the tests below
    Scope mine = Scopes.openTest("mine", Scope.current());
    Scope other = Scopes.openTest("running beside it", Scope.current());
    Scope before = Scopes.enter(mine);
    try {
      mine.add(new Interceptor() {
        @Override
        public boolean appliesTo(MethodInfo method) {
          return method.declaringClass().getName().equals("samples.Calculator")
              && method.name().equals("add");
        }

        @Override
        public Object pre(Call call) {
          call.returnWith(-1);
          return null;
        }
      });

      assertEquals(-1, call(handoff));
    } finally {
      Scopes.enter(before);
      mine.close();
      other.close();
    }
    assertEquals(42, call(handoff));
  }
}
