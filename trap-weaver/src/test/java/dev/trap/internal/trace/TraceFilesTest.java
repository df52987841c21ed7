package dev.trap.internal.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trap.internal.scope.ScopeImpl;
import dev.trap.weaver.testing.WovenClasses;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files of a trace, written from the trees of woven samples. */
class TraceFilesTest {

  private static final Pattern EVENT = Pattern.compile(
      "\"name\":\"([^\"]+)\",\"cat\":\"trap\",\"ph\":\"X\",\"pid\":1,\"tid\":(\\d+),"
          + "\"ts\":([\\d.]+),\"dur\":([\\d.]+)");

  private final WovenClasses woven = WovenClasses.samples();
  private final Class<?> shop = woven.load("samples.Shop");

  @TempDir
  Path directory;

  @Test
  void a_call_still_running_when_the_trace_ends_should_run_to_its_end_without_a_result()
      throws Exception {
    Object instance = shop.getConstructor(int.class).newInstance(10);
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread[] left = new Thread[1];
    Class<?> waiter = woven.load("samples.Waiter");
    ScopeImpl scope = (ScopeImpl) dev.trap.Scope.open("test");
    TraceSession session = Tracing.start(scope, "test", TraceConfig.fromSystemProperties());
    try {
      shop.getMethod("total", String.class).invoke(instance, "ab");
      // A thread the test starts and does not wait for: its call is still running at the end.
      left[0] = new Thread(() -> {
        try {
          waiter.getMethod("await", CountDownLatch.class, CountDownLatch.class)
              .invoke(null, started, release);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }, "left-running");
      left[0].start();
      started.await();
    } finally {
      Tracing.stop(scope, session);
      scope.close();
    }
    release.countDown();
    left[0].join();

    TraceFiles.Written written = TraceFiles.write(directory.toFile(), session,
        new TraceFiles.Test("samples.ShopTest", "total()", "passed", null));

    String json = read(written.json);
    Map<String, Object> trace = parse(json);
    Map<String, Object> await = call(trace, "await");
    assertEquals(false, await.get("finished"), json);
    assertFalse(await.containsKey("result"), json);
    assertTrue(call(trace, "total").containsKey("result"), json);
    String events = read(new File(written.json.getParentFile(), "total.trace-events.json"));
    assertStrictlyNested(events);
    String script = read(new File(written.json.getParentFile(), "total.js"));
    assertEquals(TraceFiles.VIEWER_PREFIX + json.replace("\\", "\\\\").replace("'", "\\'")
        + TraceFiles.VIEWER_SUFFIX, script);
    assertEquals(trace, parse(script));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String text) throws IOException {
    return (Map<String, Object>) JsonIn.read(
        new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  /** @return the first call of the method of that name, found through the trace's methods */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> call(Map<String, Object> trace, String method) {
    List<Object> methods = (List<Object>) trace.get("methods");
    long m = -1;
    for (int i = 0; i < methods.size(); i++) {
      if (method.equals(((Map<String, Object>) methods.get(i)).get("method"))) {
        m = i;
      }
    }
    java.util.ArrayDeque<Object> calls = new java.util.ArrayDeque<Object>((List<Object>) trace.get("roots"));
    while (!calls.isEmpty()) {
      Map<String, Object> call = (Map<String, Object>) calls.pop();
      if (((Number) call.get("m")).longValue() == m) {
        return call;
      }
      calls.addAll((List<Object>) call.get("children"));
    }
    throw new AssertionError("no call of " + method + " in " + trace);
  }

  @Test
  void names_that_would_make_the_same_file_should_not() {
    String longName = repeat('x', 300);

    String cut = TraceFiles.fileName(longName);
    String otherCut = TraceFiles.fileName(longName + " 2");

    assertEquals(120, cut.length());
    assertFalse(cut.equals(otherCut));
    assertEquals("test_TestInfo", TraceFiles.fileName("test(TestInfo)"));
    assertEquals("test", TraceFiles.fileName("test()"));
    assertEquals("etc_passwd", TraceFiles.fileName("../../etc/passwd"));
  }

  @Test
  void no_temporary_file_should_stay_behind() throws Exception {
    Object instance = shop.getConstructor(int.class).newInstance(10);
    CallTreeHolder holder = new CallTreeHolder();
    dev.trap.Trace.record(() -> shop.getMethod("total", String.class).invoke(instance, "ab"),
        tree -> holder.session = (TraceSession) tree);

    TraceFiles.write(directory.toFile(), holder.session,
        new TraceFiles.Test("samples.ShopTest", "t()", "passed", null));

    List<String> files = new ArrayList<>();
    try (java.util.stream.Stream<Path> all = Files.walk(directory)) {
      all.filter(Files::isRegularFile).forEach(p -> files.add(directory.relativize(p).toString()));
    }
    files.sort(null);
    assertEquals(List.of("samples.ShopTest/t.js", "samples.ShopTest/t.json",
        "samples.ShopTest/t.trace-events.json"), files);
  }

  private static final class CallTreeHolder {
    TraceSession session;
  }

  /** Perfetto's rule: on each thread, two calls are apart or one holds the other. */
  private static void assertStrictlyNested(String events) {
    Map<String, List<double[]>> byThread = new TreeMap<>();
    Matcher event = EVENT.matcher(events);
    while (event.find()) {
      double start = Double.parseDouble(event.group(3));
      byThread.computeIfAbsent(event.group(2), t -> new ArrayList<>())
          .add(new double[] {start, start + Double.parseDouble(event.group(4))});
    }
    assertFalse(byThread.isEmpty(), events);
    for (List<double[]> spans : byThread.values()) {
      for (double[] a : spans) {
        for (double[] b : spans) {
          boolean apart = a[1] <= b[0] || b[1] <= a[0];
          boolean nested = a[0] <= b[0] && b[1] <= a[1] || b[0] <= a[0] && a[1] <= b[1];
          assertTrue(apart || nested, events);
        }
      }
    }
  }

  private static String read(File file) throws IOException {
    return new String(Files.readAllBytes(file.toPath()), StandardCharsets.UTF_8);
  }

  private static String repeat(char c, int times) {
    return String.valueOf(c).repeat(times);
  }
}
