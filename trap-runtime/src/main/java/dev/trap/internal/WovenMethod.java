package dev.trap.internal;

import dev.trap.MethodInfo;
import java.lang.invoke.MethodType;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** The {@link MethodInfo} of a woven method, made from the constants its trap was linked with. */
final class WovenMethod implements MethodInfo {

  private final Class<?> declaringClass;
  private final String name;
  private final String descriptor;
  private final int modifiers;
  private final String sourceFile;
  private final int line;
  private final List<String> parameterNames;
  private final boolean hasParameterNames;
  private volatile MethodType type;

  WovenMethod(Class<?> declaringClass, String name, String descriptor, int modifiers,
      String sourceFile, int line, String joinedParameterNames) {
    this.declaringClass = declaringClass;
    this.name = name;
    this.descriptor = descriptor;
    this.modifiers = modifiers;
    this.sourceFile = sourceFile.isEmpty() ? null : sourceFile;
    this.line = line;
    int count = DescriptorParameters.count(descriptor);
    this.hasParameterNames = !joinedParameterNames.isEmpty() || count == 0;
    this.parameterNames = Collections.unmodifiableList(
        joinedParameterNames.isEmpty() ? placeholderNames(count)
            : Arrays.asList(joinedParameterNames.split(",", -1)));
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
    return parameterNames.size();
  }

  @Override
  public List<String> parameterNames() {
    return parameterNames;
  }

  @Override
  public boolean hasParameterNames() {
    return hasParameterNames;
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
