package dev.trap.internal.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class JsonOutTest {

  private final StringWriter text = new StringWriter();
  private final JsonOut out = new JsonOut(text);

  private String written() throws IOException {
    out.flush();
    return text.toString();
  }

  @Test
  void strings_should_be_escaped_for_json_and_for_a_script() throws IOException {
    out.string("a\"b\\c\nd\te</script>\u0001\u2028");

    assertEquals("\"a\\\"b\\\\c\\nd\\te\\u003c/script>\\u0001\\u2028\"", written());
  }

  @Test
  void null_should_be_null() throws IOException {
    out.string(null);

    assertEquals("null", written());
  }

  @Test
  void nanoseconds_should_read_as_microseconds_with_three_decimals() throws IOException {
    out.micros(1234567).raw(' ').micros(5).raw(' ').micros(0).raw(' ').micros(-1500);

    assertEquals("1234.567 0.005 0.000 -1.500", written());
  }

  @Test
  void fields_should_read_as_json() throws IOException {
    out.raw('{').field("name", "x").raw(',').name("n").number(-3).raw('}');

    assertEquals("{\"name\":\"x\",\"n\":-3}", written());
  }
}
