package dev.trap.internal;

import dev.trap.Scope;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Gives every test and test container run by the JUnit Platform a scope of its own, open while it
 * runs, so that patches and recordings made in a test end with it, passed or failed. The
 * Platform finds this listener through {@code ServiceLoader}
 * ({@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}): a test project
 * needs nothing beyond the {@code trap-runtime} dependency.
 *
 * <p>The Platform reports a test's start and end on the thread that runs it. That thread runs in
 * the test's scope in between, within the scope of the test's container, which may run on
 * another thread; afterwards it runs in the scope it ran in before.
 */
public final class JUnitTestScopes implements TestExecutionListener {

  private final ConcurrentHashMap<String, Running> running =
      new ConcurrentHashMap<String, Running>();

  @Override
  public void executionStarted(TestIdentifier test) {
    Running container = test.getParentId().isPresent()
        ? running.get(test.getParentId().get()) : null;
    Scope scope = Scopes.openTest(test.getDisplayName(),
        container == null ? null : container.scope);
    running.put(test.getUniqueId(), new Running(scope, Scopes.enter(scope)));
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    Running ended = running.remove(test.getUniqueId());
    if (ended != null) {
      ended.end();
    }
  }

  /** A test's scope, and what its thread ran in before. */
  private static final class Running {
    final Scope scope;
    final Scope before;
    final Thread thread = Thread.currentThread();

    Running(Scope scope, Scope before) {
      this.scope = scope;
      this.before = before;
    }

    void end() {
      scope.close();
      if (Thread.currentThread() == thread) {
        Scopes.enter(before);
      }
    }
  }
}
