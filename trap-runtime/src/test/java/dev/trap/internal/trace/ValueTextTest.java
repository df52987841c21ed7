package dev.trap.internal.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueTextTest {

  @Test
  void strings_should_be_quoted_and_escaped_and_shortened() {
    assertEquals("\"a \\\"b\\\"\\n\"", ValueText.of("a \"b\"\n"));
    String rendered = ValueText.of(repeat('x', 500));
    assertTrue(rendered.endsWith("...(500 chars)\""), rendered);
    assertEquals(ValueText.MAX_STRING + 2 + "...(500 chars)".length(), rendered.length());
  }

  @Test
  void values_of_the_jdk_should_show_as_themselves() {
    assertEquals("null", ValueText.of(null));
    assertEquals("42", ValueText.of(42));
    assertEquals("'c'", ValueText.of('c'));
    assertEquals("SECONDS", ValueText.of(java.util.concurrent.TimeUnit.SECONDS));
    assertEquals("java.lang.String.class", ValueText.of(String.class));
    assertEquals("Optional[\"x\"]", ValueText.of(java.util.Optional.of("x")));
  }

  @Test
  void collections_and_arrays_should_show_ten_elements_and_say_how_many_more() {
    List<Integer> numbers = new ArrayList<Integer>();
    for (int i = 0; i < 25; i++) {
      numbers.add(i);
    }
    assertEquals("[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, ... 15 more]", ValueText.of(numbers));
    assertEquals("int[3] {1, 2, 3}", ValueText.of(new int[] {1, 2, 3}));
    Map<String, Object> map = new LinkedHashMap<String, Object>();
    map.put("a", Arrays.asList(1, 2));
    assertEquals("{\"a\"=[1, 2]}", ValueText.of(map));
  }

  @Test
  void objects_should_show_their_fields_without_running_their_code() {
    assertEquals("ValueTextTest$Hostile{name=\"h\", next=null}", ValueText.of(new Hostile("h")));
  }

  @Test
  void cycles_should_be_broken() {
    Hostile first = new Hostile("first");
    first.next = first;
    assertEquals("ValueTextTest$Hostile{name=\"first\", next=<cycle: ValueTextTest$Hostile>}", ValueText.of(first));
    List<Object> list = new ArrayList<Object>();
    list.add(list);
    assertEquals("[<cycle: ArrayList>]", ValueText.of(list));
  }

  @Test
  void nesting_should_stop_at_the_depth_limit() {
    Hostile chain = new Hostile("0");
    Hostile last = chain;
    for (int i = 1; i < 10; i++) {
      last.next = new Hostile(String.valueOf(i));
      last = last.next;
    }
    assertEquals("ValueTextTest$Hostile{name=\"0\", next=ValueTextTest$Hostile{name=\"1\","
        + " next=ValueTextTest$Hostile{name=\"2\", next=ValueTextTest$Hostile{...}}}}",
        ValueText.of(chain));
  }

  @Test
  void output_should_stop_near_its_length_limit() {
    List<String> wide = new ArrayList<String>();
    for (int i = 0; i < 10; i++) {
      wide.add(repeat('w', 190));
    }
    List<Object> deep = new ArrayList<Object>();
    for (int i = 0; i < 10; i++) {
      deep.add(wide);
    }
    String rendered = ValueText.of(deep);
    assertTrue(rendered.length() <= ValueText.MAX_LENGTH + ValueText.MAX_STRING + 20,
        "" + rendered.length());
    assertTrue(rendered.endsWith("..."), rendered);
  }

  @Test
  void exceptions_should_show_their_class_and_message() {
    assertEquals("java.lang.IllegalStateException: out of stock",
        ValueText.of(new IllegalStateException("out of stock")));
    assertEquals("dev.trap.internal.trace.ValueTextTest$Rejected: no credit",
        ValueText.of(new Rejected("no credit")));
  }

  @Test
  void exceptions_that_compute_their_message_should_show_their_fields_instead() {
    assertEquals("ValueTextTest$Computed{code=7}", ValueText.of(new Computed(7)));
  }

  private static String repeat(char c, int times) {
    char[] chars = new char[times];
    Arrays.fill(chars, c);
    return new String(chars);
  }

  /** Its code throws or never returns: rendering must not run it. */
  static final class Hostile {
    final String name;
    Hostile next;

    Hostile(String name) {
      this.name = name;
    }

    @Override
    public String toString() {
      throw new IllegalStateException("toString must not run");
    }

    @Override
    public int hashCode() {
      while (true) {
        Thread.yield();
      }
    }

    @Override
    public boolean equals(Object other) {
      throw new IllegalStateException("equals must not run");
    }
  }

  static final class Rejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Rejected(String message) {
      super(message);
    }
  }

  static final class Computed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int code;

    Computed(int code) {
      this.code = code;
    }

    @Override
    public String getMessage() {
      throw new IllegalStateException("getMessage must not run");
    }
  }

  @Test
  void a_long_text_should_be_cut_before_it_is_escaped_and_say_its_whole_length() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      text.append("\"\n");
    }

    String rendered = ValueText.of(text);

    assertTrue(rendered.startsWith("\"\\\"\\n"), rendered);
    assertTrue(rendered.endsWith("...(2000 chars)\""), rendered);
  }

  @Test
  void the_jdks_other_objects_should_be_named_not_opened() {
    List<Object> backing = new ArrayList<Object>(Arrays.asList(1, 2, 3));

    assertEquals("[1, 2, 3]", ValueText.of(java.util.Collections.unmodifiableList(backing)));
    assertTrue(ValueText.of(backing.subList(0, 2)).matches("ArrayList\\$SubList@[0-9a-f]+"),
        ValueText.of(backing.subList(0, 2)));
    assertTrue(ValueText.of(new java.util.concurrent.CompletableFuture<Object>())
        .matches("CompletableFuture@[0-9a-f]+"));
    assertEquals("/tmp/x", ValueText.of(java.nio.file.Paths.get("/tmp/x")));
  }

  @Test
  void collections_of_the_applications_own_should_show_as_objects() {
    assertEquals("ValueTextTest$OwnList{}", ValueText.of(new OwnList()));
  }

  /** A list whose iteration must not run. */
  static final class OwnList extends java.util.AbstractList<String> {
    @Override
    public String get(int index) {
      throw new IllegalStateException("get must not run");
    }

    @Override
    public int size() {
      throw new IllegalStateException("size must not run");
    }
  }
}
