package dev.trap.internal.trace;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A trace file read as the code ran: each call's start (its method and arguments), its
 * children's events, then its end (its result or exception). It streams: it holds only the calls
 * open where it has read to, so traces of any size are compared in little memory and time.
 */
final class TraceEvents {

  /** A call's start or end, with the call that holds it (null for a root). */
  static final class Event {
    final boolean start;
    final Map<String, Object> call;
    final Map<String, Object> parent;

    Event(boolean start, Map<String, Object> call, Map<String, Object> parent) {
      this.start = start;
      this.call = call;
      this.parent = parent;
    }
  }

  /** What a call holds that does not tell two runs apart: times, places, names, marks. */
  private static final Set<String> UNCOMPARED = new HashSet<String>(Arrays.asList("start",
      "duration", "thread", "receiver", "signature", "source", "path", "static",
      "parameterNames", "marks", "test", "limits", "startedAt", "durationNanos"));

  private JsonIn in;
  /** The trace's methods, which its calls name by their place ({@code "m"}). */
  private List<Object> methods = Collections.emptyList();
  /** The calls whose children are being read, innermost first. */
  private final Deque<Map<String, Object>> open = new ArrayDeque<Map<String, Object>>();
  /** A call without children that started: its end is the next event. */
  private Map<String, Object> ending;
  private boolean done;

  /** The file, as errors name it. */
  private final String source;
  private boolean truncated;

  /**
   * Reads up to the trace's first call.
   *
   * @param source the file, as errors name it
   */
  TraceEvents(InputStream stream, String source) throws IOException {
    this.source = source;
    try {
      in = JsonIn.open(stream, UNCOMPARED);
      readHeader();
    } catch (IOException | RuntimeException | StackOverflowError e) {
      throw unreadable(e);
    }
  }

  private IOException unreadable(Throwable e) {
    String why = e instanceof StackOverflowError ? "its values nest too deep to read"
        : e.getMessage();
    return new IOException("Trap cannot read the trace " + source + ": " + why, e);
  }

  /** @return true if the trace was cut at its limit: its calls after the cut are missing */
  boolean isTruncated() {
    return truncated;
  }

  @SuppressWarnings("unchecked")
  private void readHeader() throws IOException {
    in.beginObject();
    boolean isTrace = false;
    for (String name = in.nextName(); name != null; name = in.nextName()) {
      if (name.equals("schema")) {
        isTrace = String.valueOf(in.value()).startsWith("dev.trap.trace/");
      } else if (name.equals("truncated")) {
        truncated = Boolean.TRUE.equals(in.value());
      } else if (name.equals("methods")) {
        Object table = in.value();
        methods = table instanceof List ? (List<Object>) table : methods;
      } else if (name.equals("roots")) {
        if (!isTrace) {
          break;
        }
        in.beginArray();
        return;
      } else {
        in.skipValue();
      }
    }
    throw new IOException("it is no trace of Trap's: it has no \"schema\": \"dev.trap.trace/...\""
        + " before its \"roots\"");
  }

  /** @return the next event, or null after the last */
  Event next() throws IOException {
    try {
      return read();
    } catch (IOException | RuntimeException | StackOverflowError e) {
      throw unreadable(e);
    }
  }

  private Event read() throws IOException {
    if (ending != null) {
      Map<String, Object> call = ending;
      ending = null;
      return new Event(false, call, open.peek());
    }
    if (done) {
      return null;
    }
    if (!in.nextElement()) {
      // The children of the innermost open call ended, or the roots did.
      if (open.isEmpty()) {
        done = true;
        return null;
      }
      Map<String, Object> call = open.pop();
      readFields(call);
      return new Event(false, call, open.peek());
    }
    Map<String, Object> parent = open.peek();
    Map<String, Object> call = new HashMap<String, Object>();
    in.beginObject();
    if (readFields(call)) {
      open.push(call);
    } else {
      ending = call;
    }
    resolve(call);
    return new Event(true, call, parent);
  }

  /**
   * Reads a call's fields up to its children, or to its end.
   *
   * @return true if its children are next to read
   */
  private boolean readFields(Map<String, Object> call) throws IOException {
    for (String name = in.nextName(); name != null; name = in.nextName()) {
      if (name.equals("children")) {
        in.beginArray();
        return true;
      }
      if (in.isSkipped(name)) {
        in.skipValue();
      } else {
        call.put(name, in.value());
      }
    }
    return false;
  }

  /** Gives a call its method's class, name and descriptor. */
  @SuppressWarnings("unchecked")
  private void resolve(Map<String, Object> call) throws IOException {
    Object m = call.get("m");
    if (!(m instanceof Number) || call.containsKey("class")) {
      return;
    }
    int at = ((Number) m).intValue();
    if (at < 0 || at >= methods.size() || !(methods.get(at) instanceof Map)) {
      throw new IOException("a call names method " + at + ", which its \"methods\" do not hold"
          + " (they come before the calls in the traces Trap writes)");
    }
    Map<String, Object> method = (Map<String, Object>) methods.get(at);
    call.put("class", method.get("class"));
    call.put("method", method.get("method"));
    call.put("descriptor", method.get("descriptor"));
  }
}
