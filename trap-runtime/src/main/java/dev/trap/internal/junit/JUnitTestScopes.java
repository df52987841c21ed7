package dev.trap.internal.junit;

import dev.trap.Scope;
import dev.trap.Traced;
import dev.trap.internal.dispatch.Reports;
import dev.trap.internal.scope.ScopeImpl;
import dev.trap.internal.scope.Scopes;
import dev.trap.internal.trace.TraceConfig;
import dev.trap.internal.trace.TraceFiles;
import dev.trap.internal.trace.TraceSession;
import dev.trap.internal.trace.Tracing;
import dev.trap.internal.trace.ValueText;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Gives every test and test container run by the JUnit Platform a scope of its own, open while it
 * runs, so that patches and recordings made in a test end with it, passed or failed; and traces
 * the tests that are to be traced (see {@link dev.trap.Trace}), writing their trees when they
 * end. The Platform finds this listener through {@code ServiceLoader}
 * ({@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}): a test project
 * needs nothing beyond the {@code trap-runtime} dependency.
 *
 * <p>The Platform reports a test's start and end on the thread that runs it. That thread runs in
 * the test's scope in between, within the scope of the test's container, which may run on
 * another thread; afterwards it runs in the scope it ran in before.
 */
public final class JUnitTestScopes implements TestExecutionListener {

  private static final int MAX_FAILURES_NAMED = 20;
  private static final String LINE = System.getProperty("line.separator");

  private final ConcurrentHashMap<String, Running> running =
      new ConcurrentHashMap<String, Running>();
  private final List<TraceFiles.Written> written = new ArrayList<TraceFiles.Written>();
  /** The file names this run gave its tests' traces, so that no two tests share one. */
  private final Set<String> names = Collections.newSetFromMap(
      new ConcurrentHashMap<String, Boolean>());
  private volatile boolean forgot;
  private volatile TestPlan plan;
  private TraceConfig config;
  private boolean runTraced;

  @Override
  public void testPlanExecutionStarted(TestPlan plan) {
    Scopes.planStarted();
    dev.trap.internal.dispatch.Registry.prepareFirstPatch();
    this.plan = plan;
    names.clear();
    forgot = false;
    config = Tracing.config();
    runTraced = config.mode != TraceConfig.Mode.OFF;
    if (runTraced) {
      // One recorder for the whole run, rather than one added and removed per test.
      Tracing.hold();
    }
  }

  @Override
  public void executionStarted(TestIdentifier test) {
    Running container = test.getParentId().isPresent()
        ? running.get(test.getParentId().get()) : null;
    ScopeImpl scope = (ScopeImpl) Scopes.openTest(test.getDisplayName(),
        container == null ? null : container.scope, !test.isTest());
    Running started = new Running(scope, Scopes.enter(scope));
    if (test.isTest()) {
      TraceConfig traceConfig = traceConfig(test);
      if (traceConfig.mode != TraceConfig.Mode.OFF) {
        started.trace = Tracing.start(scope, test.getDisplayName(), traceConfig);
        started.traceConfig = traceConfig;
      }
    }
    running.put(test.getUniqueId(), started);
  }

  /**
   * @return how this test is traced: as the run says, or as its {@code @Traced} says where that
   *     keeps more
   */
  private TraceConfig traceConfig(TestIdentifier test) {
    TraceConfig run = config != null ? config : Tracing.config();
    if (run.mode == TraceConfig.Mode.ALL) {
      return run;
    }
    Traced traced = traced(test);
    if (traced == null) {
      return run;
    }
    return traced.failuresOnly() ? run.withMode(TraceConfig.Mode.FAILURES)
        : run.withMode(TraceConfig.Mode.ALL);
  }

  private static Traced traced(TestIdentifier test) {
    TestSource source = test.getSource().orElse(null);
    if (!(source instanceof MethodSource)) {
      return null;
    }
    MethodSource method = (MethodSource) source;
    try {
      Method javaMethod = javaMethod(method);
      if (javaMethod != null && javaMethod.isAnnotationPresent(Traced.class)) {
        return javaMethod.getAnnotation(Traced.class);
      }
      Class<?> type = javaMethod != null ? javaMethod.getDeclaringClass()
          : Class.forName(method.getClassName(), false,
              Thread.currentThread().getContextClassLoader());
      // The test's class, its superclasses (@Inherited), and the classes a @Nested one is in.
      for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
        Traced traced = c.getAnnotation(Traced.class);
        if (traced != null) {
          return traced;
        }
      }
      return null;
    } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
      return null;
    }
  }

  /** @return the test's method: exactly, from Platform 1.7; by its name and parameters before */
  private static Method javaMethod(MethodSource source) throws ClassNotFoundException {
    try {
      return source.getJavaMethod();
    } catch (NoSuchMethodError e) {
      Class<?> type = Class.forName(source.getClassName(), false,
          Thread.currentThread().getContextClassLoader());
      for (Class<?> c = type; c != null; c = c.getSuperclass()) {
        for (Method candidate : c.getDeclaredMethods()) {
          if (candidate.getName().equals(source.getMethodName())
              && parameterNames(candidate).equals(source.getMethodParameterTypes())) {
            return candidate;
          }
        }
      }
      return null;
    }
  }

  private static String parameterNames(Method method) {
    StringBuilder names = new StringBuilder();
    for (Class<?> type : method.getParameterTypes()) {
      names.append(names.length() == 0 ? "" : ", ").append(type.getName());
    }
    return names.toString();
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    Running ended = running.remove(test.getUniqueId());
    if (ended == null) {
      return;
    }
    try {
      if (ended.trace != null) {
        Tracing.stop(ended.scope, ended.trace);
        keep(test, result, ended.trace, ended.traceConfig);
      }
    } finally {
      ended.end();
    }
  }

  private void keep(TestIdentifier test, TestExecutionResult result, TraceSession trace,
      TraceConfig traceConfig) {
    try {
      Throwable failure = result.getThrowable().orElse(null);
      String className = className(test);
      TraceFiles.Test about = new TraceFiles.Test(className, uniqueName(className,
          fileName(test)), status(result), failure == null ? null : ValueText.of(failure));
      // A passing run is kept as what a later failure of the test is compared with.
      boolean passed = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
      if (traceConfig.mode == TraceConfig.Mode.FAILURES
          && result.getStatus() != TestExecutionResult.Status.FAILED) {
        if (passed) {
          TraceFiles.writePassed(traceConfig.directory, trace, about);
        }
        TraceFiles.forget(traceConfig.directory, about);
        forgot = true;
        return;
      }
      TraceFiles.Written files = TraceFiles.write(traceConfig.directory, trace, about);
      if (passed) {
        TraceFiles.writePassed(traceConfig.directory, files);
      }
      synchronized (written) {
        written.add(files);
      }
    } catch (Throwable e) {
      // A test's outcome is not Trap's to change: whatever went wrong, it is said, and the
      // run goes on.
      Reports.warn("Trap could not write the trace of " + test.getDisplayName() + " to "
          + traceConfig.directory + ": " + e, e);
    }
  }

  /** @return the schema's word for how the test ended */
  static String status(TestExecutionResult result) {
    switch (result.getStatus()) {
      case SUCCESSFUL:
        return "passed";
      case FAILED:
        return "failed";
      default:
        return "aborted";
    }
  }

  /** @return the class of the test, or of the test method a dynamic test was made by */
  private String className(TestIdentifier test) {
    for (TestIdentifier t = test; t != null; t = parent(t)) {
      TestSource source = t.getSource().orElse(null);
      if (source instanceof MethodSource) {
        return ((MethodSource) source).getClassName();
      }
      if (source instanceof ClassSource) {
        return ((ClassSource) source).getClassName();
      }
    }
    return "tests";
  }

  private TestIdentifier parent(TestIdentifier test) {
    TestPlan known = plan;
    if (known == null || !test.getParentId().isPresent()) {
      return null;
    }
    try {
      return known.getTestIdentifier(test.getParentId().get());
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * The test's method, with its parameter types where its display name gives them (overloads),
   * and its display name where that says more (repetitions, parameters, dynamic tests).
   */
  private String fileName(TestIdentifier test) {
    String display = test.getDisplayName();
    for (TestIdentifier t = test; t != null; t = parent(t)) {
      TestSource source = t.getSource().orElse(null);
      if (source instanceof MethodSource) {
        String method = ((MethodSource) source).getMethodName();
        if (t != test) {
          return method + " " + display;
        }
        if (display.equals(method + "()")) {
          return method;
        }
        return display.startsWith(method + "(") ? display : method + " " + display;
      }
    }
    return display;
  }

  /** @return the name, or the name and a number if another test of the run has it */
  private String uniqueName(String className, String name) {
    String candidate = name;
    for (int i = 2; !names.add(className + "/" + TraceFiles.fileName(candidate)); i++) {
      candidate = name + " " + i;
    }
    return candidate;
  }

  @Override
  public void testPlanExecutionFinished(TestPlan plan) {
    List<TraceFiles.Written> traces;
    synchronized (written) {
      traces = new ArrayList<TraceFiles.Written>(written);
      written.clear();
    }
    if (!traces.isEmpty() || forgot) {
      File directory = (config != null ? config : Tracing.config()).directory;
      try {
        // Also when every trace was only taken away: the list must not name them.
        TraceFiles.index(directory, traces);
        if (!traces.isEmpty()) {
          System.out.println(summary(traces, new File(directory, "index.html")));
        }
      } catch (IOException | RuntimeException e) {
        Reports.warn("Trap could not write the list of traces in " + directory + ": " + e, e);
      }
    }
    if (runTraced) {
      runTraced = false;
      Tracing.release();
    }
    String untaken = Reports.untakenSummary();
    if (untaken != null) {
      System.err.println(untaken);
    }
    Scopes.planFinished();
  }

  /**
   * The run's line saying where its traces are, and a line for each failed test naming its
   * trace: the report that tools show for a failure has been written by the time a listener
   * hears of it (the Platform tells listeners of a test's end in reverse order of registration).
   */
  static String summary(List<TraceFiles.Written> traces, File index) {
    StringBuilder text = new StringBuilder("[Trap] Traces of ").append(traces.size())
        .append(traces.size() == 1 ? " test: " : " tests: ").append(index.getPath());
    int failed = 0;
    String viewer = index.getAbsoluteFile().toURI().toString().replaceFirst("^file:/+", "file:///");
    for (TraceFiles.Written trace : traces) {
      if ("failed".equals(trace.test.status) && ++failed <= MAX_FAILURES_NAMED) {
        // An address that opens the viewer on the test, which terminals and IDEs let one click.
        text.append(LINE).append("[Trap] ").append(simpleName(trace.test.className))
            .append('.').append(trace.test.name).append(" failed; its trace: ")
            .append(viewer).append('#').append(uriComponent(trace.viewerFile));
        if (trace.divergence != null) {
          text.append(LINE).append("[Trap]   ").append(trace.divergence.isSame()
              ? "it made the same calls as its last passing run"
              : "first divergence from the last passing run: "
                  + oneLine(trace.divergence.firstDivergence()));
        } else if (trace.passedUnreadable != null) {
          text.append(LINE).append("[Trap]   its last passing run could not be compared: ")
              .append(oneLine(trace.passedUnreadable));
        }
      }
    }
    if (failed > MAX_FAILURES_NAMED) {
      text.append(LINE).append("[Trap] ").append(failed - MAX_FAILURES_NAMED)
          .append(" more failed tests have traces: see ").append(index.getPath());
    }
    return text.toString();
  }

  /**
   * @return the text encoded as JavaScript's {@code encodeURIComponent} encodes it, which the
   *     viewer decodes
   */
  static String uriComponent(String text) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || "-_.!~*'()".indexOf(c) >= 0) {
        encoded.append(c);
      } else {
        encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
      }
    }
    return encoded.toString();
  }

  /** @return the text on one line of the log, and not much longer than one */
  static String oneLine(String text) {
    String line = text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\r");
    return line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE) + "…";
  }

  private static final int MAX_LINE = 400;

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  /** A test's scope and trace, and what its thread ran in before. */
  private static final class Running {
    final ScopeImpl scope;
    final Scope before;
    final Thread thread = Thread.currentThread();
    TraceSession trace;
    TraceConfig traceConfig;

    Running(ScopeImpl scope, Scope before) {
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
