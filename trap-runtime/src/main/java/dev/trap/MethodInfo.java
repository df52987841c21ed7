package dev.trap;

import java.util.List;

/**
 * A woven method: the identity of a trap. One instance exists per woven method and class loader,
 * so instances can be compared with {@code ==} and used as map keys.
 *
 * <p>Everything here comes from the class file as it was woven; nothing requires the method to be
 * looked up through reflection, except {@link #parameterTypes()} and {@link #returnType()}, which
 * resolve the types of the descriptor with the declaring class's loader on first use.
 *
 * @since 0.1.0
 */
public interface MethodInfo {

  /** @return the class that declares the method */
  Class<?> declaringClass();

  /** @return the method's name; {@code <init>} for constructors */
  String name();

  /** @return the method's descriptor in JVM form, such as {@code (ILjava/lang/String;)J} */
  String descriptor();

  /** @return the method's access flags, as {@link java.lang.reflect.Modifier} reads them */
  int modifiers();

  /** @return {@code true} for static methods, which have no receiver */
  boolean isStatic();

  /** @return {@code true} for constructors, whose trap runs after the {@code super(...)} call */
  boolean isConstructor();

  /** @return the number of declared parameters (a {@code long} counts once) */
  int parameterCount();

  /**
   * The names of the parameters, from the class file's {@code MethodParameters} attribute
   * ({@code javac -parameters}) or its local variable table ({@code javac -g}). Where neither has
   * them, the names are {@code arg0}, {@code arg1}, and so on.
   *
   * @return one name per parameter
   */
  List<String> parameterNames();

  /** @return {@code true} if {@link #parameterNames()} come from the class file */
  boolean hasParameterNames();

  /** @return the parameter types, resolved with the declaring class's loader */
  List<Class<?>> parameterTypes();

  /** @return the return type; {@code void.class} for constructors and void methods */
  Class<?> returnType();

  /** @return the source file named by the class file, or {@code null} if it names none */
  String sourceFile();

  /** @return the first line of the method's code in the source file, or {@code -1} if unknown */
  int line();

  /**
   * A readable form for messages and traces, such as
   * {@code com.acme.Price.net(int) (Price.java:42)}.
   *
   * @return the method's signature and source position
   */
  @Override
  String toString();
}
