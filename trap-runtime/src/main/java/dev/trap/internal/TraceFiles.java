package dev.trap.internal;

import dev.trap.MethodInfo;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a test's trace into the trace directory, by class and test: Trap's JSON tree
 * ({@code .json}, schema {@value #SCHEMA}), the same for the viewer ({@code .js}), and the Chrome
 * trace-event format ({@code .chrome.json}) that Perfetto and speedscope open. Keeps the viewer
 * ({@code index.html}) and its list of traces ({@code index.js}) beside them; test JVMs running at
 * once (Surefire's forks) add to the list under a file lock.
 */
final class TraceFiles {

  static final String SCHEMA = "dev.trap.trace/1";
  private static final Pattern INDEX_FILE = Pattern.compile("\"file\":\"((?:[^\"\\\\]|\\\\.)*)\"");

  private TraceFiles() {
  }

  /** What a trace is of, for its files and the viewer's list. */
  static final class Test {
    final String className;
    final String name;
    final String status;
    final String failure;

    Test(String className, String name, String status, String failure) {
      this.className = className;
      this.name = name;
      this.status = status;
      this.failure = failure;
    }
  }

  /**
   * Writes the trace's files, each in one step.
   *
   * @return the JSON file, and the index entry to add
   */
  static Written write(File directory, TraceSession session, Test test) throws IOException {
    String base = base(test);
    File json = new File(directory, base + ".json");
    json.getParentFile().mkdirs();
    String tree = tree(session, test);
    AtomicWrite.text(json, tree);
    AtomicWrite.text(new File(directory, base + ".js"), "TRAP_TRACE_LOADED(" + tree + ");\n");
    AtomicWrite.text(new File(directory, base + ".chrome.json"), chrome(session));
    StringBuilder entry = new StringBuilder("{");
    field(entry, "file", base + ".js").append(',');
    field(entry, "class", test.className).append(',');
    field(entry, "name", test.name).append(',');
    field(entry, "status", test.status).append(',');
    entry.append("\"calls\":").append(session.count()).append(',');
    entry.append("\"truncated\":").append(session.isTruncated()).append(',');
    entry.append("\"durationNanos\":").append(session.durationNanos()).append(',');
    field(entry, "startedAt", timestamp(session.startMillis)).append('}');
    return new Written(json, test, entry.toString());
  }

  /**
   * Deletes what an earlier run wrote for a test that this run does not keep, so that the list
   * shows no trace older than the test's last run.
   */
  static void forget(File directory, Test test) {
    String base = base(test);
    for (String suffix : new String[] {".json", ".js", ".chrome.json"}) {
      new File(directory, base + suffix).delete();
    }
  }

  private static String base(Test test) {
    return fileName(test.className) + "/" + fileName(test.name);
  }

  /** A trace written: its file, and its line in the viewer's list. */
  static final class Written {
    final File json;
    final Test test;
    final String entry;

    Written(File json, Test test, String entry) {
      this.json = json;
      this.test = test;
      this.entry = entry;
    }
  }

  /**
   * Adds entries to the viewer's list, keeping those of other runs whose files are still there,
   * and puts the viewer beside it.
   */
  static void index(File directory, List<Written> written) throws IOException {
    directory.mkdirs();
    File index = new File(directory, "index.js");
    try (RandomAccessFile lockFile = new RandomAccessFile(new File(directory, ".index.lock"),
        "rw"); FileLock lock = lockFile.getChannel().lock()) {
      Map<String, String> entries = new LinkedHashMap<String, String>();
      if (index.isFile()) {
        for (String line : new String(readAll(index), StandardCharsets.UTF_8).split("\n")) {
          Matcher file = INDEX_FILE.matcher(line);
          if (line.startsWith("{") && file.find()
              && new File(directory, unescape(file.group(1))).isFile()) {
            entries.put(file.group(1), line.endsWith(",") ? line.substring(0, line.length() - 1)
                : line);
          }
        }
      }
      for (Written trace : written) {
        Matcher file = INDEX_FILE.matcher(trace.entry);
        file.find();
        entries.remove(file.group(1));
        entries.put(file.group(1), trace.entry);
      }
      StringBuilder text = new StringBuilder("var TRAP_INDEX = [\n");
      int i = 0;
      for (String entry : entries.values()) {
        text.append(entry).append(++i < entries.size() ? ",\n" : "\n");
      }
      AtomicWrite.text(index, text.append("];\n").toString());
      AtomicWrite.bytes(new File(directory, "index.html"), viewer());
    }
  }

  private static byte[] viewer() throws IOException {
    try (InputStream in = TraceFiles.class.getResourceAsStream("trace-viewer.html")) {
      if (in == null) {
        throw new IOException("trace-viewer.html is missing from trap-runtime's jar");
      }
      return readAll(in);
    }
  }

  private static String tree(TraceSession session, Test test) {
    StringBuilder json = new StringBuilder(4096);
    json.append("{\"schema\":\"").append(SCHEMA).append("\",\"test\":{");
    field(json, "class", test.className).append(',');
    field(json, "name", test.name).append(',');
    field(json, "status", test.status);
    if (test.failure != null) {
      field(json.append(','), "failure", test.failure);
    }
    json.append("},");
    field(json, "startedAt", timestamp(session.startMillis)).append(',');
    json.append("\"durationNanos\":").append(session.durationNanos()).append(',');
    json.append("\"calls\":").append(session.count()).append(',');
    json.append("\"truncated\":").append(session.isTruncated()).append(',');
    json.append("\"limits\":{\"maxCalls\":").append(session.config.maxCalls)
        .append(",\"maxBytes\":").append(session.config.maxBytes).append("},");
    json.append("\"roots\":[");
    List<TraceNode> roots = session.rootNodes();
    for (int i = 0; i < roots.size(); i++) {
      node(json.append(i == 0 ? "" : ","), roots.get(i), session);
    }
    return json.append("]}").toString();
  }

  private static void node(StringBuilder json, TraceNode node, TraceSession session) {
    MethodInfo method = node.method();
    json.append("{\"id\":").append(node.id).append(',');
    field(json, "class", method.declaringClass().getName()).append(',');
    field(json, "method", method.name()).append(',');
    field(json, "descriptor", method.descriptor()).append(',');
    field(json, "signature", signature(method)).append(',');
    if (method.sourceFile() != null) {
      field(json, "source", method.sourceFile() + (method.line() >= 0 ? ":" + method.line() : ""))
          .append(',');
    }
    field(json, "thread", node.thread()).append(',');
    json.append("\"start\":").append(node.startNanos()).append(',');
    json.append("\"duration\":").append(node.isFinished() ? node.durationNanos()
        : session.durationNanos() - node.startNanos()).append(',');
    json.append("\"finished\":").append(node.isFinished()).append(',');
    if (node.receiver() != null) {
      field(json, "receiver", node.receiver()).append(',');
    }
    json.append("\"arguments\":[");
    for (int i = 0; i < node.arguments().size(); i++) {
      string(json.append(i == 0 ? "" : ","), node.arguments().get(i));
    }
    json.append("],");
    if (node.thrown() != null) {
      field(json, "thrown", node.thrown()).append(',');
    } else if (node.result() != null) {
      field(json, "result", node.result()).append(',');
    }
    json.append("\"children\":[");
    List<TraceNode> children = node.childNodes();
    for (int i = 0; i < children.size(); i++) {
      node(json.append(i == 0 ? "" : ","), children.get(i), session);
    }
    json.append("]}");
  }

  /**
   * The Chrome trace-event format: one complete ({@code X}) event per call, in microseconds with
   * nanosecond decimals, so that a call lies within its caller exactly, as Perfetto requires of
   * the events of one track; one track per thread, named.
   */
  private static String chrome(TraceSession session) {
    StringBuilder json = new StringBuilder(4096).append("{\"traceEvents\":[\n");
    Map<Long, String> threads = new LinkedHashMap<Long, String>();
    List<TraceNode> all = new ArrayList<TraceNode>();
    for (TraceNode root : session.rootNodes()) {
      flatten(root, all);
    }
    for (TraceNode node : all) {
      threads.put(node.threadId, node.thread());
    }
    boolean first = true;
    for (Map.Entry<Long, String> thread : threads.entrySet()) {
      json.append(first ? "" : ",\n").append("{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,")
          .append("\"tid\":").append(thread.getKey()).append(",\"args\":{");
      field(json, "name", thread.getValue()).append("}}");
      first = false;
    }
    for (TraceNode node : all) {
      long duration = node.isFinished() ? node.durationNanos()
          : session.durationNanos() - node.startNanos();
      json.append(first ? "" : ",\n").append('{');
      field(json, "name", node.method().declaringClass().getSimpleName() + "."
          + node.method().name()).append(',');
      json.append("\"cat\":\"trap\",\"ph\":\"X\",\"pid\":1,\"tid\":").append(node.threadId)
          .append(",\"ts\":").append(micros(node.startNanos())).append(",\"dur\":")
          .append(micros(duration)).append(",\"args\":{");
      field(json, "signature", signature(node.method()));
      if (node.receiver() != null) {
        field(json.append(','), "receiver", node.receiver());
      }
      json.append(",\"arguments\":[");
      for (int i = 0; i < node.arguments().size(); i++) {
        string(json.append(i == 0 ? "" : ","), node.arguments().get(i));
      }
      json.append(']');
      if (node.thrown() != null) {
        field(json.append(','), "thrown", node.thrown());
      } else if (node.result() != null) {
        field(json.append(','), "result", node.result());
      }
      json.append("}}");
      first = false;
    }
    return json.append("\n],\"displayTimeUnit\":\"ns\",\"otherData\":{\"schema\":\"")
        .append(SCHEMA).append("\"}}\n").toString();
  }

  private static void flatten(TraceNode node, List<TraceNode> all) {
    all.add(node);
    for (TraceNode child : node.childNodes()) {
      flatten(child, all);
    }
  }

  private static String micros(long nanos) {
    String digits = String.format("%04d", Math.abs(nanos));
    return (nanos < 0 ? "-" : "") + digits.substring(0, digits.length() - 3) + "."
        + digits.substring(digits.length() - 3);
  }

  /** {@code Shop.price(String)}: what the viewer shows of a method. */
  private static String signature(MethodInfo method) {
    StringBuilder text = new StringBuilder(method.declaringClass().getSimpleName()).append('.')
        .append(method.name()).append('(');
    List<String> types = DescriptorParameters.typeNames(method.descriptor());
    for (int i = 0; i < types.size(); i++) {
      String type = types.get(i);
      text.append(i == 0 ? "" : ", ").append(type.substring(type.lastIndexOf('.') + 1));
    }
    return text.append(')').toString();
  }

  private static StringBuilder field(StringBuilder json, String name, String value) {
    json.append('"').append(name).append("\":");
    return string(json, value);
  }

  private static StringBuilder string(StringBuilder json, String value) {
    if (value == null) {
      return json.append("null");
    }
    json.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"':
          json.append("\\\"");
          break;
        case '\\':
          json.append("\\\\");
          break;
        case '\n':
          json.append("\\n");
          break;
        case '\r':
          json.append("\\r");
          break;
        case '\t':
          json.append("\\t");
          break;
        case '<':
          // So that a value cannot end the viewer's script: "</script>".
          json.append("\\u003c");
          break;
        default:
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
      }
    }
    return json.append('"');
  }

  private static String unescape(String json) {
    return json.replace("\\u003c", "<").replace("\\\"", "\"").replace("\\\\", "\\");
  }

  /** A test's name as a file name: what Windows, macOS and Linux all accept. */
  static String fileName(String name) {
    StringBuilder file = new StringBuilder();
    for (int i = 0; i < name.length() && file.length() < 120; i++) {
      char c = name.charAt(i);
      file.append(Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == '$'
          || c == '[' || c == ']' ? c : '_');
    }
    String result = file.toString().replaceAll("_+", "_").replaceAll("^_|_$", "");
    return result.isEmpty() ? "_" : result;
  }

  private static String timestamp(long millis) {
    java.text.SimpleDateFormat format = new java.text.SimpleDateFormat(
        "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
    format.setTimeZone(TimeZone.getTimeZone("UTC"));
    return format.format(new java.util.Date(millis));
  }

  private static byte[] readAll(File file) throws IOException {
    try (InputStream in = new java.io.FileInputStream(file)) {
      return readAll(in);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  /** Writes a file through a temporary one beside it, so it is whole or absent. */
  static final class AtomicWrite {

    private AtomicWrite() {
    }

    static void text(File file, String text) throws IOException {
      File temporary = new File(file.getParentFile(), file.getName() + ".tmp");
      try (Writer out = new BufferedWriter(new OutputStreamWriter(
          new FileOutputStream(temporary), StandardCharsets.UTF_8))) {
        out.write(text);
      }
      move(temporary, file);
    }

    static void bytes(File file, byte[] bytes) throws IOException {
      File temporary = new File(file.getParentFile(), file.getName() + ".tmp");
      try (FileOutputStream out = new FileOutputStream(temporary)) {
        out.write(bytes);
      }
      move(temporary, file);
    }

    private static void move(File from, File to) throws IOException {
      try {
        java.nio.file.Files.move(from.toPath(), to.toPath(),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING,
            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      } catch (java.nio.file.AtomicMoveNotSupportedException e) {
        java.nio.file.Files.move(from.toPath(), to.toPath(),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
