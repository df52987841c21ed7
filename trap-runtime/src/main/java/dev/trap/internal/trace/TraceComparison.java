package dev.trap.internal.trace;

import dev.trap.TraceDiff;
import dev.trap.internal.trace.TraceEvents.Event;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * Compares two traces as the code ran them: each as a sequence of events, a call's start (its
 * method and arguments) and its end (its result or exception), its children's events between.
 * The first event that differs is the first divergence. Both sequences are walked as they are
 * compared, so two traces that part early cost little however big they are.
 */
public final class TraceComparison implements TraceDiff {

  private final String divergence;
  private final long firstId;
  private final long secondId;

  private TraceComparison(String divergence, long firstId, long secondId) {
    this.divergence = divergence;
    this.firstId = firstId;
    this.secondId = secondId;
  }

  /**
   * @param first a trace file: Trap's {@code .json}, or the viewer's {@code .js}
   * @param second another
   * @param firstName how the divergence names the first, such as "the last passing run"
   * @throws IOException if either cannot be read as a trace
   */
  public static TraceComparison of(File first, File second, String firstName)
      throws IOException {
    try (InputStream a = new FileInputStream(first); InputStream b = new FileInputStream(second)) {
      return of(events(a, first), events(b, second), firstName);
    } catch (TraceUnreadable e) {
      throw new IOException("Trap cannot read the trace " + e.file + ": " + e.getMessage(), e);
    }
  }

  static TraceComparison of(InputStream first, InputStream second, String firstName)
      throws IOException {
    return of(new TraceEvents(first), new TraceEvents(second), firstName);
  }

  private static TraceEvents events(InputStream in, File file) throws TraceUnreadable {
    try {
      return new TraceEvents(in);
    } catch (IOException e) {
      throw new TraceUnreadable(file, e);
    }
  }

  /** Which of the two files could not be read. */
  private static final class TraceUnreadable extends IOException {
    private static final long serialVersionUID = 1L;
    final File file;

    TraceUnreadable(File file, IOException cause) {
      super(cause.getMessage(), cause);
      this.file = file;
    }
  }

  private static TraceComparison of(TraceEvents a, TraceEvents b, String firstName)
      throws IOException {
    while (true) {
      Event x = a.next();
      Event y = b.next();
      if (x == null && y == null) {
        return new TraceComparison("", -1, -1);
      }
      if (x == null) {
        Map<String, Object> extra = y.call;
        return y.start ? new TraceComparison(caller(y.parent) + " called " + line(extra)
            + " after the calls " + firstName + " made", -1, id(extra))
            : new TraceComparison(line(extra) + " returned after the calls " + firstName
                + " made", -1, id(extra));
      }
      if (y == null) {
        return new TraceComparison("the run ended where " + firstName + " went on with "
            + (x.start ? line(x.call) : "the end of " + line(x.call)), id(x.call), -1);
      }
      if (x.start && y.start) {
        if (!sameMethod(x.call, y.call)) {
          return new TraceComparison(caller(y.parent) + " called " + line(y.call) + ", where "
              + firstName + " called " + line(x.call), id(x.call), id(y.call));
        }
        if (!java.util.Objects.equals(x.call.get("arguments"), y.call.get("arguments"))) {
          return new TraceComparison(line(y.call) + " was called with other arguments: "
              + arguments(x.call) + " in " + firstName, id(x.call), id(y.call));
        }
      } else if (!x.start && !y.start) {
        String was = outcome(x.call);
        String is = outcome(y.call);
        if (!was.equals(is)) {
          return new TraceComparison(line(y.call) + " " + is + ", " + (was.startsWith("returned")
              && is.startsWith("returned") ? "was " + was.substring("returned ".length())
              : was + " in " + firstName), id(x.call), id(y.call));
        }
      } else if (y.start) {
        return new TraceComparison(caller(y.parent) + " called " + line(y.call) + ", which "
            + firstName + " did not", id(x.call), id(y.call));
      } else {
        return new TraceComparison(line(y.call) + " returned without calling " + line(x.call)
            + ", which " + firstName + " did", id(x.call), y.call == null ? -1 : id(y.call));
      }
    }
  }

  @Override
  public boolean isSame() {
    return divergence.isEmpty();
  }

  @Override
  public String firstDivergence() {
    return divergence;
  }

  @Override
  public long firstId() {
    return firstId;
  }

  @Override
  public long secondId() {
    return secondId;
  }

  @Override
  public String toString() {
    return isSame() ? "the traces are the same" : "first divergence: " + divergence;
  }

  private static long id(Map<String, Object> call) {
    Object id = call.get("id");
    return id instanceof Number ? ((Number) id).longValue() : -1;
  }

  private static boolean sameMethod(Map<String, Object> x, Map<String, Object> y) {
    return String.valueOf(x.get("method")).equals(String.valueOf(y.get("method")))
        && String.valueOf(x.get("class")).equals(String.valueOf(y.get("class")))
        && String.valueOf(x.get("descriptor")).equals(String.valueOf(y.get("descriptor")));
  }

  @SuppressWarnings("unchecked")
  private static String arguments(Map<String, Object> call) {
    Object arguments = call.get("arguments");
    StringBuilder text = new StringBuilder("(");
    if (arguments instanceof List) {
      for (Object argument : (List<Object>) arguments) {
        text.append(text.length() == 1 ? "" : ", ").append(argument);
      }
    }
    return text.append(')').toString();
  }

  private static String outcome(Map<String, Object> call) {
    if (call.containsKey("thrown")) {
      return "threw " + call.get("thrown");
    }
    if (!Boolean.TRUE.equals(call.get("finished"))) {
      return "had not returned";
    }
    return call.containsKey("result") ? "returned " + call.get("result") : "returned";
  }

  /** @return {@code Shop.price("ab")}, {@code new Shop(10)} */
  static String line(Map<String, Object> call) {
    String className = String.valueOf(call.get("class"));
    String simple = className.substring(className.lastIndexOf('.') + 1);
    simple = simple.substring(simple.lastIndexOf('$') + 1);
    String method = String.valueOf(call.get("method"));
    return (method.equals("<init>") ? "new " + simple : simple + "." + method)
        + arguments(call);
  }

  private static String caller(Map<String, Object> parent) {
    return parent == null ? "the test" : line(parent);
  }
}
