package dev.trap.internal.trace;

import dev.trap.CallTree;
import dev.trap.Registration;
import dev.trap.Scope;
import dev.trap.Trace;
import dev.trap.internal.dispatch.Interception;
import dev.trap.internal.scope.ScopeImpl;
import java.util.function.Consumer;

/**
 * Opens and closes traces, and keeps the one {@link TraceRecorder} added to the global scope
 * while any trace may be open: from the first trace to the last, or for a whole run that traces
 * its tests. Not an API.
 */
public final class Tracing {

  private static final TraceRecorder RECORDER = new TraceRecorder();
  private static volatile TraceConfig config;
  /** Guarded by the class. */
  private static volatile Registration registration;
  private static int holds;

  private Tracing() {
  }

  /** @return the configuration of this JVM's traces, read from system properties once */
  public static TraceConfig config() {
    TraceConfig read = config;
    if (read == null) {
      read = TraceConfig.fromSystemProperties();
      config = read;
    }
    return read;
  }

  /** @return true while some trace may be open: what a trace would mark is worth noting */
  public static boolean mayRecord() {
    return registration != null;
  }

  /** @return the recorder while some trace may be open, else null */
  static TraceRecorder recorderInUse() {
    return registration != null ? RECORDER : null;
  }

  /** Keeps the recorder added until {@link #release()}. */
  public static synchronized void hold() {
    if (holds++ == 0) {
      registration = Scope.global().add(RECORDER);
      RECORDER.interception = (Interception) registration;
    }
  }

  public static synchronized void release() {
    if (--holds == 0) {
      registration.close();
      registration = null;
    }
  }

  /** Starts tracing the calls in a scope. */
  public static TraceSession start(ScopeImpl scope, String name, TraceConfig traceConfig) {
    TraceSession session = new TraceSession(name, traceConfig);
    hold();
    scope.trace = session;
    return session;
  }

  public static void stop(ScopeImpl scope, TraceSession session) {
    scope.trace = null;
    session.end();
    release();
  }

  /**
   * What {@link Trace#record} does.
   *
   * @param onTree what receives the tree, or null
   * @return the tree
   */
  public static CallTree record(Trace.Block code, Consumer<CallTree> onTree) throws Exception {
    if (code == null) {
      throw new NullPointerException("code");
    }
    ScopeImpl scope = (ScopeImpl) Scope.open("Trace.record");
    // Read afresh: a block follows the filters and limits set when it starts.
    TraceSession session = start(scope, "Trace.record", TraceConfig.fromSystemProperties());
    try {
      code.run();
    } finally {
      stop(scope, session);
      scope.close();
      if (onTree != null) {
        onTree.accept(session);
      }
    }
    return session;
  }
}
