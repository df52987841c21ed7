package dev.trap.internal.callsite;

import dev.trap.internal.dispatch.Reports;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which methods of classes that are not woven have their calls from woven classes trapped: what
 * the build opened, as the weave goal lists it in {@value #RESOURCE} beside the woven classes, and
 * what has linked since. A patch of such a method takes effect at those call sites, so it is no
 * patch of an unwoven class.
 */
public final class CallSites {

  /** Lists one called method per line, as {@code owner.name + descriptor} with internal names. */
  static final String RESOURCE = "META-INF/dev.trap/call-sites.txt";

  /**
   * The system property Trap's agent sets to the list's file, when the tests run on the classes
   * as compiled ({@code dev.trap.weaver.TrapAgent}); change both together.
   */
  static final String AGENT_LIST = "dev.trap.callSiteList";

  private static final Set<String> LINKED =
      Collections.newSetFromMap(new ConcurrentHashMap<String, Boolean>());
  private static volatile Set<String> listed;

  private CallSites() {
  }

  /** A call site's trap was linked. */
  public static void linked(Class<?> callee, String name, String descriptor) {
    LINKED.add(key(callee, name, descriptor));
  }

  /**
   * @return true if calls from woven classes of the method go through traps: calls filed under
   *     it ({@link #filed}), whatever class they name ({@code arrayList.size()},
   *     {@code list.size()} and {@code collection.size()} are all {@code Collection.size()}'s)
   */
  public static boolean isOpened(Class<?> type, String name, String descriptor) {
    String key = key(type, name, descriptor);
    if (LINKED.contains(key) || listed().contains(key)) {
      return true;
    }
    Class<?> filed = filed(type, name, descriptor);
    String method = "." + name + descriptor;
    Set<String> opened = new HashSet<String>(listed());
    opened.addAll(LINKED);
    for (String entry : opened) {
      if (entry.endsWith(method)) {
        Class<?> named = load(entry.substring(0, entry.length() - method.length()), type);
        if (named != null && filed(declaring(named, name, descriptor), name, descriptor)
            == filed) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Where the trap of a call of a method is filed, and where a patch of the method looks for
   * it: under the method the call resolves to ({@link #declaring}), or, for an instance method,
   * the one it overrides at the root of its hierarchy ({@code ArrayList.size()} and
   * {@code List.size()} under {@code Collection.size()}). So a patch of any of them reaches
   * every trapped call that may run it, and tells the calls it means by their receiver.
   *
   * @param declaring the class that declares the method
   * @return the class that declares the root of the method, or {@code declaring}
   */
  public static Class<?> filed(Class<?> declaring, String name, String descriptor) {
    Method method = declared(declaring, name, descriptor);
    if (method == null || Modifier.isStatic(method.getModifiers())
        || Modifier.isPrivate(method.getModifiers()) || name.equals("<init>")) {
      return declaring;
    }
    Class<?> root = declaring;
    for (Class<?> c : supertypes(declaring)) {
      Method above = declared(c, name, descriptor);
      if (above != null && !Modifier.isStatic(above.getModifiers())
          && !Modifier.isPrivate(above.getModifiers()) && c != Object.class
          && root.isAssignableFrom(c) == false && c.isAssignableFrom(root)) {
        root = c;
      }
    }
    return root;
  }

  /** @return the superclasses of a class, nearest first, then its interfaces, breadth first */
  private static List<Class<?>> supertypes(Class<?> type) {
    List<Class<?>> supertypes = new ArrayList<Class<?>>();
    for (Class<?> c = type.getSuperclass(); c != null; c = c.getSuperclass()) {
      supertypes.add(c);
    }
    List<Class<?>> interfaces = new ArrayList<Class<?>>();
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      interfaces.addAll(Arrays.asList(c.getInterfaces()));
    }
    for (int i = 0; i < interfaces.size(); i++) {
      Class<?> each = interfaces.get(i);
      if (!supertypes.contains(each)) {
        supertypes.add(each);
        interfaces.addAll(Arrays.asList(each.getInterfaces()));
      }
    }
    return supertypes;
  }

  /**
   * Resolves a called method as the JVM does (JVMS 5.4.3.3, 5.4.3.4): the class named at the
   * call, then its superclasses, then its superinterfaces, the most specific first; for a static
   * field's read (a method of the field's name without parameters), the field (JVMS 5.4.3.2):
   * the class named, its superinterfaces, then its superclasses.
   *
   * @param named the class the call names
   * @return the class that declares the method the call resolves to; {@code named} if none
   */
  public static Class<?> declaring(Class<?> named, String name, String descriptor) {
    if (name.equals("<init>")) {
      return named;
    }
    try {
      for (Class<?> c = named; c != null; c = c.getSuperclass()) {
        if (declared(c, name, descriptor) != null) {
          return c;
        }
      }
      Class<?> specific = null;
      boolean concrete = false;
      for (Class<?> each : supertypes(named)) {
        Method method = each.isInterface() ? declared(each, name, descriptor) : null;
        if (method == null) {
          continue;
        }
        boolean hasBody = !Modifier.isAbstract(method.getModifiers());
        // The maximally specific: one no other candidate overrides; one with a body first.
        if (specific == null || specific.isAssignableFrom(each)
            || hasBody && !concrete && !each.isAssignableFrom(specific)) {
          specific = each;
          concrete = hasBody;
        }
      }
      if (specific != null) {
        return specific;
      }
      if (descriptor.startsWith("()")) {
        Class<?> field = fieldDeclaring(named, name);
        if (field != null) {
          return field;
        }
      }
    } catch (LinkageError | RuntimeException e) {
      // Unresolvable here: filed under the class named, as the call names it.
    }
    return named;
  }

  /** @return the class that declares a static field of that name, as the JVM finds it */
  private static Class<?> fieldDeclaring(Class<?> type, String name) {
    if (type == null) {
      return null;
    }
    for (Field field : type.getDeclaredFields()) {
      if (field.getName().equals(name) && Modifier.isStatic(field.getModifiers())) {
        return type;
      }
    }
    for (Class<?> each : type.getInterfaces()) {
      Class<?> found = fieldDeclaring(each, name);
      if (found != null) {
        return found;
      }
    }
    return fieldDeclaring(type.getSuperclass(), name);
  }

  private static Method declared(Class<?> type, String name, String descriptor) {
    for (Method method : type.getDeclaredMethods()) {
      if (method.getName().equals(name) && !method.isBridge()
          && descriptor.equals(MethodType.methodType(method.getReturnType(),
              method.getParameterTypes()).toMethodDescriptorString())) {
        return method;
      }
    }
    return null;
  }

  /** @return the class of that internal name, as a class near {@code near} sees it, or null */
  private static Class<?> load(String internalName, Class<?> near) {
    String className = internalName.replace('/', '.');
    for (ClassLoader loader : new ClassLoader[] {near.getClassLoader(),
        Thread.currentThread().getContextClassLoader(), CallSites.class.getClassLoader()}) {
      try {
        return Class.forName(className, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        // Try the next.
      }
    }
    return null;
  }

  /** @return true if calls of some method of the class go through traps */
  public static boolean anyOf(Class<?> type) {
    String prefix = type.getName().replace('.', '/') + '.';
    for (String key : LINKED) {
      if (key.startsWith(prefix)) {
        return true;
      }
    }
    for (String key : listed()) {
      if (key.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static void read(URL list, Set<String> into) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(list.openStream(), "UTF-8"));
    try {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.trim().isEmpty()) {
          into.add(line.trim());
        }
      }
    } finally {
      in.close();
    }
  }

  private static String key(Class<?> type, String name, String descriptor) {
    return type.getName().replace('.', '/') + '.' + name + descriptor;
  }

  /** Read once: the tests' class path does not change while they run. */
  private static Set<String> listed() {
    Set<String> read = listed;
    if (read == null) {
      Set<ClassLoader> loaders = new LinkedHashSet<ClassLoader>();
      if (Thread.currentThread().getContextClassLoader() != null) {
        loaders.add(Thread.currentThread().getContextClassLoader());
      }
      if (CallSites.class.getClassLoader() != null) {
        loaders.add(CallSites.class.getClassLoader());
      }
      loaders.add(ClassLoader.getSystemClassLoader());
      read = new HashSet<String>();
      for (ClassLoader loader : loaders) {
        read(loader, read);
      }
      String agentList = System.getProperty(AGENT_LIST);
      // No file when the build trapped no call site.
      if (agentList != null && new File(agentList).isFile()) {
        try {
          read(new File(agentList).toURI().toURL(), read);
        } catch (IOException e) {
          Reports.warn("Trap could not read the list of trapped call sites that its agent was"
              + " given, " + agentList + ": " + e + ". Run mvn test-compile to write it.", null);
        }
      }
      listed = read;
    }
    return read;
  }

  private static void read(ClassLoader loader, Set<String> into) {
    try {
      for (Enumeration<URL> lists = loader.getResources(RESOURCE); lists.hasMoreElements(); ) {
        read(lists.nextElement(), into);
      }
    } catch (IOException e) {
      Reports.warn("Trap could not read the list of trapped call sites, " + RESOURCE + ": "
          + e + ". Patches of the methods it names may be refused as of unwoven classes.", null);
    }
  }
}
