package samples.scenarios;

import dev.trap.Mock;
import dev.trap.Scope;
import dev.trap.internal.junit.JUnitTestScopes;
import dev.trap.internal.scope.Scopes;
import samples.Stamp;

/**
 * A test plan of one test, run as Trap's JUnit listener runs it, in a class loader of its own
 * with Trap's runtime: it patches a JDK method at a woven class's call site, and reads it on its
 * thread and on the common pool's. Afterwards nothing may keep that loader reachable.
 */
public final class LoaderScenario {

  private LoaderScenario() {
  }

  /** @return the clock as the test saw it on its thread, then on the common pool */
  public static long[] run() {
    JUnitTestScopes listener = new JUnitTestScopes();
    listener.testPlanExecutionStarted(null);
    try {
      Scope test = Scopes.openTest("patches the clock", null);
      Scope before = Scopes.enter(test);
      try {
        Mock.patch(System::currentTimeMillis, () -> 42L);
        return new long[] {Stamp.now(), Stamp.nowOnCommonPool()[63]};
      } finally {
        Scopes.enter(before);
        test.close();
      }
    } finally {
      listener.testPlanExecutionFinished(null);
    }
  }
}
