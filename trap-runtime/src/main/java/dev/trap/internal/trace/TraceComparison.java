package dev.trap.internal.trace;

import dev.trap.TraceDiff;
import dev.trap.internal.dispatch.DescriptorParameters;
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
   * @param secondName how it names the second, such as "this run"
   * @throws IOException if either cannot be read as a trace: the message names which, and why
   */
  public static TraceComparison of(File first, File second, String firstName, String secondName)
      throws IOException {
    for (File file : new File[] {first, second}) {
      if (!file.isFile()) {
        throw new IOException("Trap cannot read the trace " + file + ": there is no such file"
            + " (traces are under target/trap-traces/<class>/<test>.json, and a test's last"
            + " passing run is its .passed.js)");
      }
    }
    try (InputStream a = new FileInputStream(first); InputStream b = new FileInputStream(second)) {
      return of(new TraceEvents(a, first.getPath()), new TraceEvents(b, second.getPath()),
          firstName, secondName);
    }
  }

  static TraceComparison of(InputStream first, InputStream second, String firstName)
      throws IOException {
    return of(new TraceEvents(first, "the first trace"),
        new TraceEvents(second, "the second trace"), firstName, "this run");
  }

  private static TraceComparison of(TraceEvents a, TraceEvents b, String firstName,
      String secondName) throws IOException {
    while (true) {
      Event x = a.next();
      Event y = b.next();
      if (x == null && y == null) {
        if (a.isTruncated() || b.isTruncated()) {
          return new TraceComparison("no divergence in the calls both traces kept, but "
              + cut(a, b, firstName, secondName) + ": the calls after the cut are not compared",
              -1, -1);
        }
        return new TraceComparison("", -1, -1);
      }
      if (x == null) {
        Map<String, Object> extra = y.call;
        String where = a.isTruncated() ? ", where " + firstName + " was cut at its limit"
            : " after the calls " + firstName + " made";
        return y.start ? new TraceComparison(caller(y.parent) + " called " + line(extra) + where,
            -1, id(extra))
            : new TraceComparison(line(extra) + " returned" + where, -1, id(extra));
      }
      if (y == null) {
        return new TraceComparison(secondName + (b.isTruncated() ? " was cut at its limit"
            : " ended") + " where " + firstName + " went on with "
            + (x.start ? line(x.call) : "the end of " + line(x.call)), id(x.call), -1);
      }
      if (x.start && y.start) {
        if (!sameMethod(x.call, y.call)) {
          String is = line(y.call);
          String was = line(x.call);
          if (is.equals(was)) {
            // Overloads, or classes of the same name: what tells them apart.
            is = fullLine(y.call);
            was = fullLine(x.call);
          }
          return new TraceComparison(caller(y.parent) + " called " + is + ", where "
              + firstName + " called " + was, id(x.call), id(y.call));
        }
        if (!sameValues(x.call.get("arguments"), y.call.get("arguments"))) {
          return new TraceComparison(line(y.call) + " was called with other arguments: "
              + arguments(x.call) + " in " + firstName, id(x.call), id(y.call));
        }
      } else if (!x.start && !y.start) {
        String was = outcome(x.call);
        String is = outcome(y.call);
        if (!withoutIdentities(was).equals(withoutIdentities(is))) {
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

  private static String cut(TraceEvents a, TraceEvents b, String firstName, String secondName) {
    if (a.isTruncated() && b.isTruncated()) {
      return "both were cut at their limits";
    }
    return (a.isTruncated() ? firstName : secondName) + " was cut at its limit";
  }

  /**
   * What tells one object from another of equal state, and changes from run to run, is not
   * compared: identity hashes ({@code Object@1b6d3586}) and the addresses in lambdas' class
   * names ({@code Test$$Lambda$14/0x0000000800c03000}).
   */
  static String withoutIdentities(String text) {
    if (text.indexOf('@') < 0 && text.indexOf("$$Lambda") < 0) {
      return text;
    }
    return IDENTITY_HASH.matcher(LAMBDA_ADDRESS.matcher(text).replaceAll("\\$\\$Lambda"))
        .replaceAll("$1@");
  }

  private static final java.util.regex.Pattern LAMBDA_ADDRESS =
      java.util.regex.Pattern.compile("\\$\\$Lambda(\\$\\d+)?/0x[0-9a-f]+");
  private static final java.util.regex.Pattern IDENTITY_HASH =
      java.util.regex.Pattern.compile("\\b([A-Z][\\w$]*)@[0-9a-f]{5,8}\\b");

  @SuppressWarnings("unchecked")
  private static boolean sameValues(Object first, Object second) {
    if (!(first instanceof List) || !(second instanceof List)) {
      return java.util.Objects.equals(first, second);
    }
    List<Object> a = (List<Object>) first;
    List<Object> b = (List<Object>) second;
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!withoutIdentities(String.valueOf(a.get(i)))
          .equals(withoutIdentities(String.valueOf(b.get(i))))) {
        return false;
      }
    }
    return true;
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

  /**
   * @return {@code com.acme.Shop.price(int: 5)}: the line with the class's full name and each
   *     argument's parameter type, which tell overloads and classes of one name apart
   */
  @SuppressWarnings("unchecked")
  private static String fullLine(Map<String, Object> call) {
    List<String> types = parameterTypes(String.valueOf(call.get("descriptor")));
    Object values = call.get("arguments");
    List<Object> arguments = values instanceof List ? (List<Object>) values
        : java.util.Collections.emptyList();
    StringBuilder text = new StringBuilder().append(call.get("class")).append('.')
        .append(call.get("method")).append('(');
    for (int i = 0; i < Math.max(types.size(), arguments.size()); i++) {
      text.append(i == 0 ? "" : ", ").append(i < types.size() ? types.get(i) : "?")
          .append(i < arguments.size() ? ": " + arguments.get(i) : "");
    }
    return text.append(')').toString();
  }

  /** @return the simple names of a descriptor's parameter types: {@code int}, {@code String[]} */
  static List<String> parameterTypes(String descriptor) {
    List<String> types = new java.util.ArrayList<String>();
    try {
      for (String name : DescriptorParameters.typeNames(descriptor)) {
        types.add(name.substring(name.lastIndexOf('.') + 1).replace('$', '.'));
      }
    } catch (RuntimeException e) {
      // A descriptor no class file has: said as it is.
      types.clear();
      types.add(descriptor);
    }
    return types;
  }

  private static String caller(Map<String, Object> parent) {
    return parent == null ? "the test" : line(parent);
  }
}
