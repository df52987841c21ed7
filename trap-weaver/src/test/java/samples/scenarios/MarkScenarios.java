package samples.scenarios;

import dev.trap.CallTree;
import dev.trap.Mock;
import dev.trap.Scope;
import dev.trap.Trace;
import samples.Calculator;
import samples.Suppliers;

/** Calls that patches, interceptors and recordings acted on, in a trace. */
public final class MarkScenarios {

  private MarkScenarios() {
  }

  /**
   * Calls in order: negate (patched), add (intercepted, run as called), twice (intercepted, run
   * with another argument), sqrt (intercepted, its result changed), next (recorded).
   */
  public static CallTree marked() throws Exception {
    return Trace.record(() -> {
      try (Scope scope = Scope.open("marks")) {
        Mock.patch(Calculator::negate, b -> b);
        Mock.intercept(Calculator::add, call -> call.proceed());
        Mock.intercept(Suppliers::twice, call -> call.proceed(5));
        Mock.intercept(Calculator::sqrt, call -> (Double) call.proceed() + 1);
        Mock.record(Calculator::next);
        Calculator.negate(true);
        Calculator.add(1, 2);
        Suppliers.twice(1);
        Calculator.sqrt(4);
        Calculator.next('a');
      }
    });
  }
}
