package dev.trap.internal.mock;

import dev.trap.Target;
import dev.trap.internal.callsite.CallSites;
import dev.trap.internal.dispatch.DescriptorParameters;
import dev.trap.internal.dispatch.Registry;
import dev.trap.internal.dispatch.Reports;
import dev.trap.internal.dispatch.WovenMarker;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.MethodType;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The woven method a method reference names, read from the serializable lambda the compiler made
 * for it ({@link SerializedLambda}): class, name and descriptor, and for a reference through an
 * instance ({@code price::net}) the instance. Checked at once: the class must be woven, the method
 * must have a body and a trap; every failure says why and what to do.
 */
final class MethodReference {

  /** The class whose body is patched: the one that declares the method. */
  final Class<?> declaringClass;
  final String name;
  final String descriptor;
  final boolean isStatic;
  /** The instance of a bound reference, or null. */
  final Object receiver;
  /**
   * The class the reference named, when it inherits the method: only calls on its instances are
   * meant. Null when it declares the method.
   */
  final Class<?> receiverType;
  /** Where the reference was written, for messages. */
  final String writtenIn;
  /**
   * The class whose traps the patch takes: the declaring class, or for a method whose calls are
   * trapped rather than its body, the class the traps of its calls are filed under.
   */
  private final Class<?> trapsOf;
  /**
   * For a method with a body whose calls are trapped: the method; the calls meant are those
   * that run it, not an override. Null for any call the traps and receiver type admit.
   */
  private final Method runs;
  /** The receiver class last asked about, and whether it runs {@link #runs}. */
  private volatile Object[] lastSelection;

  private MethodReference(Class<?> declaringClass, String name, String descriptor,
      boolean isStatic, Object receiver, Class<?> receiverType, String writtenIn) {
    this(declaringClass, name, descriptor, isStatic, receiver, receiverType, writtenIn,
        declaringClass, null);
  }

  private MethodReference(Class<?> declaringClass, String name, String descriptor,
      boolean isStatic, Object receiver, Class<?> receiverType, String writtenIn,
      Class<?> trapsOf, Method runs) {
    this.trapsOf = trapsOf;
    this.runs = runs;
    this.declaringClass = declaringClass;
    this.name = name;
    this.descriptor = descriptor;
    this.isStatic = isStatic;
    this.receiver = receiver;
    this.receiverType = receiverType;
    this.writtenIn = writtenIn;
  }

  /**
   * What was read of each method reference's class: its reference, checked, without a bound
   * instance. Read once per class: each reference expression in the source has a class of its
   * own, so a test that patches the same method again reads nothing.
   */
  private static final ClassValue<Resolved> RESOLVED = new ClassValue<Resolved>() {
    @Override
    protected Resolved computeValue(Class<?> type) {
      return new Resolved();
    }
  };

  /** The JDK's classes not in the boot loader's (the extension loader's, on Java 8). */
  private static final ClassLoader PLATFORM_LOADER = platformLoader();

  /** Holds a class's reference once read; a reference that fails to read is read again. */
  private static final class Resolved {
    volatile MethodReference reference;
    /** The field of a bound reference's class that holds the instance, or null. */
    volatile Field receiver;
  }

  /**
   * @param reference a lambda of one of Mock's functional interfaces
   * @param api the method that was given it, such as {@code Mock.patch}, for messages
   * @return the method it names, checked
   * @throws IllegalArgumentException if it names no woven method with a body
   */
  static MethodReference of(Object reference, String api) {
    if (reference == null) {
      throw new NullPointerException(api + " needs a method reference, such as Price::tax");
    }
    Resolved resolved = RESOLVED.get(reference.getClass());
    MethodReference read = resolved.reference;
    if (read != null) {
      if (resolved.receiver == null) {
        return read;
      }
      try {
        return read.boundTo(resolved.receiver.get(reference), api);
      } catch (IllegalAccessException e) {
        // Read it as the first time.
      }
    }
    SerializedLambda lambda = serialized(reference, api);
    read = read(reference, lambda, api);
    Object receiver = boundReceiver(lambda);
    resolved.receiver = receiver == null ? null : receiverField(reference, receiver);
    resolved.reference = resolved.receiver == null && receiver != null ? null : read;
    return receiver == null ? read : read.boundTo(receiver, api);
  }

  /** @return the instance a reference such as {@code price::net} is bound to, or null */
  private static Object boundReceiver(SerializedLambda lambda) {
    return lambda.getImplMethodKind() != MethodHandleInfo.REF_invokeStatic
        && lambda.getImplMethodKind() != MethodHandleInfo.REF_newInvokeSpecial
        && lambda.getCapturedArgCount() == 1 ? lambda.getCapturedArg(0) : null;
  }

  /**
   * @return this reference, bound to an instance: it patches what that instance runs, which is
   *     the method its own class declares where it overrides the one named (an enum constant's
   *     body, a subclass's override)
   * @throws IllegalArgumentException if that method cannot be patched
   */
  private MethodReference boundTo(Object instance, String api) {
    Class<?> type = instance.getClass();
    refuseGenerated(type, api);
    Method runs = selected(type, name, descriptor);
    MethodReference bound = runs == null || Modifier.isAbstract(runs.getModifiers())
        ? new MethodReference(declaringClass, name, descriptor, isStatic, instance, null,
            writtenIn)
        : new MethodReference(runs.getDeclaringClass(), runs.getName(), descriptorOf(runs),
            isStatic, instance, null, writtenIn);
    return bound.checked(runs != null ? runs : declaredIn(declaringClass, name, descriptor), api);
  }

  /**
   * @return the method an instance of {@code type} runs for a call of that name and descriptor,
   *     selected as the JVM does (JVMS 5.4.6): its class or the nearest superclass declaring
   *     it, else the most specific interface default; through a compiler's bridge, the method
   *     the bridge calls. Null if none is found.
   */
  private static Method selected(Class<?> type, String name, String descriptor) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      Executable found = declaredIn(c, name, descriptor);
      if (found instanceof Method && !Modifier.isStatic(found.getModifiers())
          && !Modifier.isPrivate(found.getModifiers())) {
        Method method = (Method) found;
        return method.isBridge() ? bridged(c, method) : method;
      }
    }
    Executable found = declaredIn(CallSites.declaring(type, name, descriptor), name, descriptor);
    return found instanceof Method ? (Method) found : null;
  }

  /** @return the method a bridge calls: same name, parameters it casts its own to; or null */
  private static Method bridged(Class<?> type, Method bridge) {
    for (Method each : type.getDeclaredMethods()) {
      if (!each.isBridge() && each.getName().equals(bridge.getName())
          && each.getParameterCount() == bridge.getParameterCount()
          && bridge.getReturnType().isAssignableFrom(each.getReturnType())
          && widens(bridge.getParameterTypes(), each.getParameterTypes())) {
        return each;
      }
    }
    return null;
  }

  private static boolean widens(Class<?>[] wide, Class<?>[] narrow) {
    for (int i = 0; i < wide.length; i++) {
      if (!wide[i].isAssignableFrom(narrow[i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * Objects of classes the JVM makes at run time (a {@link java.lang.reflect.Proxy}, a lambda's
   * object) have no woven methods and none of their calls are trapped by name.
   */
  private void refuseGenerated(Class<?> type, String api) {
    String what = this + " of " + type.getName();
    if (java.lang.reflect.Proxy.isProxyClass(type)) {
      throw new IllegalArgumentException(api + " cannot patch " + what + ": the object is a"
          + " java.lang.reflect.Proxy, whose methods hand every call to its InvocationHandler."
          + " Patch the method of the handler's class that it calls, or make the object from a"
          + " class of your own.");
    }
    if (type.isSynthetic() || type.getName().contains("$$Lambda")) {
      throw new IllegalArgumentException(api + " cannot patch " + what + ": the object is a"
          + " lambda or method reference, whose class the JVM makes at run time and Trap"
          + " cannot weave. Patch the method its body calls; or give the code under test an"
          + " object of a class of your own.");
    }
  }

  /** @return the field of the reference's class that holds its bound instance, or null */
  private static Field receiverField(Object reference, Object receiver) {
    try {
      for (Field field : reference.getClass().getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers())) {
          field.setAccessible(true);
          if (field.get(reference) == receiver) {
            return field;
          }
        }
      }
    } catch (RuntimeException | IllegalAccessException e) {
      // Not readable so: the reference is read through its serialized form every time.
    }
    return null;
  }

  private static MethodReference read(Object reference, SerializedLambda lambda, String api) {
    String writtenIn = lambda.getCapturingClass().replace('/', '.');
    String implName = lambda.getImplMethodName();
    if (implName.startsWith("lambda$")) {
      throw new IllegalArgumentException(api + " needs a method reference, such as Price::tax,"
          + " but was given a lambda (" + writtenIn + "." + implName + "). Pass the method"
          + " reference itself. Where the compiler turns a reference into a lambda (a varargs"
          + " method, a protected method of another package, super::method), name the method"
          + " with Mock.patchByName(Type.class, \"name\", ...) instead.");
    }
    ClassLoader loader = reference.getClass().getClassLoader();
    Class<?> named = load(lambda.getImplClass(), loader, api, writtenIn);
    String descriptor = lambda.getImplMethodSignature();
    int kind = lambda.getImplMethodKind();
    if (kind == MethodHandleInfo.REF_newInvokeSpecial
        && CallSites.isOpened(named, "<init>", descriptor)) {
      // Its calls from woven classes are trapped: the replacement makes the object.
      return new MethodReference(named, "<init>", descriptor, true, null, null, writtenIn);
    }
    if (kind == MethodHandleInfo.REF_newInvokeSpecial) {
      throw new IllegalArgumentException(api + " replaces methods, and " + named.getName()
          + "::new is a constructor: its body cannot be replaced, as it must construct the"
          + " object. Observe or change its calls with an Interceptor whose target is"
          + " Target.method(" + named.getSimpleName() + ".class, \"<init>\", \"" + descriptor
          + "\"). To replace the objects that woven classes make of it, trap those calls with"
          + " <callSite>" + named.getName() + "#new</callSite> in trap-maven-plugin's"
          + " configuration, and patch it again.");
    }
    boolean isStatic = kind == MethodHandleInfo.REF_invokeStatic;
    Executable method = declared(named, implName, descriptor, api);
    Class<?> declaring = method.getDeclaringClass();
    Class<?> receiverType = null;
    if (!isStatic && lambda.getCapturedArgCount() == 0) {
      // Through a class (Sub::m): the compiler names the class that declares m; the one the
      // reference was written with is the type of its first parameter, the receiver.
      String first = firstParameter(lambda.getInstantiatedMethodType());
      Class<?> through = first == null ? declaring : load(first, loader, api, writtenIn);
      if (through != declaring && declaring.isAssignableFrom(through)) {
        receiverType = through;
      }
    }
    MethodReference resolved = new MethodReference(declaring, implName, descriptor, isStatic,
        null, receiverType, writtenIn);
    // A bound reference is checked for what its instance runs.
    return isStatic || lambda.getCapturedArgCount() == 0 ? resolved.checked(method, api)
        : resolved;
  }

  /** @return the class of a method type's first parameter, as an internal name, or null */
  private static String firstParameter(String methodType) {
    return methodType.startsWith("(L") ? methodType.substring(2, methodType.indexOf(';'))
        : null;
  }

  private static Class<?> load(String internalName, ClassLoader loader, String api,
      String writtenIn) {
    try {
      return Class.forName(internalName.replace('/', '.'), false, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException(api + " cannot load " + internalName
          + ", which the method reference written in " + writtenIn + " names", e);
    }
  }

  /**
   * A static field, whose reads in woven classes go through traps filed as a method of the
   * field's name without parameters.
   *
   * @param type the class that declares the field
   * @param name the field's name
   * @param api the method that was given it, for messages
   * @return the field's reads, checked
   * @throws IllegalArgumentException if there is no such static field, if it is a compile-time
   *     constant, or if no woven class has a trapped read of it
   */
  static MethodReference ofField(Class<?> type, String name, String api) {
    Field field;
    try {
      field = type.getDeclaredField(name);
    } catch (NoSuchFieldException e) {
      throw new IllegalArgumentException(api + " found no field " + name + " in "
          + type.getName() + ": name a static field that the class itself declares.", e);
    }
    String what = type.getName() + "." + name;
    if (!Modifier.isStatic(field.getModifiers())) {
      throw new IllegalArgumentException(api + " cannot patch " + what + ": it is an instance"
          + " field, and Trap traps the reads of static fields. Patch the methods that read it"
          + " instead.");
    }
    String descriptor = "()" + MethodType.methodType(field.getType()).toMethodDescriptorString()
        .substring(2);
    if (!CallSites.isOpened(type, name, descriptor)) {
      if (Modifier.isFinal(field.getModifiers())
          && (field.getType().isPrimitive() || field.getType() == String.class)) {
        throw new IllegalArgumentException(api + " cannot patch " + what + ": if it is a"
            + " compile-time constant (static final, a primitive or a String, set to a constant"
            + " expression), the compiler copied its value into every class that reads it, and"
            + " no read of it is left to trap. Set it from a method, or in a static block, to"
            + " make it a field that is read; then open its reads with <callSite>"
            + type.getName() + "#" + name + "</callSite> in trap-maven-plugin's configuration.");
      }
      throw new IllegalArgumentException(api + " cannot patch " + what + ": no woven class has"
          + " a trapped read of it. Open its reads with <callSite>" + type.getName() + "#"
          + name + "</callSite> in the <callSites> of trap-maven-plugin's configuration. Reads"
          + " from classes that are not woven, such as the tests' own, stay untrapped.");
    }
    return new MethodReference(type, name, descriptor, true, null, null, null);
  }

  /**
   * @param type the class that declares the method
   * @param name its name
   * @param descriptor its descriptor, or null if it has the only body of that name
   * @return the method, checked
   * @throws IllegalArgumentException if there is none such, or several
   */
  static MethodReference byName(Class<?> type, String name, String descriptor, String api) {
    if (name.equals("<init>") && descriptor != null
        && CallSites.isOpened(type, name, descriptor)) {
      return new MethodReference(type, name, descriptor, true, null, null, null);
    }
    if (name.equals("<init>")) {
      throw new IllegalArgumentException(api + " replaces methods, and <init> names the"
          + " constructors of " + type.getName() + ": their bodies cannot be replaced, as they"
          + " must construct the object. Observe or change their calls with an Interceptor whose"
          + " target is Target.method(" + type.getSimpleName() + ".class, \"<init>\","
          + " descriptor).");
    }
    List<Executable> candidates = inheritedPatchable(type, name, descriptor);
    if (candidates.size() != 1) {
      throw new IllegalArgumentException(candidates.isEmpty()
          ? noSuchMethod(type, name, descriptor, api)
          : type.getName() + " has " + candidates.size() + " methods named " + name + ": "
              + signaturesOf(candidates) + ". Name one by its descriptor: Mock.patchByName("
              + type.getSimpleName() + ".class, \"" + name + "\", \""
              + descriptorOf(candidates.get(0)) + "\", ...)");
    }
    Executable method = candidates.get(0);
    Class<?> declaring = method.getDeclaringClass();
    boolean isStatic = Modifier.isStatic(method.getModifiers());
    // Inherited: patched for the instances of the class named, as a reference through it is.
    MethodReference resolved = new MethodReference(declaring, name, descriptorOf(method),
        isStatic, null, declaring == type || isStatic ? null : type, null);
    return resolved.checked(method, api);
  }

  /**
   * @return the methods of that name a class has that a patch can take, its own and those it
   *     inherits, one per descriptor: the nearest, as a call of it would run
   */
  private static List<Executable> inheritedPatchable(Class<?> type, String name,
      String descriptor) {
    Map<String, Executable> byDescriptor = new LinkedHashMap<String, Executable>();
    for (Executable method : sorted(patchable(type, name, descriptor))) {
      byDescriptor.put(descriptorOf(method), method);
    }
    for (Class<?> c : supertypes(type)) {
      for (Executable method : sorted(patchable(c, name, descriptor))) {
        boolean inherited = !Modifier.isPrivate(method.getModifiers())
            && !(method instanceof Constructor)
            && !(c.isInterface() && Modifier.isStatic(method.getModifiers()));
        if (inherited && !byDescriptor.containsKey(descriptorOf(method))) {
          byDescriptor.put(descriptorOf(method), method);
        }
      }
    }
    return new ArrayList<Executable>(byDescriptor.values());
  }

  /** @return the methods by descriptor, as the JVM lists them in no order */
  private static List<Executable> sorted(List<Executable> methods) {
    Map<String, Executable> byDescriptor = new java.util.TreeMap<String, Executable>();
    for (Executable method : methods) {
      byDescriptor.put(descriptorOf(method), method);
    }
    return new ArrayList<Executable>(byDescriptor.values());
  }

  private static String signaturesOf(List<Executable> methods) {
    StringBuilder text = new StringBuilder();
    for (Executable method : methods) {
      text.append(text.length() == 0 ? "" : ", ").append(method.getDeclaringClass().getName())
          .append('.').append(nameOf(method)).append(descriptorOf(method));
    }
    return text.toString();
  }

  /**
   * @return the methods of that name (and descriptor, if given) a class declares that a patch
   *     can take: with a body or with trapped calls, and not a compiler's bridge, which only
   *     calls one of the others
   */
  private static List<Executable> patchable(Class<?> type, String name, String descriptor) {
    List<Executable> candidates = new ArrayList<Executable>();
    for (Executable method : declaredMethods(type)) {
      if (nameOf(method).equals(name)
          && (descriptor == null || descriptor.equals(descriptorOf(method)))
          && !(method instanceof Method && ((Method) method).isBridge())
          && (!Modifier.isAbstract(method.getModifiers())
              || CallSites.isOpened(type, name, descriptorOf(method)))) {
        candidates.add(method);
      }
    }
    return candidates;
  }

  /** @return the superclasses of a class, nearest first, then the interfaces it implements */
  private static List<Class<?>> supertypes(Class<?> type) {
    List<Class<?>> supertypes = new ArrayList<Class<?>>();
    for (Class<?> c = type.getSuperclass(); c != null; c = c.getSuperclass()) {
      supertypes.add(c);
    }
    List<Class<?>> interfaces = new ArrayList<Class<?>>();
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      interfaces.addAll(java.util.Arrays.asList(c.getInterfaces()));
    }
    for (int i = 0; i < interfaces.size(); i++) {
      Class<?> each = interfaces.get(i);
      if (!supertypes.contains(each)) {
        supertypes.add(each);
        interfaces.addAll(java.util.Arrays.asList(each.getInterfaces()));
      }
    }
    return supertypes;
  }

  private static String noSuchMethod(Class<?> type, String name, String descriptor,
      String api) {
    Set<String> ofThatName = new TreeSet<String>();
    Set<String> names = new TreeSet<String>();
    List<Class<?>> searched = new ArrayList<Class<?>>();
    searched.add(type);
    searched.addAll(supertypes(type));
    for (Class<?> c : searched) {
      if (c == Object.class) {
        continue;
      }
      for (Executable method : declaredMethods(c)) {
        if (method instanceof Method && ((Method) method).isBridge()) {
          continue;
        }
        names.add(nameOf(method));
        if (nameOf(method).equals(name)) {
          ofThatName.add(descriptorOf(method));
        }
      }
    }
    String text = api + " found no method " + name + (descriptor == null ? "" : descriptor)
        + " with a body in " + type.getName() + " or the classes it extends";
    if (!ofThatName.isEmpty()) {
      return text + "; " + name + " has the descriptors " + ofThatName;
    }
    String closest = Names.closest(name, names);
    return text + (closest == null ? ", which have no method of that name"
        : ". Did you mean " + closest + "?");
  }

  /**
   * @return this reference, checked: it names a woven method with a trap, or one whose calls
   *     woven classes trap ({@code <callSite>}); for those, filed where the traps of its calls
   *     are, and meaning only the calls on instances of the class it names
   * @throws IllegalArgumentException if it names neither
   */
  private MethodReference checked(Executable method, String api) {
    if (!isTrappedByCalls()) {
      check(method, api);
      return this;
    }
    // Calls of ArrayList.size() and List.size() alike are filed under Collection.size(): of
    // those, the patch takes the calls on the class it names that run the method it names.
    Class<?> root = CallSites.filed(declaringClass, name, descriptor);
    Class<?> meant = receiver != null || receiverType != null || root == declaringClass
        ? receiverType : declaringClass;
    Method runs = receiver == null && method instanceof Method
        && !Modifier.isStatic(method.getModifiers())
        && !Modifier.isAbstract(method.getModifiers()) ? (Method) method : null;
    return new MethodReference(declaringClass, name, descriptor, isStatic, receiver, meant,
        writtenIn, root, runs);
  }

  /** @return true if calls of the method are trapped where they are made, not in its body */
  private boolean isTrappedByCalls() {
    if (!isJdk(declaringClass)) {
      // A woven method's own trap first: the lists of trapped calls are read only if needed.
      WovenMarker marker = Registry.marker(declaringClass);
      if (marker.state == WovenMarker.State.WOVEN && marker.trapped(name + descriptor)) {
        return false;
      }
    }
    return CallSites.isOpened(declaringClass, name, descriptor);
  }

  private void check(Executable method, String api) {
    if (isJdk(declaringClass)) {
      throw new IllegalArgumentException(notWoven(api));
    }
    if (Modifier.isAbstract(method.getModifiers())) {
      throw new IllegalArgumentException(abstractMessage(api, receiver));
    }
    if (Modifier.isNative(method.getModifiers())) {
      throw new IllegalArgumentException(api + " cannot patch " + this + ": it is native, and"
          + " has no body to patch. Patch the methods of your classes that call it, or trap"
          + " those calls with <callSite>" + declaringClass.getName() + "#" + name
          + "</callSite> in trap-maven-plugin's configuration.");
    }
    WovenMarker marker = Registry.marker(declaringClass);
    switch (marker.state) {
      case NOT_WOVEN:
        throw new IllegalArgumentException(notWoven(api));
      case UNREADABLE:
        Reports.warnOnce(declaringClass, "Trap cannot tell whether " + declaringClass.getName()
            + " is woven: its class loader does not serve its class file. If it is not, "
            + api + " of " + this + " sees no calls.");
        return;
      default:
        if (!marker.trapped(name + descriptor)) {
          throw new IllegalArgumentException(api + " cannot patch " + this + ": the weaver left"
              + " it without a trap. It does so for class initializers, bridge and other"
              + " synthetic methods, lambda bodies unless <weaveLambdas> is set, and methods too"
              + " large or with too many parameters (the build log names those).");
        }
    }
  }

  /** @return why an abstract method cannot be patched, and what can be */
  private String abstractMessage(String api, Object instance) {
    String type = declaringClass.getSimpleName();
    String example = declaringClass.isEnum()
        ? type + "." + firstConstant(declaringClass) + "::" + name : "object::" + name;
    return api + " cannot patch " + this + ": it is abstract, and has no body to patch. Patch"
        + " what runs instead: the method of a class that implements it (Impl::" + name
        + "), or of one object, " + example + ", which patches what that object runs; by"
        + " name, Mock.patchByName(" + (declaringClass.isEnum() ? type + "."
        + firstConstant(declaringClass) + ".getClass()" : "Impl.class") + ", \"" + name
        + "\", call -> ...).";
  }

  private static String firstConstant(Class<?> enumType) {
    Object[] constants = enumType.getEnumConstants();
    return constants == null || constants.length == 0 ? "CONSTANT"
        : ((Enum<?>) constants[0]).name();
  }

  private String notWoven(String api) {
    String className = declaringClass.getName();
    String packageName = className.lastIndexOf('.') < 0 ? ""
        : className.substring(0, className.lastIndexOf('.'));
    String callSite = "<callSite>" + className + "#" + name + "</callSite>";
    if (isJdk(declaringClass)) {
      return api + " cannot patch " + this + ": " + className + " is a class of the JDK, which"
          + " Trap does not weave, and no woven class has a trapped call of it. Trap can trap"
          + " the calls of it that woven classes make: add " + callSite + " to the <callSites>"
          + " of trap-maven-plugin's configuration (or set <callSiteDefaults>true"
          + "</callSiteDefaults>, which opens the clock, sleep, UUIDs, randomness, environment"
          + " variables and system properties). Calls from classes that are not woven, such as"
          + " the tests' own, stay untrapped.";
    }
    String skip = System.getProperty("trap.skip");
    if (skip != null && !skip.equalsIgnoreCase("false")) {
      return api + " cannot patch " + this + ": class " + className + " is not woven, as Trap is"
          + " off in this run: trap.skip is set (-Dtrap.skip on the command line, or <skip> in"
          + " trap-maven-plugin's configuration). Run the tests without it.";
    }
    return api + " cannot patch " + this + ": class " + className + " is not woven. Trap weaves"
        + " the classes that the <include> patterns of trap-maven-plugin select: add"
        + " <include>" + (packageName.isEmpty() ? className : packageName + ".**")
        + "</include> (or <include>" + className + "</include>) to its configuration. Tests run"
        + " from an IDE that compiled the classes itself see them unwoven: run them with Maven"
        + " (mvn test), or set the IDE up as Trap's FAQ says (\"Do tests run from my IDE see"
        + " woven classes?\"). For a class of a dependency, also name its artifact in"
        + " <weaveDependencies>, or trap the calls of it that woven classes make with "
        + callSite + ".";
  }

  /**
   * Classes of the JDK cannot be woven, their calls can be: those of the boot and platform
   * loaders (a proxy's class, named {@code jdk.proxy1...}, is not one).
   */
  private static boolean isJdk(Class<?> type) {
    ClassLoader loader = type.getClassLoader();
    return loader == null || loader == PLATFORM_LOADER;
  }

  private static ClassLoader platformLoader() {
    try {
      return ClassLoader.getSystemClassLoader().getParent();
    } catch (SecurityException e) {
      return null;
    }
  }

  /** @return the target of the patch's interceptor */
  Target target() {
    return Target.method(trapsOf, name, descriptor);
  }

  /** @return true if a call on {@code callReceiver} is one the reference means */
  boolean covers(Object callReceiver) {
    return (receiver == null || callReceiver == receiver)
        && (receiverType == null || receiverType.isInstance(callReceiver))
        && (runs == null || callReceiver == null || runsIt(callReceiver.getClass()));
  }

  /** @return true if an instance of {@code type} runs the method this reference names */
  private boolean runsIt(Class<?> type) {
    Object[] last = lastSelection;
    if (last != null && last[0] == type) {
      return (Boolean) last[1];
    }
    boolean runsIt = runs.equals(selected(type, name, descriptor));
    lastSelection = new Object[] {type, runsIt};
    return runsIt;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(declaringClass.getName()).append('.').append(name)
        .append('(');
    List<String> types = DescriptorParameters.typeNames(descriptor);
    for (int i = 0; i < types.size(); i++) {
      text.append(i == 0 ? "" : ", ").append(types.get(i));
    }
    return text.append(')').toString();
  }

  private static SerializedLambda serialized(Object reference, String api) {
    try {
      Method writeReplace = reference.getClass().getDeclaredMethod("writeReplace");
      writeReplace.setAccessible(true);
      Object replaced = writeReplace.invoke(reference);
      if (replaced instanceof SerializedLambda) {
        return (SerializedLambda) replaced;
      }
    } catch (NoSuchMethodException | IllegalAccessException e) {
      // Not a lambda: said below.
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException(api + " cannot read the method reference "
          + reference, e.getCause());
    } catch (RuntimeException e) {
      // InaccessibleObjectException (Java 9+): the reference's class is in a closed package.
      throw new IllegalArgumentException(api + " cannot read the method reference written in "
          + reference.getClass().getName().replaceAll("\\$\\$Lambda.*", "") + ": its package is"
          + " not open to Trap (" + e.getMessage() + "). Make the test module open"
          + " (open module ...), or open its package to dev.trap.", e);
    }
    throw new IllegalArgumentException(api + " needs a method reference, such as Price::tax,"
        + " and " + reference.getClass().getName() + " is none: pass the reference itself.");
  }

  private static Executable declared(Class<?> named, String name, String descriptor, String api) {
    for (Class<?> type = named; type != null; type = type.getSuperclass()) {
      Executable found = declaredIn(type, name, descriptor);
      if (found != null) {
        return found;
      }
    }
    for (Class<?> type : named.getInterfaces()) {
      Executable found = declaredIn(type, name, descriptor);
      if (found != null) {
        return found;
      }
    }
    throw new IllegalArgumentException(api + " cannot find " + named.getName() + "." + name
        + descriptor + ", which a method reference names: is the class the test sees the one it"
        + " was compiled against?");
  }

  private static Executable declaredIn(Class<?> type, String name, String descriptor) {
    for (Executable method : declaredMethods(type)) {
      if (nameOf(method).equals(name) && descriptorOf(method).equals(descriptor)) {
        return method;
      }
    }
    return null;
  }

  private static List<Executable> declaredMethods(Class<?> type) {
    List<Executable> methods = new ArrayList<Executable>();
    try {
      for (Method method : type.getDeclaredMethods()) {
        methods.add(method);
      }
      for (Constructor<?> constructor : type.getDeclaredConstructors()) {
        methods.add(constructor);
      }
    } catch (LinkageError e) {
      throw new IllegalArgumentException("Trap cannot list the methods of " + type.getName()
          + ": " + e + ". A class its methods use is missing from the test class path.", e);
    }
    return methods;
  }

  private static String nameOf(Executable method) {
    return method instanceof Constructor ? "<init>" : method.getName();
  }

  private static String descriptorOf(Executable method) {
    return Target.of(method).descriptor();
  }
}
