package dev.trap.weaver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trap.Call;
import dev.trap.Interceptor;
import dev.trap.MethodInfo;
import dev.trap.Registration;
import dev.trap.Trap;
import dev.trap.weaver.testing.WovenClasses;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.jacoco.core.analysis.Analyzer;
import org.jacoco.core.analysis.CoverageBuilder;
import org.jacoco.core.analysis.IClassCoverage;
import org.jacoco.core.data.ExecutionDataStore;
import org.jacoco.core.data.SessionInfoStore;
import org.jacoco.core.instr.Instrumenter;
import org.jacoco.core.runtime.IRuntime;
import org.jacoco.core.runtime.LoggerRuntime;
import org.jacoco.core.runtime.RuntimeData;
import org.junit.jupiter.api.Test;
import org.mockito.MockedStatic;
import org.mockito.Mockito;

/**
 * Woven classes meet other instrumenters in a test JVM: JaCoCo's agent instruments them as they
 * load, Mockito's inline mock maker retransforms them. Both must accept Trap's prologue, and the
 * trap must still work afterwards.
 */
class SecondInstrumenterTest {

  @Test
  void jacoco_should_instrument_a_woven_class_that_then_runs_and_is_trapped() throws Exception {
    String name = "samples.Calculator";
    byte[] woven = WovenClasses.samples().weave(name).bytes();
    IRuntime runtime = new LoggerRuntime();
    RuntimeData data = new RuntimeData();
    runtime.startup(data);
    byte[] covered;
    try {
      covered = new Instrumenter(runtime).instrument(woven, name);
      Class<?> calculator = new ClassLoader(getClass().getClassLoader()) {
        Class<?> define() {
          return defineClass(name, covered, 0, covered.length);
        }
      }.define();
      Method add = calculator.getMethod("add", int.class, int.class);

      List<Object> seen = new ArrayList<>();
      try (Registration registration = Trap.addThreadInterceptor(new Interceptor() {
        @Override
        public boolean appliesTo(MethodInfo method) {
          return method.declaringClass() == calculator;
        }

        @Override
        public Object pre(Call call) {
          seen.add(call.method().name());
          return null;
        }
      })) {
        assertEquals(5, add.invoke(null, 2, 3));
      }
      assertEquals(List.of("add"), seen);

      ExecutionDataStore executionData = new ExecutionDataStore();
      data.collect(executionData, new SessionInfoStore(), false);
      CoverageBuilder coverage = new CoverageBuilder();
      new Analyzer(executionData, coverage).analyzeClass(woven, name);
      IClassCoverage classCoverage = coverage.getClasses().iterator().next();
      assertTrue(classCoverage.getMethodCounter().getCoveredCount() >= 1);
    } finally {
      runtime.shutdown();
    }
  }

  @Test
  void mockito_should_mock_a_woven_static_method_and_hand_it_back_to_the_trap()
      throws Exception {
    Class<?> calculator = WovenClasses.samples().load("samples.Calculator");
    Method add = calculator.getMethod("add", int.class, int.class);

    try (MockedStatic<?> mocked = Mockito.mockStatic(calculator)) {
      mocked.when(() -> add.invoke(null, 2, 3)).thenReturn(42);
      assertEquals(42, add.invoke(null, 2, 3));
    }

    try (Registration registration = Trap.addThreadInterceptor(new Interceptor() {
      @Override
      public boolean appliesTo(MethodInfo method) {
        return method.declaringClass() == calculator;
      }

      @Override
      public void post(Call call, Object state) {
        call.returnWith(-1);
      }
    })) {
      assertEquals(-1, add.invoke(null, 2, 3));
    }
    assertEquals(5, add.invoke(null, 2, 3));
  }
}
