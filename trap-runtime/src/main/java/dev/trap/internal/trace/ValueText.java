package dev.trap.internal.trace;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Renders a value for a trace, safely: bounded in length, elements and depth, cycles broken, and
 * without running the code of the application, whose {@code toString()} may throw, hang, or call
 * what is being traced. Objects of the JDK's value types (strings, numbers, dates, enums, ...)
 * render as their {@code toString()}; the JDK's arrays, collections and maps by their elements;
 * every other object by its class and fields, read through reflection.
 */
public final class ValueText {

  static final int MAX_STRING = 200;
  static final int MAX_ELEMENTS = 10;
  static final int MAX_DEPTH = 3;
  static final int MAX_LENGTH = 1000;

  private final StringBuilder text = new StringBuilder();
  /** The objects being rendered, made when the first is: most values hold none. */
  private IdentityHashMap<Object, Boolean> seen;

  private ValueText() {
  }

  /** @return the value, rendered in at most about {@value #MAX_LENGTH} characters */
  public static String of(Object value) {
    String simple = simple(value);
    if (simple != null) {
      return simple;
    }
    ValueText rendering = new ValueText();
    try {
      rendering.append(value, 0);
    } catch (RuntimeException | LinkageError e) {
      rendering.text.append("<cannot render: ").append(e.getClass().getSimpleName()).append('>');
    }
    return rendering.text.toString();
  }

  /** @return the text of the values most calls pass, made without a rendering; else null */
  private static String simple(Object value) {
    if (value == null) {
      return "null";
    }
    Class<?> type = value.getClass();
    if (type == Integer.class || type == Long.class || type == Boolean.class
        || type == Short.class || type == Byte.class) {
      return value.toString();
    }
    if (type == String.class) {
      String string = (String) value;
      if (string.length() > MAX_STRING) {
        return null;
      }
      for (int i = 0; i < string.length(); i++) {
        char c = string.charAt(i);
        if (c == '"' || c == '\\' || c == '\n') {
          return null;
        }
      }
      return '"' + string + '"';
    }
    return null;
  }

  private boolean full() {
    if (text.length() < MAX_LENGTH) {
      return false;
    }
    if (!endsWith("...")) {
      text.append("...");
    }
    return true;
  }

  private boolean endsWith(String suffix) {
    int length = text.length();
    return length >= suffix.length() && text.substring(length - suffix.length()).equals(suffix);
  }

  private void append(Object value, int depth) {
    if (full()) {
      return;
    }
    if (value == null) {
      text.append("null");
      return;
    }
    Class<?> type = value.getClass();
    if (type == String.class || type == StringBuilder.class || type == StringBuffer.class) {
      quoted((CharSequence) value);
    } else if (value instanceof Throwable) {
      throwable((Throwable) value, depth);
    } else if (value instanceof Character) {
      text.append('\'').append(value).append('\'');
    } else if (isJdkValue(type) || value instanceof java.nio.file.Path && isJdk(type)) {
      shortened(value.toString());
    } else if (type.isEnum() || type.getSuperclass() != null && type.getSuperclass().isEnum()) {
      text.append(((Enum<?>) value).name());
    } else if (value instanceof Class) {
      text.append(((Class<?>) value).getName()).append(".class");
    } else if (type.getName().equals("java.util.Optional")) {
      java.util.Optional<?> optional = (java.util.Optional<?>) value;
      text.append("Optional[");
      if (optional.isPresent()) {
        append(optional.get(), depth + 1);
      }
      text.append(']');
    } else if (seen != null && seen.containsKey(value)) {
      text.append("<cycle: ").append(simpleName(type)).append('>');
    } else if (depth >= MAX_DEPTH) {
      text.append(simpleName(type)).append("{...}");
    } else {
      seen().put(value, Boolean.TRUE);
      try {
        if (type.isArray()) {
          array(value, depth);
        } else if (value instanceof Collection && isJdkContainer(type)) {
          elements('[', ((Collection<?>) value).iterator(), ((Collection<?>) value).size(), ']',
              depth);
        } else if (value instanceof Map && isJdkContainer(type)) {
          map((Map<?, ?>) value, depth);
        } else if (isJdk(type)) {
          // The JDK's other objects may hold, or call, the application's: named, not opened.
          text.append(simpleName(type)).append('@')
              .append(Integer.toHexString(System.identityHashCode(value)));
        } else {
          fields(value, type, depth);
        }
      } finally {
        seen.remove(value);
      }
    }
  }

  /**
   * An exception's class and message, as its {@code toString()} would give them; but the
   * message of a class that computes its own is not asked for, and its fields show instead.
   */
  private void throwable(Throwable thrown, int depth) {
    Class<?> type = thrown.getClass();
    if (isJdk(declarer(type, "getMessage")) && isJdk(declarer(type, "getLocalizedMessage"))) {
      text.append(type.getName());
      String message = thrown.getMessage();
      if (message != null) {
        text.append(": ");
        shortened(message);
      }
    } else if (!seen().containsKey(thrown) && depth < MAX_DEPTH) {
      seen.put(thrown, Boolean.TRUE);
      try {
        fields(thrown, type, depth);
      } finally {
        seen.remove(thrown);
      }
    } else {
      text.append(simpleName(type)).append("{...}");
    }
  }

  private IdentityHashMap<Object, Boolean> seen() {
    if (seen == null) {
      seen = new IdentityHashMap<Object, Boolean>();
    }
    return seen;
  }

  private static Class<?> declarer(Class<?> type, String method) {
    try {
      return type.getMethod(method).getDeclaringClass();
    } catch (NoSuchMethodException e) {
      return Throwable.class;
    }
  }

  /** The text, cut before it is escaped: a 50 MB argument is not copied. */
  private void quoted(CharSequence string) {
    int length = string.length();
    String kept = string.subSequence(0, Math.min(length, MAX_STRING)).toString();
    text.append('"').append(kept.replace("\\", "\\\\").replace("\"", "\\\"")
        .replace("\n", "\\n"));
    if (length > MAX_STRING) {
      text.append("...(").append(length).append(" chars)");
    }
    text.append('"');
  }

  private void shortened(String string) {
    if (string.length() > MAX_STRING) {
      text.append(string, 0, MAX_STRING).append("...(").append(string.length())
          .append(" chars)");
    } else {
      text.append(string);
    }
  }

  private void array(Object array, int depth) {
    int length = Array.getLength(array);
    text.append(simpleName(array.getClass().getComponentType())).append('[').append(length)
        .append("] {");
    for (int i = 0; i < length; i++) {
      if (i > 0) {
        text.append(", ");
      }
      if (i == MAX_ELEMENTS) {
        text.append("...");
        break;
      }
      append(Array.get(array, i), depth + 1);
      if (full()) {
        return;
      }
    }
    text.append('}');
  }

  private void elements(char open, Iterator<?> elements, int size, char close, int depth) {
    text.append(open);
    for (int i = 0; elements.hasNext(); i++) {
      if (i > 0) {
        text.append(", ");
      }
      if (i == MAX_ELEMENTS) {
        text.append("... ").append(size - i).append(" more");
        break;
      }
      append(elements.next(), depth + 1);
      if (full()) {
        return;
      }
    }
    text.append(close);
  }

  private void map(Map<?, ?> map, int depth) {
    text.append('{');
    int i = 0;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (i > 0) {
        text.append(", ");
      }
      if (i++ == MAX_ELEMENTS) {
        text.append("... ").append(map.size() - MAX_ELEMENTS).append(" more");
        break;
      }
      append(entry.getKey(), depth + 1);
      text.append('=');
      append(entry.getValue(), depth + 1);
      if (full()) {
        return;
      }
    }
    text.append('}');
  }

  /** The object's class and its instance fields, its superclasses' included. */
  private void fields(Object value, Class<?> type, int depth) {
    text.append(simpleName(type)).append('{');
    int shown = 0;
    for (Class<?> c = type; c != null && c != Object.class && !isJdk(c); c = c.getSuperclass()) {
      for (Field field : declaredFields(c)) {
        if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()) {
          continue;
        }
        if (shown > 0) {
          text.append(", ");
        }
        if (shown++ == MAX_ELEMENTS) {
          text.append("...");
          text.append('}');
          return;
        }
        text.append(field.getName()).append('=');
        try {
          field.setAccessible(true);
          append(field.get(value), depth + 1);
        } catch (RuntimeException | IllegalAccessException e) {
          text.append('?');
        }
        if (full()) {
          return;
        }
      }
    }
    text.append('}');
  }

  private static List<Field> declaredFields(Class<?> type) {
    List<Field> fields = new ArrayList<Field>();
    for (Field field : type.getDeclaredFields()) {
      fields.add(field);
    }
    return fields;
  }

  private static String simpleName(Class<?> type) {
    String name = type.getName();
    return name.substring(name.lastIndexOf('.') + 1);
  }

  private static boolean isJdk(Class<?> type) {
    String name = type.getName();
    return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
        || name.startsWith("sun.");
  }

  /**
   * The JDK's collections and maps that hold their elements themselves: going through them
   * runs no code of the application's (a comparator or an element's {@code hashCode} is not
   * asked for when iterating). Views over other collections, and collections of unknown kinds,
   * are not opened. The unmodifiable views are, as they are everywhere: one over a collection
   * class of the application's own would iterate it.
   */
  private static final java.util.Set<String> JDK_CONTAINERS = new java.util.HashSet<String>(
      java.util.Arrays.asList("java.util.ArrayList", "java.util.LinkedList",
          "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet",
          "java.util.ArrayDeque", "java.util.PriorityQueue", "java.util.Vector",
          "java.util.Stack", "java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap",
          "java.util.IdentityHashMap", "java.util.EnumMap", "java.util.RegularEnumSet",
          "java.util.JumboEnumSet", "java.util.Hashtable", "java.util.Properties",
          "java.util.Arrays$ArrayList", "java.util.concurrent.ConcurrentHashMap",
          "java.util.concurrent.ConcurrentSkipListMap",
          "java.util.concurrent.ConcurrentSkipListSet",
          "java.util.concurrent.CopyOnWriteArrayList",
          "java.util.concurrent.CopyOnWriteArraySet",
          "java.util.concurrent.ConcurrentLinkedQueue",
          "java.util.concurrent.ConcurrentLinkedDeque",
          "java.util.concurrent.LinkedBlockingQueue",
          "java.util.concurrent.LinkedBlockingDeque",
          "java.util.concurrent.ArrayBlockingQueue"));

  private static boolean isJdkContainer(Class<?> type) {
    String name = type.getName();
    return JDK_CONTAINERS.contains(name) || name.startsWith("java.util.ImmutableCollections$")
        || name.startsWith("java.util.Collections$Empty")
        || name.startsWith("java.util.Collections$Singleton")
        || name.startsWith("java.util.Collections$Unmodifiable");
  }

  /** The JDK's types whose {@code toString()} is their value: safe and short. */
  private static boolean isJdkValue(Class<?> type) {
    if (!isJdk(type)) {
      return false;
    }
    String name = type.getName();
    return Number.class.isAssignableFrom(type) || type == Boolean.class
        || name.startsWith("java.time.") || name.equals("java.util.UUID")
        || name.equals("java.util.Date") || name.equals("java.net.URI")
        || name.equals("java.util.Locale")
        || name.equals("java.util.Currency") || name.startsWith("java.nio.file.")
        || name.equals("java.io.File") || name.equals("java.lang.Thread")
        || name.equals("java.util.concurrent.atomic.AtomicInteger")
        || name.equals("java.util.concurrent.atomic.AtomicLong")
        || name.equals("java.util.concurrent.atomic.AtomicBoolean");
  }
}
