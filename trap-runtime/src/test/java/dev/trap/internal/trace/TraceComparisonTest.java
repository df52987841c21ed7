package dev.trap.internal.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
    assertEquals("the run ended where the last passing run went on with Checkout.total()",
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
    assertEquals("it is no trace of Trap's: it has no \"schema\": \"dev.trap.trace/...\" before"
        + " its \"roots\"", thrown.getMessage());
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
