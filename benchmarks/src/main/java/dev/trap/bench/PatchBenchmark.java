package dev.trap.bench;

import dev.trap.Call;
import dev.trap.Interceptor;
import dev.trap.MethodInfo;
import dev.trap.Registration;
import dev.trap.Target;
import dev.trap.Trap;
import dev.trap.weaver.WeaveResult;
import dev.trap.weaver.Weaver;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What adding and closing an interceptor costs in a JVM that has linked {@link #traps} traps:
 * for one method, for one class, and for any method chosen by {@code appliesTo} alone, and the
 * same for one method in a scope opened and closed around it, as a test's patch would be.
 *
 * <p>Setup weaves a {@linkplain GeneratedProject generated project} of that many methods, calls
 * each once so that every trap is linked, and checks that each interceptor sees the call of its
 * method once added.
 */
@State(org.openjdk.jmh.annotations.Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class PatchBenchmark {

  /** How many traps are linked; the figure is 50,000. */
  @Param({"50000"})
  public int traps;

  private Interceptor oneMethod;
  private Interceptor oneClass;
  private Interceptor predicate;

  /**
   * Weaves, loads and calls the project, and checks the interceptors.
   *
   * @throws Exception if the project cannot be woven or loaded, or an interceptor misses its call
   */
  @Setup(Level.Trial)
  public void setUp() throws Exception {
    int classes = traps / (GeneratedProject.METHODS + 1);
    Weaver weaver = Weaver.builder().include(GeneratedProject.SUBJECTS).build();
    Map<String, byte[]> project = new HashMap<>();
    for (int c = 0; c < classes; c++) {
      WeaveResult woven = weaver.weave(GeneratedProject.subject(c), "Subject" + c);
      check(woven.isWoven(), "not woven: " + woven);
      project.put((GeneratedProject.SUBJECT + c).replace('/', '.'), woven.bytes());
      project.put((GeneratedProject.CALLER + c).replace('/', '.'), GeneratedProject.caller(c));
    }
    List<Runnable> callers = GeneratedProject.load(project, classes);
    callers.forEach(Runnable::run);

    int middle = classes / 2;
    Runnable caller = callers.get(middle);
    Class<?> subject = caller.getClass().getClassLoader()
        .loadClass((GeneratedProject.SUBJECT + middle).replace('/', '.'));
    int[] calls = new int[1];
    oneMethod = new Counting(calls) {
      @Override
      public Target target() {
        return Target.method(subject, "m5", "(I)I");
      }
    };
    oneClass = new Counting(calls) {
      @Override
      public Target target() {
        return Target.type(subject);
      }

      @Override
      public boolean appliesTo(MethodInfo method) {
        return method.name().equals("m5");
      }
    };
    predicate = new Counting(calls) {
      @Override
      public boolean appliesTo(MethodInfo method) {
        return method.declaringClass() == subject && method.name().equals("m5");
      }
    };
    for (Interceptor interceptor : new Interceptor[] {oneMethod, oneClass, predicate}) {
      calls[0] = 0;
      try (Registration registration = Trap.addThreadInterceptor(interceptor)) {
        caller.run();
      }
      caller.run();
      check(calls[0] == 1, "the interceptor saw " + calls[0] + " calls, not 1");
    }
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }

  /** Counts the calls it sees. */
  private static class Counting implements Interceptor {
    private final int[] calls;

    Counting(int[] calls) {
      this.calls = calls;
    }

    @Override
    public Object pre(Call call) {
      calls[0]++;
      return null;
    }
  }

  /** @return the closed registration, so nothing is folded away */
  @Benchmark
  public Registration oneMethod() {
    Registration registration = Trap.addThreadInterceptor(oneMethod);
    registration.close();
    return registration;
  }

  /** @return the closed registration */
  @Benchmark
  public Registration oneClass() {
    Registration registration = Trap.addThreadInterceptor(oneClass);
    registration.close();
    return registration;
  }

  /** @return the closed registration */
  @Benchmark
  public Registration anyMethodByAppliesTo() {
    Registration registration = Trap.addThreadInterceptor(predicate);
    registration.close();
    return registration;
  }

  /** @return the closed scope: open a test's scope, patch one method in it, close it */
  @Benchmark
  public dev.trap.Scope oneMethodInOpenedScope() {
    dev.trap.Scope scope = dev.trap.Scope.open("test");
    scope.add(oneMethod);
    scope.close();
    return scope;
  }
}
