package dev.trap.internal.trace;

import dev.trap.MethodInfo;
import dev.trap.internal.dispatch.DescriptorParameters;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a test's trace into the trace directory, by class and test: Trap's JSON tree
 * ({@code .json}, schema {@value #SCHEMA}), the same for the viewer ({@code .js}), and the Chrome
 * trace-event format ({@code .trace-events.json}) that Perfetto and speedscope open. Keeps the viewer
 * ({@code index.html}) and its list of traces ({@code index.js}) beside them; test JVMs running at
 * once (Surefire's forks) add to the list under a file lock.
 */
public final class TraceFiles {

  static final String SCHEMA = "dev.trap.trace/2";
  /** Of a class's or a test's part of a path, short enough for every file system. */
  private static final int MAX_FILE_NAME = 120;
  private static final Pattern INDEX_FILE = Pattern.compile("\"file\":\"((?:[^\"\\\\]|\\\\.)*)\"");

  private TraceFiles() {
  }

  /** What a trace is of, for its files and the viewer's list. */
  public static final class Test {
    public final String className;
    public final String name;
    public final String status;
    final String failure;

    public Test(String className, String name, String status, String failure) {
      this.className = className;
      this.name = name;
      this.status = status;
      this.failure = failure;
    }
  }

  /**
   * Writes the trace's files, each whole or not at all, streamed: a big trace is never a string
   * in the heap.
   *
   * @return the JSON file, and the index entry to add
   */
  public static Written write(File directory, final TraceSession session, final Test test)
      throws IOException {
    String base = base(test);
    File json = new File(directory, base + ".json");
    json.getParentFile().mkdirs();
    final Map<MethodInfo, String> signatures = new IdentityHashMap<MethodInfo, String>();
    AtomicWrite.json(json, new Content() {
      @Override
      public void writeTo(JsonOut out) throws IOException {
        tree(out, session, test, signatures);
      }
    });
    AtomicWrite.viewerScript(new File(directory, base + ".js"), json);
    AtomicWrite.json(new File(directory, base + ".trace-events.json"), new Content() {
      @Override
      public void writeTo(JsonOut out) throws IOException {
        chrome(out, session, signatures);
      }
    });
    TraceComparison divergence = null;
    String unreadable = null;
    File passed = new File(directory, base + PASSED);
    if (test.status.equals("failed") && passed.isFile()) {
      try {
        divergence = TraceComparison.of(passed, json, "the last passing run", "this run");
      } catch (IOException e) {
        // An unreadable earlier trace compares with nothing: the failure's trace stands alone.
        unreadable = e.getMessage();
      }
    }
    StringWriter entry = new StringWriter();
    JsonOut out = new JsonOut(entry);
    out.raw('{').field("file", base + ".js").raw(',').field("class", test.className).raw(',')
        .field("name", test.name).raw(',').field("status", test.status).raw(',')
        .name("calls").number(session.count()).raw(',')
        .name("truncated").raw(String.valueOf(session.isTruncated())).raw(',')
        .name("durationNanos").number(session.durationNanos()).raw(',')
        .field("startedAt", timestamp(session.startMillis));
    if (divergence != null) {
      out.raw(',').field("passed", base + PASSED).raw(',').name("divergence").raw('{')
          .field("text", divergence.isSame() ? "" : divergence.firstDivergence()).raw(',')
          .name("passedId").number(divergence.firstId()).raw(',')
          .name("failedId").number(divergence.secondId()).raw('}');
    }
    out.raw('}').flush();
    return new Written(json, test, base + ".js", entry.toString(), divergence, unreadable);
  }

  /**
   * Keeps the trace of a test that passed as its last passing run, which the trace of a later
   * failure of the test is compared with: one file, which the viewer opens too. Kept also when a
   * run keeps the traces of failed tests only.
   */
  public static void writePassed(File directory, final TraceSession session, final Test test)
      throws IOException {
    String base = base(test);
    File passed = new File(directory, base + PASSED);
    passed.getParentFile().mkdirs();
    final Map<MethodInfo, String> signatures = new IdentityHashMap<MethodInfo, String>();
    AtomicWrite.viewerScript(passed, new Content() {
      @Override
      public void writeTo(JsonOut out) throws IOException {
        tree(out, session, test, signatures);
      }
    });
  }

  /** How the viewer's script of a trace starts: its JSON follows, as a quoted string. */
  static final String VIEWER_PREFIX = "TRAP_TRACE_LOADED(JSON.parse('";
  static final String VIEWER_SUFFIX = "'));\n";

  /**
   * Bytes inside a single-quoted JavaScript string: JSON holds no line break and no quote of
   * that kind but in its values, so a backslash before each backslash and quote is all it needs.
   */
  private static final class Quoting extends java.io.FilterOutputStream {
    Quoting(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      if (b == '\\' || b == '\'') {
        out.write('\\');
      }
      out.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      int from = offset;
      for (int i = offset; i < offset + length; i++) {
        if (bytes[i] == '\\' || bytes[i] == '\'') {
          out.write(bytes, from, i - from);
          out.write('\\');
          from = i;
        }
      }
      out.write(bytes, from, offset + length - from);
    }

    @Override
    public void flush() {
      // The file's stream is flushed once, when the whole file is written.
    }

    @Override
    public void close() {
      // The file's stream is closed by the write that opened it.
    }
  }

  /**
   * Keeps a trace just written as the test's last passing run: a copy of its file, not the
   * tree written again (it may have grown meanwhile, on threads the test did not wait for).
   */
  public static void writePassed(File directory, Written written) throws IOException {
    AtomicWrite.viewerScript(new File(directory, base(written.test) + PASSED), written.json);
  }

  /** The file that keeps a test's last passing run, after its base name. */
  public static final String PASSED = ".passed.js";

  /**
   * Deletes what an earlier run wrote for a test that this run does not keep, so that the list
   * shows no trace older than the test's last run.
   */
  public static void forget(File directory, Test test) {
    String base = base(test);
    for (String suffix : new String[] {".json", ".js", ".trace-events.json"}) {
      new File(directory, base + suffix).delete();
    }
  }

  private static String base(Test test) {
    return fileName(test.className) + "/" + fileName(test.name);
  }

  /** A trace written: its file, and its line in the viewer's list. */
  public static final class Written {
    public final File json;
    public final Test test;
    /** The trace's file as the viewer names it, after the {@code #} of its address. */
    public final String viewerFile;
    /** Where a failed test's run parts from its last passing run, or null if none is kept. */
    public final TraceComparison divergence;
    /** Why the last passing run kept could not be compared with, or null. */
    public final String passedUnreadable;
    final String entry;

    Written(File json, Test test, String viewerFile, String entry,
        TraceComparison divergence, String passedUnreadable) {
      this.json = json;
      this.test = test;
      this.viewerFile = viewerFile;
      this.entry = entry;
      this.divergence = divergence;
      this.passedUnreadable = passedUnreadable;
    }
  }

  /**
   * Adds entries to the viewer's list, keeping those of other runs whose files are still there,
   * and puts the viewer beside it.
   */
  public static void index(File directory, List<Written> written) throws IOException {
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

  private static void tree(JsonOut out, TraceSession session, Test test,
      Map<MethodInfo, String> signatures) throws IOException {
    out.raw('{').field("schema", SCHEMA).raw(',').name("test").raw('{')
        .field("class", test.className).raw(',').field("name", test.name).raw(',')
        .field("status", test.status);
    if (test.failure != null) {
      out.raw(',').field("failure", test.failure);
    }
    out.raw("},").field("startedAt", timestamp(session.startMillis)).raw(',')
        .name("durationNanos").number(session.durationNanos()).raw(',')
        .name("calls").number(session.count()).raw(',')
        .name("truncated").raw(String.valueOf(session.isTruncated())).raw(',')
        .name("limits").raw('{').name("maxCalls").number(session.config.maxCalls).raw(',')
        .name("maxBytes").number(session.config.maxBytes).raw("},")
        .name("methods").raw('[');
    // Each method once, before the calls that name it by its place here: a call is then a
    // third of the size it would be with its method's fields, and a reader that streams the
    // calls knows their methods when it meets them.
    Map<MethodInfo, Integer> methods = methodsOf(session.rootNodes(), session.durationNanos());
    MethodInfo[] table = new MethodInfo[methods.size()];
    for (Map.Entry<MethodInfo, Integer> entry : methods.entrySet()) {
      table[entry.getValue()] = entry.getKey();
    }
    for (int i = 0; i < table.length; i++) {
      (i == 0 ? out : out.raw(',')).raw('{');
      method(out, table[i], signatures);
      out.raw('}');
    }
    out.raw("],").name("roots").raw('[');
    nodes(out, session.rootNodes(), session.durationNanos(), methods, signatures);
    out.raw("]}");
  }

  /** @return the methods of the calls, each numbered by the place of its first call */
  private static Map<MethodInfo, Integer> methodsOf(List<TraceNode> roots, long traceEnd) {
    Map<MethodInfo, Integer> methods = new IdentityHashMap<MethodInfo, Integer>();
    ArrayDeque<TraceNode> pending = new ArrayDeque<TraceNode>();
    List<TraceNode> kept = within(roots, traceEnd);
    for (int i = kept.size() - 1; i >= 0; i--) {
      pending.push(kept.get(i));
    }
    while (!pending.isEmpty()) {
      TraceNode node = pending.pop();
      if (!methods.containsKey(node.method())) {
        methods.put(node.method(), methods.size());
      }
      List<TraceNode> children = within(node.childNodes(), traceEnd);
      for (int i = children.size() - 1; i >= 0; i--) {
        pending.push(children.get(i));
      }
    }
    return methods;
  }

  /** A method's fields, which every call of it shares. */
  private static void method(JsonOut out, MethodInfo method, Map<MethodInfo, String> signatures)
      throws IOException {
    out.field("class", method.declaringClass().getName()).raw(',')
        .field("method", method.name()).raw(',')
        .field("descriptor", method.descriptor()).raw(',')
        .field("signature", signature(method, signatures)).raw(',');
    if (method.sourceFile() != null) {
      out.field("source", method.sourceFile() + (method.line() >= 0 ? ":" + method.line() : ""))
          .raw(',').field("path", SourcePaths.of(method.declaringClass(), method.sourceFile()))
          .raw(',');
    }
    if (method.hasParameterNames() && !method.parameterNames().isEmpty()) {
      out.name("parameterNames").raw('[');
      List<String> names = method.parameterNames();
      for (int i = 0; i < names.size(); i++) {
        (i == 0 ? out : out.raw(',')).string(names.get(i));
      }
      out.raw("],");
    }
    out.name("static").raw(String.valueOf(method.isStatic()));
  }

  /**
   * How long a call ran, as the files say it: the call as it was when the trace ended. A call
   * still running then, or ending only while the files are written, runs to the trace's end, so
   * that it still holds its children, and both files say the same.
   */
  private static final class Span {
    final long duration;
    final boolean finished;

    Span(TraceNode node, long traceEnd) {
      long measured = node.durationNanos();
      finished = measured >= 0 && node.startNanos() + measured <= traceEnd;
      duration = finished ? measured : Math.max(0, traceEnd - node.startNanos());
    }
  }

  /** @return the calls that started before the trace ended: those after it are not its own */
  private static List<TraceNode> within(List<TraceNode> nodes, long traceEnd) {
    List<TraceNode> kept = new ArrayList<TraceNode>(nodes.size());
    for (TraceNode node : nodes) {
      if (node.startNanos() <= traceEnd) {
        kept.add(node);
      }
    }
    return kept;
  }

  /**
   * The calls and, within each, its children: depth first, without recursion, as calls may nest
   * deeper than the writer's stack would allow.
   */
  private static void nodes(JsonOut out, List<TraceNode> roots, long traceEnd,
      Map<MethodInfo, Integer> methods, Map<MethodInfo, String> signatures) throws IOException {
    ArrayDeque<Iterator<TraceNode>> open = new ArrayDeque<Iterator<TraceNode>>();
    open.push(within(roots, traceEnd).iterator());
    boolean first = true;
    while (!open.isEmpty()) {
      Iterator<TraceNode> siblings = open.peek();
      if (!siblings.hasNext()) {
        open.pop();
        if (!open.isEmpty()) {
          out.raw("]}");
        }
        first = false;
        continue;
      }
      TraceNode node = siblings.next();
      if (!first) {
        out.raw(',');
      }
      node(out, node, traceEnd, methods, signatures);
      out.raw(',').name("children").raw('[');
      open.push(within(node.childNodes(), traceEnd).iterator());
      first = true;
    }
  }

  /** A call's fields, all but its children; its method by its place in the trace's table. */
  private static void node(JsonOut out, TraceNode node, long traceEnd,
      Map<MethodInfo, Integer> methods, Map<MethodInfo, String> signatures) throws IOException {
    Span span = new Span(node, traceEnd);
    Integer method = methods.get(node.method());
    out.raw('{').name("id").number(node.id).raw(',');
    if (method != null) {
      out.name("m").number(method).raw(',');
    } else {
      // A call another thread added after the methods were written: its method's fields here.
      method(out, node.method(), signatures);
      out.raw(',');
    }
    String[] marks = node.marks;
    if (marks != null) {
      out.name("marks").raw('[');
      for (int i = 0; i + 1 < marks.length; i += 2) {
        (i == 0 ? out : out.raw(',')).raw('{').field("kind", marks[i]).raw(',')
            .field("by", marks[i + 1]).raw('}');
      }
      out.raw("],");
    }
    out.field("thread", node.thread()).raw(',')
        .name("start").number(node.startNanos()).raw(',')
        .name("duration").number(span.duration).raw(',')
        .name("finished").raw(String.valueOf(span.finished)).raw(',');
    if (node.receiver() != null) {
      out.field("receiver", node.receiver()).raw(',');
    }
    arguments(out, node);
    outcome(out, node, span);
  }

  /** The result or exception of a call that ended within the trace. */
  private static void outcome(JsonOut out, TraceNode node, Span span) throws IOException {
    if (!span.finished) {
      return;
    }
    if (node.thrown() != null) {
      out.raw(',').field("thrown", node.thrown());
    } else if (node.result() != null) {
      out.raw(',').field("result", node.result());
    }
  }

  private static void arguments(JsonOut out, TraceNode node) throws IOException {
    out.name("arguments").raw('[');
    String[] arguments = node.argumentTexts();
    for (int i = 0; i < arguments.length; i++) {
      (i == 0 ? out : out.raw(',')).string(arguments[i]);
    }
    out.raw(']');
  }

  /**
   * The Chrome trace-event format: one complete ({@code X}) event per call, in microseconds with
   * nanosecond decimals, so that a call lies within its caller exactly, as Perfetto requires of
   * the events of one track; one track per thread, named.
   */
  private static void chrome(JsonOut out, TraceSession session,
      Map<MethodInfo, String> signatures) throws IOException {
    out.raw("{\"traceEvents\":[\n");
    long traceEnd = session.durationNanos();
    List<TraceNode> all = new ArrayList<TraceNode>(session.count());
    ArrayDeque<TraceNode> stack = new ArrayDeque<TraceNode>();
    List<TraceNode> roots = within(session.rootNodes(), traceEnd);
    for (int i = roots.size() - 1; i >= 0; i--) {
      stack.push(roots.get(i));
    }
    Map<Long, String> threads = new LinkedHashMap<Long, String>();
    while (!stack.isEmpty()) {
      TraceNode node = stack.pop();
      all.add(node);
      threads.put(node.threadId, node.thread());
      List<TraceNode> children = within(node.childNodes(), traceEnd);
      for (int i = children.size() - 1; i >= 0; i--) {
        stack.push(children.get(i));
      }
    }
    boolean first = true;
    for (Map.Entry<Long, String> thread : threads.entrySet()) {
      out.raw(first ? "" : ",\n").raw("{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,")
          .name("tid").number(thread.getKey()).raw(',').name("args").raw('{')
          .field("name", thread.getValue()).raw("}}");
      first = false;
    }
    for (TraceNode node : all) {
      Span span = new Span(node, traceEnd);
      MethodInfo method = node.method();
      out.raw(first ? "" : ",\n").raw('{')
          .field("name", method.declaringClass().getSimpleName() + "." + method.name()).raw(',')
          .raw("\"cat\":\"trap\",\"ph\":\"X\",\"pid\":1,").name("tid").number(node.threadId)
          .raw(',').name("ts").micros(node.startNanos()).raw(',')
          .name("dur").micros(span.duration).raw(',').name("args").raw('{')
          .field("signature", signature(method, signatures)).raw(',');
      if (node.receiver() != null) {
        out.field("receiver", node.receiver()).raw(',');
      }
      arguments(out, node);
      outcome(out, node, span);
      out.raw("}}");
      first = false;
    }
    out.raw("\n],\"displayTimeUnit\":\"ns\",\"otherData\":{").field("schema", SCHEMA)
        .raw("}}\n");
  }

  /** {@code Shop.price(String)}: what the viewer shows of a method. */
  private static String signature(MethodInfo method, Map<MethodInfo, String> signatures) {
    String known = signatures.get(method);
    if (known == null) {
      known = signature(method);
      signatures.put(method, known);
    }
    return known;
  }

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

  private static String unescape(String json) {
    return json.replace("\\u003c", "<").replace("\\\"", "\"").replace("\\\\", "\\");
  }

  /** A test's name as a file name: what Windows, macOS and Linux all accept. */
  public static String fileName(String name) {
    StringBuilder file = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      file.append(Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == '$'
          || c == '[' || c == ']' ? c : '_');
    }
    String result = file.toString().replaceAll("_+", "_").replaceAll("^[_.]+|_$", "");
    if (result.length() > MAX_FILE_NAME) {
      // Cut, but told apart from other names cut the same: by a hash of the whole name.
      result = result.substring(0, MAX_FILE_NAME - 9) + "_"
          + String.format("%08x", name.hashCode());
    }
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

  /** What a JSON file holds. */
  interface Content {
    void writeTo(JsonOut out) throws IOException;
  }

  /**
   * Writes a file through a temporary one of its own beside it, so that it is whole or absent,
   * and two JVMs writing the same file each write a whole one.
   */
  static final class AtomicWrite {

    /** What goes into a file. */
    private interface Bytes {
      void writeTo(OutputStream out) throws IOException;
    }

    private AtomicWrite() {
    }

    static void text(File file, final String text) throws IOException {
      write(file, new Bytes() {
        @Override
        public void writeTo(OutputStream out) throws IOException {
          out.write(text.getBytes(StandardCharsets.UTF_8));
        }
      });
    }

    static void json(File file, final Content content) throws IOException {
      write(file, new Bytes() {
        @Override
        public void writeTo(OutputStream out) throws IOException {
          Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          JsonOut json = new JsonOut(writer);
          content.writeTo(json);
          json.flush();
          writer.flush();
        }
      });
    }

    /**
     * Writes a trace's JSON file as the viewer's script: the JSON as a string that the script
     * hands to {@code JSON.parse}, which browsers read several times faster than the same
     * value as a script's object.
     */
    static void viewerScript(File file, final File json) throws IOException {
      write(file, new Bytes() {
        @Override
        public void writeTo(OutputStream out) throws IOException {
          out.write(VIEWER_PREFIX.getBytes(StandardCharsets.UTF_8));
          java.nio.file.Files.copy(json.toPath(), new Quoting(out));
          out.write(VIEWER_SUFFIX.getBytes(StandardCharsets.UTF_8));
        }
      });
    }

    /** Writes a trace as the viewer's script, from its content. */
    static void viewerScript(File file, final Content content) throws IOException {
      write(file, new Bytes() {
        @Override
        public void writeTo(OutputStream out) throws IOException {
          out.write(VIEWER_PREFIX.getBytes(StandardCharsets.UTF_8));
          Writer writer = new OutputStreamWriter(new Quoting(out), StandardCharsets.UTF_8);
          JsonOut json = new JsonOut(writer);
          content.writeTo(json);
          json.flush();
          writer.flush();
          out.write(VIEWER_SUFFIX.getBytes(StandardCharsets.UTF_8));
        }
      });
    }

    static void bytes(File file, final byte[] bytes) throws IOException {
      write(file, new Bytes() {
        @Override
        public void writeTo(OutputStream out) throws IOException {
          out.write(bytes);
        }
      });
    }

    private static void write(File file, Bytes bytes) throws IOException {
      File temporary = File.createTempFile("." + file.getName() + ".", ".tmp",
          file.getParentFile());
      boolean moved = false;
      try {
        try (OutputStream out = new java.io.BufferedOutputStream(
            new FileOutputStream(temporary), 1 << 16)) {
          bytes.writeTo(out);
        }
        move(temporary, file);
        moved = true;
      } finally {
        if (!moved) {
          temporary.delete();
        }
      }
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
