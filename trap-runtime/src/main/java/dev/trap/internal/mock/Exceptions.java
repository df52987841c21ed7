package dev.trap.internal.mock;

import dev.trap.MethodInfo;
import java.lang.reflect.Executable;
import java.util.ArrayList;
import java.util.List;

/** What a patched method declares it throws, read when a replacement throws a checked exception. */
final class Exceptions {

  private Exceptions() {
  }

  /**
   * @return true if the method declares the exception, or may throw any: a Kotlin function,
   *     which declares none, or a method of an unreadable class
   */
  static boolean declares(MethodInfo method, Throwable thrown) {
    Class<?> type = method.declaringClass();
    if (isKotlin(type)) {
      return true;
    }
    Executable executable = find(method);
    if (executable == null) {
      return true;
    }
    for (Class<?> declared : executable.getExceptionTypes()) {
      if (declared.isInstance(thrown)) {
        return true;
      }
    }
    return false;
  }

  /** @return the method's throws clause, as a person reads it */
  static String declared(MethodInfo method) {
    Executable executable = find(method);
    if (executable == null || executable.getExceptionTypes().length == 0) {
      return "it declares none";
    }
    List<String> names = new ArrayList<String>();
    for (Class<?> declared : executable.getExceptionTypes()) {
      names.add(declared.getName());
    }
    return "it declares " + String.join(", ", names);
  }

  private static Executable find(MethodInfo method) {
    try {
      Class<?>[] parameters = method.parameterTypes().toArray(new Class<?>[0]);
      return method.isConstructor() ? method.declaringClass().getDeclaredConstructor(parameters)
          : method.declaringClass().getDeclaredMethod(method.name(), parameters);
    } catch (NoSuchMethodException | LinkageError | RuntimeException e) {
      return null;
    }
  }

  private static boolean isKotlin(Class<?> type) {
    for (java.lang.annotation.Annotation annotation : type.getDeclaredAnnotations()) {
      if (annotation.annotationType().getName().equals("kotlin.Metadata")) {
        return true;
      }
    }
    return false;
  }
}
