package dev.trap.internal.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Where two traces part: every kind of first divergence, said as the build log says it. */
class TraceComparisonTest {

  private static final String PASSED = trace(
      call(1, "Checkout", "total", "[\"\\\"ab\\\"\"]", "\"result\":\"7\"",
          call(2, "PriceService", "quote", "[\"\\\"ab\\\"\"]", "\"result\":\"5\""),
          call(3, "PriceService", "tax", "[5]", "\"result\":\"2\"")));

  @Test
  void same_calls_should_be_the_same() throws IOException {
    TraceComparison same = compare(PASSED, PASSED);
    assertTrue(same.isSame());
    assertEquals("", same.firstDivergence());
    assertEquals(-1, same.firstId());
  }

  @Test
  void another_result_should_be_said_with_what_it_was() throws IOException {
    TraceComparison diff = compare(PASSED, trace(
        call(1, "Checkout", "total", "[\"\\\"ab\\\"\"]", "\"result\":\"9\"",
            call(2, "PriceService", "quote", "[\"\\\"ab\\\"\"]", "\"result\":\"7\""),
            call(3, "PriceService", "tax", "[7]", "\"result\":\"2\""))));
    assertEquals("PriceService.quote(\"ab\") returned 7, was 5", diff.firstDivergence());
    assertEquals(2, diff.firstId());
    assertEquals(2, diff.secondId());
  }

  @Test
  void an_exception_should_be_said_with_the_result_it_replaced() throws IOException {
    TraceComparison diff = compare(PASSED, trace(
        call(1, "Checkout", "total", "[\"\\\"ab\\\"\"]", "\"thrown\":\"java.lang.IllegalStateException: x\"",
            call(2, "PriceService", "quote", "[\"\\\"ab\\\"\"]",
                "\"thrown\":\"java.lang.IllegalStateException: x\""))));
    assertEquals("PriceService.quote(\"ab\") threw java.lang.IllegalStateException: x, returned 5"
        + " in the last passing run", diff.firstDivergence());
  }

  @Test
  void other_arguments_should_be_said_with_the_earlier_ones() throws IOException {
    TraceComparison diff = compare(PASSED, trace(
        call(1, "Checkout", "total", "[\"\\\"abc\\\"\"]", "\"result\":\"7\"")));
    assertEquals("Checkout.total(\"abc\") was called with other arguments: (\"ab\") in the last"
        + " passing run", diff.firstDivergence());
  }

  @Test
  void another_method_should_be_said_with_the_method_called_before() throws IOException {
    TraceComparison diff = compare(PASSED, trace(
        call(1, "Checkout", "total", "[\"\\\"ab\\\"\"]", "\"result\":\"7\"",
            call(2, "PriceService", "cachedQuote", "[\"\\\"ab\\\"\"]", "\"result\":\"5\""))));
    assertEquals("Checkout.total(\"ab\") called PriceService.cachedQuote(\"ab\"), where the last"
        + " passing run called PriceService.quote(\"ab\")", diff.firstDivergence());
  }

  @Test
  void a_call_made_only_now_should_be_named_with_its_caller() throws IOException {
    TraceComparison diff = compare(PASSED, trace(
        call(1, "Checkout", "total", "[\"\\\"ab\\\"\"]", "\"result\":\"7\"",
            call(2, "PriceService", "quote", "[\"\\\"ab\\\"\"]", "\"result\":\"5\""),
            call(3, "PriceService", "tax", "[5]", "\"result\":\"2\""),
            call(4, "Audit", "log", "[\"\\\"ab\\\"\"]", ""))));
    assertEquals("Checkout.total(\"ab\") called Audit.log(\"ab\"), which the last passing run did"
        + " not", diff.firstDivergence());
    assertEquals(1, diff.firstId());
    assertEquals(4, diff.secondId());
  }

  @Test
  void a_call_not_made_now_should_be_named() throws IOException {
    TraceComparison diff = compare(PASSED, trace(
        call(1, "Checkout", "total", "[\"\\\"ab\\\"\"]", "\"result\":\"7\"",
            call(2, "PriceService", "quote", "[\"\\\"ab\\\"\"]", "\"result\":\"5\""))));
    assertEquals("Checkout.total(\"ab\") returned without calling PriceService.tax(5), which the"
        + " last passing run did", diff.firstDivergence());
  }

  @Test
  void a_run_that_ended_early_should_say_what_came_next() throws IOException {
    TraceComparison diff = compare(trace(
        call(1, "Checkout", "<init>", "[]", ""), call(2, "Checkout", "total", "[]", "")),
        trace(call(1, "Checkout", "<init>", "[]", "")));
    assertEquals("this run ended where the last passing run went on with Checkout.total()",
        diff.firstDivergence());
  }

  @Test
  void a_constructor_should_read_as_new() throws IOException {
    TraceComparison diff = compare(trace(call(1, "com.acme.Shop", "<init>", "[10]", "")),
        trace(call(1, "com.acme.Shop", "<init>", "[11]", "")));
    assertEquals("new Shop(11) was called with other arguments: (10) in the last passing run",
        diff.firstDivergence());
  }

  @Test
  void calls_should_be_compared_by_the_methods_they_name_by_place() throws IOException {
    // As TraceFiles writes them: each method once, before the calls, in each trace's own order;
    // a call added late holds its method's fields itself.
    String first = "{\"schema\":\"dev.trap.trace/2\",\"methods\":["
        + "{\"class\":\"a.Prices\",\"method\":\"quote\",\"descriptor\":\"()I\"},"
        + "{\"class\":\"a.Prices\",\"method\":\"tax\",\"descriptor\":\"()I\"}],"
        + "\"roots\":[{\"id\":1,\"m\":1,\"finished\":true,\"arguments\":[],\"result\":\"1\","
        + "\"children\":[]},{\"id\":2,\"m\":0,\"finished\":true,\"arguments\":[],"
        + "\"result\":\"5\",\"children\":[]}]}";
    String second = "{\"schema\":\"dev.trap.trace/2\",\"methods\":["
        + "{\"class\":\"a.Prices\",\"method\":\"quote\",\"descriptor\":\"()I\"}],"
        + "\"roots\":[{\"id\":6,\"class\":\"a.Prices\",\"method\":\"tax\",\"descriptor\":\"()I\","
        + "\"finished\":true,\"arguments\":[],\"result\":\"1\",\"children\":[]},{\"id\":7,"
        + "\"m\":0,\"finished\":true,\"arguments\":[],\"result\":\"6\",\"children\":[]}]}";
    TraceComparison diff = compare(first, second);
    assertEquals("Prices.quote() returned 6, was 5", diff.firstDivergence());
    assertEquals(2, diff.firstId());
    assertEquals(7, diff.secondId());
  }

  @Test
  void a_file_that_is_no_trace_should_be_refused_saying_so() {
    IOException thrown = assertThrows(IOException.class,
        () -> compare("{\"roots\":[]}", PASSED));
    assertEquals("Trap cannot read the trace the first trace: it is no trace of Trap's: it has no"
        + " \"schema\": \"dev.trap.trace/...\" before its \"roots\"", thrown.getMessage());
  }

  @Test
  void a_file_cut_short_should_be_named_with_what_is_wrong(@TempDir Path directory)
      throws IOException {
    Path whole = directory.resolve("whole.json");
    Path cut = directory.resolve("cut.json");
    Files.write(whole, PASSED.getBytes(StandardCharsets.UTF_8));
    Files.write(cut, PASSED.substring(0, PASSED.length() - 40).getBytes(StandardCharsets.UTF_8));
    IOException thrown = assertThrows(IOException.class,
        () -> TraceComparison.of(whole.toFile(), cut.toFile(), "the first trace",
            "the second trace"));
    assertTrue(thrown.getMessage().startsWith("Trap cannot read the trace " + cut
        + ": it ends inside"), thrown.getMessage());
    assertTrue(thrown.getMessage().endsWith(": the file is cut short (a build interrupted while"
        + " writing it?)"), thrown.getMessage());
  }

  @Test
  void a_file_that_is_not_there_should_be_named(@TempDir Path directory) throws IOException {
    Path whole = directory.resolve("whole.json");
    Files.write(whole, PASSED.getBytes(StandardCharsets.UTF_8));
    File missing = directory.resolve("missing.json").toFile();
    IOException thrown = assertThrows(IOException.class,
        () -> TraceComparison.of(missing, whole.toFile(), "the first trace", "the second trace"));
    assertTrue(thrown.getMessage().startsWith("Trap cannot read the trace " + missing
        + ": there is no such file"), thrown.getMessage());
  }

  @Test
  void traces_cut_at_their_limit_should_not_be_called_the_same() throws IOException {
    String cut = PASSED.replace("{\"schema\":\"dev.trap.trace/2\",",
        "{\"schema\":\"dev.trap.trace/2\",\"truncated\":true,");
    TraceComparison diff = compare(PASSED, cut);
    assertEquals("no divergence in the calls both traces kept, but this run was cut at its limit:"
        + " the calls after the cut are not compared", diff.firstDivergence());
    assertTrue(!diff.isSame());
  }

  @Test
  void identities_should_not_tell_runs_apart() throws IOException {
    String first = PASSED.replace("[\"\\\"ab\\\"\"]",
        "[\"Shop$$Lambda$20/0x00007fbddc017b10{}\", \"java.lang.Object@1b6d3586\"]");
    String second = PASSED.replace("[\"\\\"ab\\\"\"]",
        "[\"Shop$$Lambda$21/0x00007f4f0c018238{}\", \"java.lang.Object@4554617c\"]");
    assertTrue(compare(first, second).isSame(), compare(first, second).firstDivergence());
    String mail = PASSED.replace("\"result\":\"5\"", "\"result\":\"\\\"ann@cafe\\\"\"");
    String otherMail = PASSED.replace("\"result\":\"5\"", "\"result\":\"\\\"ann@face\\\"\"");
    assertEquals("PriceService.quote(\"ab\") returned \"ann@face\", was \"ann@cafe\"",
        compare(mail, otherMail).firstDivergence());
  }

  @Test
  void overloads_should_be_told_apart_by_their_descriptors() throws IOException {
    String taxOfInt = PASSED.replace("\"method\":\"tax\",\"descriptor\":\"()V\"",
        "\"method\":\"tax\",\"descriptor\":\"(I)I\"");
    String taxOfLong = PASSED.replace("\"method\":\"tax\",\"descriptor\":\"()V\"",
        "\"method\":\"tax\",\"descriptor\":\"(J)J\"");
    assertEquals("Checkout.total(\"ab\") called PriceService.tax(long: 5), where the last passing"
        + " run called PriceService.tax(int: 5)", compare(taxOfInt, taxOfLong).firstDivergence());
  }

  @Test
  void calls_nested_deeper_than_a_stack_should_compare() throws IOException {
    StringBuilder deep = new StringBuilder();
    int depth = 100_000;
    for (int i = 0; i < depth; i++) {
      String call = call(i, "a.Deep", "down", "[]", "\"result\":\"1\"", "@");
      deep.append(call, 0, call.indexOf('@'));
    }
    for (int i = 0; i < depth; i++) {
      deep.append("]}");
    }
    String trace = trace(deep.toString());
    assertTrue(compare(trace, trace).isSame());
    TraceComparison diff = compare(trace, trace.replace(
        "{\"id\":99999,\"class\":\"a.Deep\",\"method\":\"down\"",
        "{\"id\":99999,\"class\":\"a.Deep\",\"method\":\"up\""));
    assertEquals("Deep.down() called Deep.up(), where the last passing run called Deep.down()",
        diff.firstDivergence());
  }

  @Test
  void a_viewer_file_should_read_as_its_trace() throws IOException {
    @SuppressWarnings("unchecked")
    Map<String, Object> read = (Map<String, Object>) JsonIn.read(
        utf8("TRAP_TRACE_LOADED(" + PASSED + ");\n"));
    assertEquals("dev.trap.trace/2", read.get("schema"));
    // As the viewer's files hold it now: a single-quoted string for JSON.parse.
    String tricky = PASSED.replace("\"ab\\\"", "\"it's a \\\\ and \\\"quote\\\"\\\"");
    Map<String, Object> plain = (Map<String, Object>) JsonIn.read(utf8(tricky));
    assertEquals(plain, JsonIn.read(utf8(TraceFiles.VIEWER_PREFIX
        + tricky.replace("\\", "\\\\").replace("'", "\\'") + TraceFiles.VIEWER_SUFFIX)));
    assertTrue(plain.toString().contains("it's a \\ and \"quote\""), plain.toString());
  }

  @SuppressWarnings("unchecked")
  private static TraceComparison compare(String first, String second) throws IOException {
    return TraceComparison.of(utf8(first), utf8(second), "the last passing run");
  }

  private static String trace(String... roots) {
    return "{\"schema\":\"dev.trap.trace/2\",\"roots\":[" + String.join(",", roots) + "]}";
  }

  private static String call(int id, String type, String method, String arguments,
      String outcome, String... children) {
    return "{\"id\":" + id + ",\"class\":\"" + type + "\",\"method\":\"" + method
        + "\",\"descriptor\":\"()V\",\"finished\":true,\"arguments\":" + arguments
        + (outcome.isEmpty() ? "" : "," + outcome) + ",\"children\":["
        + String.join(",", children) + "]}";
  }

  private static java.io.InputStream utf8(String text) {
    return new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
