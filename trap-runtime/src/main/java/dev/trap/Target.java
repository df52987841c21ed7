package dev.trap;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;

/**
 * The woven methods an interceptor is for: every one, those of one class, or one method.
 * An interceptor names its target through {@link Interceptor#target()}; the runtime then asks its
 * {@link Interceptor#appliesTo(MethodInfo) appliesTo} only of the methods within the target.
 *
 * <p>The target decides what adding and removing the interceptor costs. A {@linkplain #method
 * method} target is found through an index, whatever the number of woven methods: adding and
 * closing one takes well under a microsecond. A {@linkplain #type type} target costs as much as
 * the class has methods. Only {@link #any()} asks {@code appliesTo} of every woven method the JVM
 * has linked so far, which with tens of thousands of them takes a millisecond.
 *
 * <p>A target may name a method whose class is not loaded yet, or that was not called yet: the
 * interceptor applies to it from its first call on.
 *
 * @since 0.2.0
 */
public final class Target {

  private static final Target ANY = new Target(null, null, null);

  private final Class<?> type;
  private final String name;
  private final String descriptor;

  private Target(Class<?> type, String name, String descriptor) {
    this.type = type;
    this.name = name;
    this.descriptor = descriptor;
  }

  /** @return the target of every woven method, which {@code appliesTo} narrows down */
  public static Target any() {
    return ANY;
  }

  /**
   * @param type a class
   * @return the methods and constructors that {@code type} declares (not those it inherits)
   */
  public static Target type(Class<?> type) {
    if (type == null) {
      throw new NullPointerException("type");
    }
    return new Target(type, null, null);
  }

  /**
   * @param type the class that declares the method
   * @param name the method's name; {@code <init>} for a constructor
   * @param descriptor the method's descriptor in JVM form, such as {@code (ILjava/lang/String;)J}
   * @return the one method of that class with that name and descriptor
   * @throws IllegalArgumentException if the descriptor is malformed
   */
  public static Target method(Class<?> type, String name, String descriptor) {
    if (type == null || name == null || descriptor == null) {
      throw new NullPointerException("type, name and descriptor are required");
    }
    checkDescriptor(descriptor);
    return new Target(type, name, descriptor);
  }

  /**
   * @param method a method or a constructor
   * @return that one method or constructor, of the class that declares it
   */
  public static Target of(Executable method) {
    StringBuilder descriptor = new StringBuilder("(");
    for (Class<?> parameter : method.getParameterTypes()) {
      descriptor.append(descriptorOf(parameter));
    }
    descriptor.append(')');
    if (method instanceof Constructor) {
      return new Target(method.getDeclaringClass(), "<init>", descriptor.append('V').toString());
    }
    descriptor.append(descriptorOf(((Method) method).getReturnType()));
    return new Target(method.getDeclaringClass(), method.getName(), descriptor.toString());
  }

  /** @return the class of a type or method target, or {@code null} for {@link #any()} */
  public Class<?> type() {
    return type;
  }

  /** @return the method's name for a method target, else {@code null} */
  public String name() {
    return name;
  }

  /** @return the method's descriptor for a method target, else {@code null} */
  public String descriptor() {
    return descriptor;
  }

  /** @return {@code true} for {@link #any()} */
  public boolean isAny() {
    return type == null;
  }

  /** @return {@code true} for a target of one method */
  public boolean isMethod() {
    return name != null;
  }

  /**
   * @param method a woven method
   * @return {@code true} if the method is within this target
   */
  public boolean contains(MethodInfo method) {
    return type == null || method.declaringClass() == type
        && (name == null || name.equals(method.name()) && descriptor.equals(method.descriptor()));
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof Target)) {
      return false;
    }
    Target that = (Target) other;
    return type == that.type && equal(name, that.name) && equal(descriptor, that.descriptor);
  }

  private static boolean equal(Object a, Object b) {
    return a == null ? b == null : a.equals(b);
  }

  @Override
  public int hashCode() {
    return (type == null ? 0 : type.hashCode()) * 31 + (name == null ? 0 : name.hashCode()) * 17
        + (descriptor == null ? 0 : descriptor.hashCode());
  }

  @Override
  public String toString() {
    if (type == null) {
      return "every woven method";
    }
    if (name == null) {
      return "the methods of " + type.getName();
    }
    return type.getName() + "." + name + descriptor;
  }

  static String descriptorOf(Class<?> type) {
    if (type.isArray()) {
      return type.getName().replace('.', '/');
    }
    if (!type.isPrimitive()) {
      return "L" + type.getName().replace('.', '/') + ";";
    }
    if (type == void.class) {
      return "V";
    } else if (type == int.class) {
      return "I";
    } else if (type == long.class) {
      return "J";
    } else if (type == boolean.class) {
      return "Z";
    } else if (type == double.class) {
      return "D";
    } else if (type == float.class) {
      return "F";
    } else if (type == char.class) {
      return "C";
    } else if (type == byte.class) {
      return "B";
    } else {
      return "S";
    }
  }

  private static void checkDescriptor(String descriptor) {
    int i = 0;
    boolean valid = descriptor.startsWith("(");
    if (valid) {
      i = 1;
      while (valid && i < descriptor.length() && descriptor.charAt(i) != ')') {
        i = fieldTypeEnd(descriptor, i);
        valid = i > 0;
      }
      valid = valid && i < descriptor.length();
      if (valid) {
        i++;
        valid = descriptor.length() == i + 1 && descriptor.charAt(i) == 'V'
            || fieldTypeEnd(descriptor, i) == descriptor.length();
      }
    }
    if (!valid) {
      throw new IllegalArgumentException("'" + descriptor + "' is not a method descriptor: it"
          + " must read like (ILjava/lang/String;)J, the parameter types in parentheses and then"
          + " the return type, in JVM form");
    }
  }

  /** @return the index after the field type at {@code i}, or -1 if there is none */
  private static int fieldTypeEnd(String descriptor, int i) {
    while (i < descriptor.length() && descriptor.charAt(i) == '[') {
      i++;
    }
    if (i >= descriptor.length()) {
      return -1;
    }
    char c = descriptor.charAt(i);
    if (c == 'L') {
      int end = descriptor.indexOf(';', i);
      return end > i + 1 ? end + 1 : -1;
    }
    return "ZBCSIJFD".indexOf(c) >= 0 ? i + 1 : -1;
  }
}
