package dev.trap.weaver;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link TrapAgent}'s transformer: weaves the selected classes as they load, and keeps the marker
 * of each, which the runtime reads through {@link TrapAgent#wovenMarkers()}: the class file on
 * disk carries no marker, so without it a patch of a woven class would be refused as of an
 * unwoven one.
 */
final class LoadTimeWeaving implements ClassFileTransformer {

  /** Class name to the text of the class's marker, for every class woven in this JVM. */
  static final Map<String, String> MARKERS = new ConcurrentHashMap<>();

  private final Weaver weaver;

  LoadTimeWeaving(Weaver weaver) {
    this.weaver = weaver;
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
      MARKERS.put(result.className(), result.markerText());
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
