package dev.trap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trap.internal.scope.Scopes;
import dev.trap.testing.LinkedTrap;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Which calls an interceptor of each kind of scope sees. Each test runs in the scope Trap's JUnit
 * listener gives it, as a user's test does: the scopes opened here are opened within it.
 */
class ScopeTest {

  /** A pool that exists before any scope is opened, as one made in a static initializer. */
  private static final ExecutorService POOL = Executors.newSingleThreadExecutor();

  static {
    try {
      // Starts the pool's thread now; a lambda would wait for this class's initialization.
      POOL.submit(new Runnable() {
        @Override
        public void run() {
        }
      }).get();
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final LinkedTrap trap = LinkedTrap.link(MethodHandles.lookup(), "scoped");

  @AfterAll
  static void stopPool() {
    POOL.shutdown();
  }

  private Interceptor onTrap() {
    return onTrap(trap);
  }

  private static Interceptor onTrap(LinkedTrap trap) {
    return new Interceptor() {
      @Override
      public Target target() {
        return Target.method(ScopeTest.class, trap.name(), "()V");
      }
    };
  }

  private static boolean onNewThread(LinkedTrap trap) throws InterruptedException {
    AtomicBoolean taken = new AtomicBoolean();
    Thread thread = new Thread(() -> taken.set(trap.call()));
    thread.start();
    thread.join();
    return taken.get();
  }

  private static boolean onPool(LinkedTrap trap) throws Exception {
    return POOL.submit(trap::call).get();
  }

  @Test
  void thread_scope_should_hold_its_thread_alone() throws Exception {
    try (Registration registration = Scope.currentThread().add(onTrap())) {
      assertTrue(trap.call());
      assertFalse(onNewThread(trap), "not the threads it starts");
      assertFalse(onPool(trap));
      assertSame(Scope.currentThread(), registration.scope());
    }
  }

  @Test
  void global_scope_should_hold_every_thread() throws Exception {
    try (Registration registration = Scope.global().add(onTrap())) {
      assertTrue(trap.call());
      assertTrue(onNewThread(trap));
      assertTrue(onPool(trap));
    }
  }

  @Test
  void opened_scope_should_hold_its_thread_the_threads_it_starts_and_the_tasks_it_wraps()
      throws Exception {
    try (Scope scope = Scope.open("test")) {
      scope.add(onTrap());

      assertTrue(trap.call());
      assertTrue(onNewThread(trap));
      assertTrue(POOL.submit(scope.wrap(trap::call)).get(), "a wrapped task on an older pool");
      assertFalse(onPool(trap), "an unwrapped task on a pool thread made before the scope");
    }
    assertFalse(trap.call(), "closing the scope removes its interceptors");
    assertFalse(onNewThread(trap));
  }

  @Test
  void opened_scope_should_not_hold_other_threads() throws Exception {
    Scope[] opened = new Scope[1];
    Thread other = new Thread(() -> {
      opened[0] = Scope.open("other test");
      opened[0].add(onTrap(trap));
    });
    other.start();
    other.join();
    try {
      assertFalse(trap.call());
      assertTrue(POOL.submit(opened[0].wrap(trap::call)).get());
    } finally {
      opened[0].close();
    }
  }

  @Test
  void child_scope_should_see_its_parents_interceptors_and_not_the_reverse() throws Exception {
    LinkedTrap parentTrap = LinkedTrap.link(MethodHandles.lookup(), "parent");
    LinkedTrap childTrap = LinkedTrap.link(MethodHandles.lookup(), "child");
    Scope test = Scope.current();
    try (Scope parent = Scope.open("parent")) {
      parent.add(onTrap(parentTrap));
      Scope child = Scope.open("child");
      child.add(onTrap(childTrap));
      assertSame(parent, child.parent());
      assertSame(child, Scope.current());
      Runnable inParent = parent.wrap(() -> {
        assertTrue(parentTrap.call());
        assertFalse(childTrap.call());
      });

      assertTrue(parentTrap.call());
      assertTrue(childTrap.call());
      POOL.submit(inParent).get();

      child.close();
      assertSame(parent, Scope.current());
      assertFalse(childTrap.call());
      assertTrue(parentTrap.call());
    }
    assertSame(test, Scope.current());
  }

  @Test
  void closing_a_scope_should_close_the_scopes_opened_within_it() {
    Scope test = Scope.current();
    Scope parent = Scope.open("parent");
    Scope child = Scope.open("child");
    Registration registration = child.add(onTrap());

    parent.close();

    assertFalse(child.isOpen());
    assertFalse(registration.isActive());
    assertFalse(trap.call());
    assertSame(test, Scope.current());
    parent.close();
  }

  @Test
  void closed_scope_should_refuse_interceptors() {
    Scope scope = Scope.open("done");
    scope.close();

    IllegalStateException thrown =
        assertThrows(IllegalStateException.class, () -> scope.add(new Interceptor() {
          @Override
          public String toString() {
            return "Late";
          }
        }));

    assertEquals("Cannot add Late to scope 'done' (closed): the scope is closed",
        thrown.getMessage());
  }

  @Test
  void global_and_thread_scopes_should_refuse_to_close() {
    assertEquals("The global scope cannot be closed; close the registrations of its interceptors"
        + " instead", assertThrows(UnsupportedOperationException.class,
            () -> Scope.global().close()).getMessage());
    assertThrows(UnsupportedOperationException.class, () -> Scope.currentThread().close());
  }

  @Test
  void junit_test_should_run_in_a_scope_of_its_own_within_its_class() {
    Scope test = Scope.current();

    assertEquals("junit_test_should_run_in_a_scope_of_its_own_within_its_class()", test.name());
    assertEquals("ScopeTest", test.parent().name());
  }

  @Test
  void pool_started_by_the_class_should_run_in_the_test_running() throws Exception {
    try (Registration registration = Scope.current().add(onTrap())) {
      assertTrue(onPool(trap), "the pool, made in the class's scope, runs in this test's");
    }
  }

  @Test
  void thread_in_no_scope_should_run_in_the_one_test_running() throws Exception {
    // A scope of this thread's own, opened before the tests below: not within them.
    Scope elsewhere = Scope.open("elsewhere");
    Scopes.enter(elsewhere.parent());
    Scope container = Scopes.openTest("class", Scope.current());
    Scope test = Scopes.openTest("method", container);
    try {
      container.add(onTrap());

      assertTrue(onPool(trap), "a pool's thread runs in the test running in its scope");
      assertTrue(trap.call(), "and so does this thread, in an ancestor of that test's scope");
      Scope before = Scopes.enter(elsewhere);
      assertFalse(trap.call(), "a thread in a scope of its own does not");
      Scopes.enter(before);
      assertTrue(Scope.open("within").parent() == test, "a scope opened runs within the test");
      test.close();
      assertTrue(onPool(trap), "then in its container");
    } finally {
      container.close();
      elsewhere.close();
    }
    assertFalse(onPool(trap));
  }

  @Test
  void thread_in_no_scope_should_run_in_no_test_while_tests_run_side_by_side_and_say_so()
      throws Exception {
    Scope here = Scope.current();
    Scope first = Scopes.openTest("first", here);
    Scope second = Scopes.openTest("second", here);
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      first.add(onTrap());
      System.setErr(new PrintStream(captured, true, "UTF-8"));
      assertFalse(onPool(trap));
      assertFalse(onPool(trap));
      assertTrue(POOL.submit(first.wrap(trap::call)).get(), "a wrapped task still runs in it");
    } finally {
      System.setErr(err);
      first.close();
      second.close();
    }
    String report = new String(captured.toByteArray(), StandardCharsets.UTF_8);
    assertTrue(report.startsWith("[Trap] WARNING: dev.trap.ScopeTest." + trap.name() + "() was"
        + " called on thread "), report);
    assertTrue(report.contains("whose work belongs to no test while tests run in parallel, so"
        + " Trap cannot tell whose patches apply: it ran the real method. Work that woven code"
        + " hands over, and lambdas it makes, carry their test's scope; this work was handed over"
        + " elsewhere, such as by a test's own code or a library's, or made by a class"
        + " initializer. Hand it over in the test's scope:"
        + " executor.submit(Scope.current().wrap(task))."), report);
    assertEquals(1, report.split("\\[Trap\\]", -1).length - 1, "once per method: " + report);
  }

  @Test
  void thread_scope_should_refuse_to_follow_a_task() {
    UnsupportedOperationException thrown = assertThrows(UnsupportedOperationException.class,
        () -> Scope.currentThread().wrap(() -> { }));

    assertTrue(thrown.getMessage().endsWith("holds the calls of that thread alone, and cannot"
        + " follow a task to another thread. Open a scope (Scope.open) to follow tasks."),
        thrown.getMessage());
  }
}
