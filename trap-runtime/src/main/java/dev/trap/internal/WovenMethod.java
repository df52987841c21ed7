package dev.trap.internal;

import dev.trap.MethodInfo;
import java.lang.invoke.MethodType;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The {@link MethodInfo} of a woven method, made from the constants its trap was linked with.
 * Linking stores them as they are; the parameter names and types are worked out on first use.
 * One per method and class loader ({@link ClassTraps}).
 */
final class WovenMethod implements MethodInfo {

  /**
   * The flags reflection reports for methods and constructors (HotSpot's
   * {@code JVM_RECOGNIZED_METHOD_MODIFIERS}): the class file's, without ASM's pseudo-flags such as
   * {@code ACC_DEPRECATED} (0x20000), which classes woven by Trap 0.1 pass on.
   */
  static final int METHOD_MODIFIERS = 0x1DFF;

  private final Class<?> declaringClass;
  private final String name;
  private final String descriptor;
  private final int modifiers;
  private final String sourceFile;
  private final int line;
  private final String joinedParameterNames;
  private volatile List<String> parameterNames;
  private volatile MethodType type;

  WovenMethod(Class<?> declaringClass, String name, String descriptor, int modifiers,
      String sourceFile, int line, String joinedParameterNames) {
    this.declaringClass = declaringClass;
    this.name = name;
    this.descriptor = descriptor;
    this.modifiers = modifiers & METHOD_MODIFIERS;
    this.sourceFile = sourceFile.isEmpty() ? null : sourceFile;
    this.line = line;
    this.joinedParameterNames = joinedParameterNames;
  }

  private static List<String> placeholderNames(int count) {
    List<String> names = new ArrayList<String>(count);
    for (int i = 0; i < count; i++) {
      names.add("arg" + i);
    }
    return names;
  }

  @Override
  public Class<?> declaringClass() {
    return declaringClass;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String descriptor() {
    return descriptor;
  }

  @Override
  public int modifiers() {
    return modifiers;
  }

  @Override
  public boolean isStatic() {
    return Modifier.isStatic(modifiers);
  }

  @Override
  public boolean isConstructor() {
    return "<init>".equals(name);
  }

  @Override
  public int parameterCount() {
    return parameterNames().size();
  }

  @Override
  public List<String> parameterNames() {
    List<String> names = parameterNames;
    if (names == null) {
      names = Collections.unmodifiableList(joinedParameterNames.isEmpty()
          ? placeholderNames(DescriptorParameters.count(descriptor))
          : Arrays.asList(joinedParameterNames.split(",", -1)));
      parameterNames = names;
    }
    return names;
  }

  @Override
  public boolean hasParameterNames() {
    return !joinedParameterNames.isEmpty() || descriptor.startsWith("()");
  }

  @Override
  public List<Class<?>> parameterTypes() {
    return type().parameterList();
  }

  @Override
  public Class<?> returnType() {
    return type().returnType();
  }

  @Override
  public String sourceFile() {
    return sourceFile;
  }

  @Override
  public int line() {
    return line;
  }

  /** Resolves the descriptor's types on first use: linking a trap must not load classes. */
  MethodType type() {
    MethodType resolved = type;
    if (resolved == null) {
      resolved = MethodType.fromMethodDescriptorString(descriptor, declaringClass.getClassLoader());
      type = resolved;
    }
    return resolved;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(declaringClass.getName()).append('.').append(name);
    text.append('(');
    List<String> types = DescriptorParameters.typeNames(descriptor);
    for (int i = 0; i < types.size(); i++) {
      text.append(i == 0 ? "" : ", ").append(types.get(i));
    }
    text.append(')');
    if (sourceFile != null) {
      text.append(" (").append(sourceFile);
      if (line >= 0) {
        text.append(':').append(line);
      }
      text.append(')');
    }
    return text.toString();
  }
}
