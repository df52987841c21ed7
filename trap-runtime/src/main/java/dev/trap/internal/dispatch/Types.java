package dev.trap.internal.dispatch;


/** What values an interceptor may put into a call of a given type. */
final class Types {

  private Types() {
  }

  /** @return true if {@code value} may stand where {@code type} is declared, after boxing */
  static boolean fits(Class<?> type, Object value) {
    if (type == void.class) {
      return value == null;
    }
    if (type.isPrimitive()) {
      return value != null && box(type) == value.getClass();
    }
    return value == null || type.isInstance(value);
  }

  static String describe(Object value) {
    return value == null ? "null" : "a " + value.getClass().getName() + " (" + value + ")";
  }

  private static Class<?> box(Class<?> primitive) {
    if (primitive == int.class) {
      return Integer.class;
    } else if (primitive == long.class) {
      return Long.class;
    } else if (primitive == boolean.class) {
      return Boolean.class;
    } else if (primitive == double.class) {
      return Double.class;
    } else if (primitive == float.class) {
      return Float.class;
    } else if (primitive == char.class) {
      return Character.class;
    } else if (primitive == byte.class) {
      return Byte.class;
    } else {
      return Short.class;
    }
  }
}
