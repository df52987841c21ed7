package dev.trap.internal.trace;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes JSON text straight to a file, so that a trace of 100,000 calls is never a string in the
 * heap. Its strings are safe inside the viewer's script too: {@code <} is escaped, and so are the
 * line separators that JavaScript, unlike JSON, does not allow in strings.
 */
final class JsonOut {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private static final int CHUNK = 1 << 15;

  private final Writer writer;
  /** Text not yet handed to the writer: in chunks, rather than a character at a time. */
  private final StringBuilder out = new StringBuilder(CHUNK + 1024);

  JsonOut(Writer writer) {
    this.writer = writer;
  }

  /** Hands what is buffered to the writer once a chunk is full. */
  private void spill() throws IOException {
    if (out.length() >= CHUNK) {
      flush();
    }
  }

  /** Hands everything written so far to the writer. */
  void flush() throws IOException {
    writer.append(out);
    out.setLength(0);
  }

  JsonOut raw(String text) throws IOException {
    out.append(text);
    spill();
    return this;
  }

  JsonOut raw(char c) throws IOException {
    out.append(c);
    return this;
  }

  JsonOut number(long value) throws IOException {
    out.append(value);
    return this;
  }

  /** Nanoseconds as microseconds with three decimals: {@code 1234567} as {@code 1234.567}. */
  JsonOut micros(long nanos) throws IOException {
    if (nanos < 0) {
      out.append('-');
      nanos = -nanos;
    }
    long fraction = nanos % 1000;
    out.append(nanos / 1000).append('.').append((char) ('0' + fraction / 100))
        .append((char) ('0' + fraction / 10 % 10)).append((char) ('0' + fraction % 10));
    return this;
  }

  /** Writes {@code "name":}. */
  JsonOut name(String name) throws IOException {
    out.append('"').append(name).append("\":");
    return this;
  }

  /** Writes {@code "name":"value"}. */
  JsonOut field(String name, String value) throws IOException {
    return name(name).string(value);
  }

  JsonOut string(String value) throws IOException {
    if (value == null) {
      out.append("null");
      return this;
    }
    out.append('"');
    int start = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      String escape = escape(c);
      if (escape != null) {
        out.append(value, start, i);
        if (escape.isEmpty()) {
          out.append("\\u").append(HEX[c >> 12 & 15]).append(HEX[c >> 8 & 15])
              .append(HEX[c >> 4 & 15]).append(HEX[c & 15]);
        } else {
          out.append(escape);
        }
        start = i + 1;
      }
    }
    out.append(value, start, value.length()).append('"');
    spill();
    return this;
  }

  /** @return the escape of a character, "" for a {@code \\u} escape, or null for none */
  private static String escape(char c) {
    switch (c) {
      case '"':
        return "\\\"";
      case '\\':
        return "\\\\";
      case '\n':
        return "\\n";
      case '\r':
        return "\\r";
      case '\t':
        return "\\t";
      case '<':
        // So that a value cannot end the viewer's script: "</script>".
        return "";
      default:
        return c < 0x20 || c == 0x2028 || c == 0x2029 ? "" : null;
    }
  }
}
