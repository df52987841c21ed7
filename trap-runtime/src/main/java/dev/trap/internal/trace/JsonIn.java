package dev.trap.internal.trace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Reads the JSON that {@link JsonOut} writes, as maps, lists, strings, numbers ({@code Long} or
 * {@code Double}), booleans and nulls: enough to read traces back, with no library in the
 * runtime. Streams UTF-8 bytes a buffer at a time, so a big trace is never a string in the heap,
 * and a trace of 50,000 calls (tens of megabytes) reads in a fraction of a second.
 */
final class JsonIn {

  /** Strings up to this length are kept once: names, types, sources, small values. */
  private static final int SHARED_LENGTH = 80;

  private final InputStream in;
  private final byte[] buffer = new byte[1 << 16];
  private int at;
  private int end;
  private int next;
  private long position;
  /** Whether the JSON is inside a single-quoted JavaScript string, as the viewer's files hold it. */
  private boolean quoted;
  /** The bytes of a string that runs over the end of a buffer. */
  private byte[] pending = new byte[256];
  /** Names and short values repeat on every call: one copy of each is kept. */
  private final Map<String, String> seen = new HashMap<String, String>();

  /** Names whose values are skipped, not kept. */
  private final Set<String> skipped;

  private JsonIn(InputStream in, Set<String> skipped) throws IOException {
    this.in = in;
    this.skipped = skipped;
    advance();
  }

  /**
   * @return the one value the stream holds, after an optional prefix the viewer's files wrap
   *     it in ({@code TRAP_TRACE_LOADED(...);})
   * @throws IOException if it cannot be read, or is not JSON
   */
  static Object read(InputStream stream) throws IOException {
    return read(stream, java.util.Collections.<String>emptySet());
  }

  /**
   * @param skipped the names of fields, at any depth, whose values are read over and not kept:
   *     what a reader does not need of a big trace costs it no memory
   * @return the value, without the skipped fields
   * @throws IOException if it cannot be read, or is not JSON
   */
  static Object read(InputStream stream, Set<String> skipped) throws IOException {
    return open(stream, skipped).value();
  }

  /**
   * @return a reader at the one value the stream holds, after an optional prefix the viewer's
   *     files wrap it in, to be read a name or element at a time
   */
  static JsonIn open(InputStream stream, Set<String> skipped) throws IOException {
    JsonIn json = new JsonIn(stream, skipped);
    json.skipWhitespace();
    if (json.next != '{' && json.next != '[') {
      // A viewer's file: TRAP_TRACE_LOADED(JSON.parse('...')), or of 0.2 TRAP_TRACE_LOADED({...}).
      while (json.next != -1 && json.next != '(') {
        json.advance();
      }
      json.advance();
      json.skipWhitespace();
      if (json.next == 'J') {
        while (json.next != -1 && json.next != '\'') {
          json.advance();
        }
        json.quoted = true;
        json.advance();
      }
    }
    return json;
  }

  /** Reads the start of an object, whose fields {@link #nextName} then reads. */
  void beginObject() throws IOException {
    skipWhitespace();
    expect('{');
  }

  /** @return the next field's name, its value next to read; null at the object's end */
  String nextName() throws IOException {
    skipWhitespace();
    if (next == '}') {
      advance();
      return null;
    }
    if (next == ',') {
      advance();
      skipWhitespace();
    }
    String name = string();
    skipWhitespace();
    expect(':');
    return name;
  }

  /** Reads the start of an array, whose elements {@link #nextElement} then finds. */
  void beginArray() throws IOException {
    skipWhitespace();
    expect('[');
  }

  /** @return true if another element is next to read; false at the array's end, read over */
  boolean nextElement() throws IOException {
    skipWhitespace();
    if (next == ']') {
      advance();
      return false;
    }
    if (next == ',') {
      advance();
    }
    return true;
  }

  /** @return true if the field just named is to be read over, not kept */
  boolean isSkipped(String name) {
    return skipped.contains(name);
  }

  Object value() throws IOException {
    skipWhitespace();
    switch (next) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        return string();
      case 't':
        word("true");
        return Boolean.TRUE;
      case 'f':
        word("false");
        return Boolean.FALSE;
      case 'n':
        word("null");
        return null;
      default:
        return number();
    }
  }

  private Map<String, Object> object() throws IOException {
    CompactMap object = new CompactMap();
    advance();
    skipWhitespace();
    if (next == '}') {
      advance();
      return object;
    }
    while (true) {
      skipWhitespace();
      String name = string();
      skipWhitespace();
      expect(':');
      if (skipped.contains(name)) {
        skipValue();
      } else {
        object.add(name, value());
      }
      skipWhitespace();
      if (next == ',') {
        advance();
      } else {
        expect('}');
        return object;
      }
    }
  }

  private List<Object> array() throws IOException {
    List<Object> array = new ArrayList<Object>();
    advance();
    skipWhitespace();
    if (next == ']') {
      advance();
      return array;
    }
    while (true) {
      array.add(value());
      skipWhitespace();
      if (next == ',') {
        advance();
      } else {
        expect(']');
        return array;
      }
    }
  }

  private String string() throws IOException {
    expect('"');
    if (next == -1) {
      throw cutShort("a string");
    }
    // Most strings lie whole in the buffer and hold no escape: decoded where they lie.
    int from = at - 1;
    int to = from;
    while (to < end && buffer[to] != '"' && buffer[to] != '\\') {
      to++;
    }
    if (to < end && buffer[to] == '"' && next != -1) {
      String text = new String(buffer, from, to - from, StandardCharsets.UTF_8);
      position += to - from;
      at = to + 1;
      advance();
      return text.length() <= SHARED_LENGTH ? shared(text) : text;
    }
    return slowString();
  }

  /** A string with escapes, or one that runs over the buffer's end. */
  private String slowString() throws IOException {
    StringBuilder text = new StringBuilder();
    int bytes = 0;
    while (next != '"') {
      if (next == -1) {
        throw cutShort("a string");
      }
      if (next == '\\') {
        text.append(new String(pending, 0, bytes, StandardCharsets.UTF_8));
        bytes = 0;
        advance();
        switch (next) {
          case 'n':
            text.append('\n');
            break;
          case 't':
            text.append('\t');
            break;
          case 'r':
            text.append('\r');
            break;
          case 'b':
            text.append('\b');
            break;
          case 'f':
            text.append('\f');
            break;
          case 'u':
            char[] hex = new char[4];
            for (int i = 0; i < 4; i++) {
              advance();
              hex[i] = (char) next;
            }
            try {
              text.append((char) Integer.parseInt(new String(hex), 16));
            } catch (NumberFormatException e) {
              throw error("four hexadecimal digits after \\u");
            }
            break;
          default:
            text.append((char) next);
        }
      } else {
        if (bytes == pending.length) {
          pending = Arrays.copyOf(pending, bytes * 2);
        }
        pending[bytes++] = (byte) next;
      }
      advance();
    }
    text.append(new String(pending, 0, bytes, StandardCharsets.UTF_8));
    advance();
    return text.length() <= SHARED_LENGTH ? shared(text.toString()) : text.toString();
  }

  /** Reads over a value, keeping nothing of it. */
  void skipValue() throws IOException {
    skipWhitespace();
    if (next == '"') {
      advance();
      while (next != '"') {
        if (next == -1) {
          throw cutShort("a string");
        }
        if (next == '\\') {
          advance();
        }
        advance();
      }
      advance();
    } else if (next == '{' || next == '[') {
      int depth = 0;
      do {
        if (next == -1) {
          throw cutShort("an object or array");
        }
        if (next == '"') {
          skipValue();
          continue;
        }
        if (next == '{' || next == '[') {
          depth++;
        } else if (next == '}' || next == ']') {
          depth--;
        }
        advance();
      } while (depth > 0);
    } else {
      value();
    }
  }

  private String shared(String text) {
    String earlier = seen.get(text);
    if (earlier != null) {
      return earlier;
    }
    if (seen.size() < 100_000) {
      seen.put(text, text);
    }
    return text;
  }

  private Number number() throws IOException {
    // Ids, times and places: whole numbers, read without text unless they are not.
    long whole = 0;
    int digits = 0;
    boolean negative = next == '-';
    if (negative) {
      advance();
    }
    while (next >= '0' && next <= '9' && digits < 18) {
      whole = whole * 10 + (next - '0');
      digits++;
      advance();
    }
    if (digits > 0 && digits < 18 && next != '.' && next != 'e' && next != 'E') {
      return Long.valueOf(negative ? -whole : whole);
    }
    StringBuilder text = new StringBuilder(negative ? "-" : "");
    if (digits > 0) {
      text.append(whole);
    }
    while (next == '-' || next == '+' || next == '.' || next == 'e' || next == 'E'
        || next >= '0' && next <= '9') {
      text.append((char) next);
      advance();
    }
    if (text.length() == 0 || text.toString().equals("-")) {
      throw error("a value");
    }
    String number = text.toString();
    try {
      if (number.indexOf('.') < 0 && number.indexOf('e') < 0 && number.indexOf('E') < 0) {
        try {
          return Long.valueOf(number);
        } catch (NumberFormatException e) {
          return Double.valueOf(number);
        }
      }
      return Double.valueOf(number);
    } catch (NumberFormatException e) {
      throw error("a number, not " + number);
    }
  }

  private void word(String word) throws IOException {
    for (int i = 0; i < word.length(); i++) {
      expect(word.charAt(i));
    }
  }

  private void expect(char expected) throws IOException {
    if (next != expected) {
      throw error("'" + expected + "'");
    }
    advance();
  }

  private void skipWhitespace() throws IOException {
    while (next == ' ' || next == '\n' || next == '\r' || next == '\t') {
      advance();
    }
  }

  private void advance() throws IOException {
    next = nextByte();
    if (quoted) {
      // Inside the viewer's single-quoted string: a backslash makes the next byte plain, and a
      // plain quote ends the JSON.
      if (next == '\\') {
        next = nextByte();
      } else if (next == '\'') {
        next = -1;
      }
    }
  }

  private int nextByte() throws IOException {
    if (at == end) {
      end = in.read(buffer, 0, buffer.length);
      at = 0;
      if (end <= 0) {
        end = 0;
        return -1;
      }
    }
    position++;
    return buffer[at++] & 0xFF;
  }

  private IOException error(String expected) {
    if (next == -1) {
      return cutShort("its JSON");
    }
    return new IOException("it is no JSON that Trap writes: expected " + expected + " at byte "
        + position + ", found '" + (char) next + "'");
  }

  private IOException cutShort(String what) {
    return new IOException("it ends inside " + what + ", at byte " + position
        + ": the file is cut short (a build interrupted while writing it?)");
  }

  /**
   * A JSON object as read: its names and values in order, in one array. A trace's calls have
   * a dozen fields each, and tens of thousands of them are held at once.
   */
  private static final class CompactMap extends AbstractMap<String, Object> {
    private Object[] entries = new Object[16];
    private int size;

    void add(String name, Object value) {
      for (int i = 0; i < size; i += 2) {
        if (entries[i].equals(name)) {
          entries[i + 1] = value;
          return;
        }
      }
      if (size == entries.length) {
        entries = Arrays.copyOf(entries, size * 2);
      }
      entries[size++] = name;
      entries[size++] = value;
    }

    @Override
    public Object get(Object name) {
      for (int i = 0; i < size; i += 2) {
        if (entries[i].equals(name)) {
          return entries[i + 1];
        }
      }
      return null;
    }

    @Override
    public boolean containsKey(Object name) {
      for (int i = 0; i < size; i += 2) {
        if (entries[i].equals(name)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      return new AbstractSet<Entry<String, Object>>() {
        @Override
        public Iterator<Entry<String, Object>> iterator() {
          return new Iterator<Entry<String, Object>>() {
            private int i;

            @Override
            public boolean hasNext() {
              return i < size;
            }

            @Override
            public Entry<String, Object> next() {
              if (i >= size) {
                throw new NoSuchElementException();
              }
              Entry<String, Object> entry = new SimpleImmutableEntry<String, Object>(
                  (String) entries[i], entries[i + 1]);
              i += 2;
              return entry;
            }
          };
        }

        @Override
        public int size() {
          return size / 2;
        }
      };
    }
  }
}
