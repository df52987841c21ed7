package dev.trap.internal.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reads back what JsonOut writes. */
class JsonInTest {

  @Test
  void what_json_out_writes_should_read_back() throws IOException {
    StringWriter text = new StringWriter();
    JsonOut out = new JsonOut(text);
    out.raw('{').field("name", "a \"quoted\"\\ line\nand\ttab \u00e9 \u2603").raw(',')
        .name("count").number(42).raw(',').name("list").raw("[1,-2.5,true,false,null]")
        .raw(',').name("empty").raw("{}").raw('}').flush();
    Map<String, Object> expected = new LinkedHashMap<String, Object>();
    expected.put("name", "a \"quoted\"\\ line\nand\ttab \u00e9 \u2603");
    expected.put("count", 42L);
    expected.put("list", Arrays.asList(1L, -2.5, true, false, null));
    expected.put("empty", Collections.emptyMap());
    assertEquals(expected, JsonIn.read(utf8(text.toString())));
  }

  @Test
  void strings_over_the_end_of_a_buffer_should_read_whole() throws IOException {
    // Two- and three-byte characters and escapes at every offset around 64 KiB.
    StringBuilder value = new StringBuilder();
    for (int i = 0; i < 30_000; i++) {
      value.append(i % 7 == 0 ? "\u00e9" : i % 11 == 0 ? "\u2603" : i % 13 == 0 ? "\"" : "a");
    }
    for (int shift = 0; shift < 4; shift++) {
      StringWriter text = new StringWriter();
      JsonOut out = new JsonOut(text);
      out.raw('[');
      for (int i = 0; i < 3; i++) {
        out.raw(i == 0 ? "" : ",").string(value.substring(shift) + i);
      }
      out.raw(']').flush();
      assertEquals(Arrays.asList(value.substring(shift) + 0, value.substring(shift) + 1,
          value.substring(shift) + 2), JsonIn.read(utf8(text.toString())));
    }
  }

  @Test
  void what_is_no_json_should_fail_saying_where() {
    IOException thrown = assertThrows(IOException.class,
        () -> JsonIn.read(utf8("{\"a\":}")));
    assertEquals("it is no JSON that Trap writes: expected a value at byte 6, found '}'",
        thrown.getMessage());
  }

  private static java.io.InputStream utf8(String text) {
    return new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
