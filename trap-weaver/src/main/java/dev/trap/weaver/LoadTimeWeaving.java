package dev.trap.weaver;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link TrapAgent}'s transformer: weaves the selected classes as they load. What it wove it
 * tells the runtime through a map in the system properties, the one object both can reach
 * whatever loads them: the class file on disk carries no marker, so without it a patch of a
 * woven class would be refused as of an unwoven one.
 */
final class LoadTimeWeaving implements ClassFileTransformer {

  /**
   * The system property holding a {@code Map<String, String>} from class name to the text of the
   * class's marker (the Trap version, then a line per method without a trap). Shared with
   * {@code dev.trap.internal.WovenMarker}; change both together.
   */
  static final String MARKERS = "dev.trap.agent.markers";

  private final Weaver weaver;
  private final Map<String, String> markers = new ConcurrentHashMap<>();

  LoadTimeWeaving(Weaver weaver) {
    this.weaver = weaver;
    System.getProperties().put(MARKERS, markers);
  }

  @Override
  public byte[] transform(ClassLoader loader, String className, Class<?> redefined,
      ProtectionDomain domain, byte[] classFile) {
    if (className == null || redefined != null
        || !weaver.selector().selects(className.replace('/', '.'))) {
      return null;
    }
    try {
      WeaveResult result = weaver.weave(classFile, className + ".class");
      if (!result.isWoven()) {
        return null;
      }
      markers.put(result.className(), result.markerText());
      return result.bytes();
    } catch (AlreadyWovenException e) {
      // Woven by the build already, such as a class of a woven copy: its file carries the marker.
      return null;
    } catch (WeaveException | RuntimeException e) {
      System.err.println("[Trap] Could not weave " + className.replace('/', '.')
          + " as it loaded; it runs unwoven: " + e.getMessage());
      return null;
    }
  }
}
