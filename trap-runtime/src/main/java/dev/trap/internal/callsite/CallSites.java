package dev.trap.internal.callsite;

import dev.trap.internal.dispatch.Reports;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.util.Collections;
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

  /** @return true if calls of the method from woven classes go through traps */
  public static boolean isOpened(Class<?> type, String name, String descriptor) {
    String key = key(type, name, descriptor);
    return LINKED.contains(key) || listed().contains(key);
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
