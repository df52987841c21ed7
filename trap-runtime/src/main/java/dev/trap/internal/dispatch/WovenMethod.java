package dev.trap.internal.dispatch;

import dev.trap.MethodInfo;
import java.lang.invoke.MethodType;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The {@link MethodInfo} of a woven method, made from the metadata its trap was linked with
 * ({@link MethodMetadata}). Linking reads only what identifies the method; the parameter names,
 * the source file and the types are worked out on first use. One per method and class loader
 * ({@link ClassTraps}).
 */
final class WovenMethod implements MethodInfo {

  /**
   * The flags reflection reports for methods and constructors (HotSpot's
   * {@code JVM_RECOGNIZED_METHOD_MODIFIERS}): the class file's, without ASM's pseudo-flags such as
   * {@code ACC_DEPRECATED} (0x20000), which classes woven by Trap 0.1 pass on.
   */
  static final int METHOD_MODIFIERS = 0x1DFF;

  private final Class<?> declaringClass;
  private final MethodMetadata metadata;
  private final String name;
  private final String descriptor;
  private final int modifiers;
  private volatile List<String> parameterNames;
  private volatile MethodType type;

  WovenMethod(Class<?> declaringClass, MethodMetadata metadata) {
    this.declaringClass = declaringClass;
    this.metadata = metadata;
    this.name = metadata.name;
    this.descriptor = metadata.descriptor;
    this.modifiers = metadata.access & METHOD_MODIFIERS;
  }

  private static List<String> placeholderNames(int count) {
    List<String> names = new ArrayList<String>(count);
    for (int i = 0; i < count; i++) {
      names.add("arg" + i);
    }
    return Collections.unmodifiableList(names);
  }

  /**
   * @return for the trap of a call site, how the call is made: {@code 's'}tatic,
   *     {@code 'v'}irtual, {@code 'i'}nterface, {@code 'n'}ew for a constructor call, or
   *     {@code 'f'} for a static field's read; 0 for a woven method's own trap
   */
  char callKind() {
    return metadata.callKind;
  }

  /**
   * @return true if the trap's first argument is the call's receiver: not for static methods,
   *     and not for a constructor call, whose object does not exist before the call
   */
  boolean takesReceiver() {
    return !isStatic() && metadata.callKind != 'n';
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
      int count = DescriptorParameters.count(descriptor);
      names = metadata.parameterNames(count);
      if (names == null) {
        names = placeholderNames(count);
      }
      parameterNames = names;
    }
    return names;
  }

  @Override
  public boolean hasParameterNames() {
    return metadata.parameterNames(0) != null || descriptor.startsWith("()");
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
    return metadata.sourceFile();
  }

  @Override
  public int line() {
    return metadata.line;
  }

  /**
   * Resolves the descriptor's types on first use: linking a trap must not load classes. A
   * constructor call gives the object it makes: that is its return type.
   */
  MethodType type() {
    MethodType resolved = type;
    if (resolved == null) {
      resolved = MethodType.fromMethodDescriptorString(descriptor, declaringClass.getClassLoader());
      if (metadata.callKind == 'n') {
        resolved = resolved.changeReturnType(declaringClass);
      }
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
    String sourceFile = sourceFile();
    int line = line();
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
