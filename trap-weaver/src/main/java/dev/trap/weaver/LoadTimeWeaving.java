package dev.trap.weaver;

import java.lang.instrument.ClassFileTransformer;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link TrapAgent}'s transformer: weaves the selected classes as they load, and keeps the marker
 * of each, which the runtime reads through {@link TrapAgent#wovenMarkers()}: the class file on
 * disk carries no marker, so without it a patch of a woven class would be refused as of an
 * unwoven one.
 *
 * <p>It weaves what the build weaves and nothing else: the selected classes of the locations the
 * build names (its classes directory, the jars and modules it weaves for the tests), never those
 * of the tests themselves, which the selection may match too, so that a test sees the same
 * classes woven with JaCoCo or in an IDE as without.
 */
final class LoadTimeWeaving implements ClassFileTransformer {

  /** Class name to the text of the class's marker, for every class woven in this JVM. */
  static final Map<String, String> MARKERS = new ConcurrentHashMap<>();

  private final Weaver weaver;
  private final Set<Path> locations;

  /**
   * @param locations where the classes to weave are loaded from, as absolute, normalized paths;
   *     empty for everywhere, as an agent configured by Trap 0.2 wove
   */
  LoadTimeWeaving(Weaver weaver, Set<Path> locations) {
    this.weaver = weaver;
    this.locations = Set.copyOf(locations);
  }

  @Override
  public byte[] transform(ClassLoader loader, String className, Class<?> redefined,
      ProtectionDomain domain, byte[] classFile) {
    if (className == null || redefined != null
        || !weaver.selector().selects(className.replace('/', '.')) || !isWoven(domain)) {
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

  /** @return true if classes from where this one was loaded are woven */
  private boolean isWoven(ProtectionDomain domain) {
    if (locations.isEmpty()) {
      return true;
    }
    CodeSource source = domain == null ? null : domain.getCodeSource();
    URL location = source == null ? null : source.getLocation();
    if (location == null || !"file".equals(location.getProtocol())) {
      return false;
    }
    try {
      return locations.contains(normalized(Paths.get(location.toURI())));
    } catch (URISyntaxException | RuntimeException e) {
      return false;
    }
  }

  /** @return the path as the agent's configuration and the class loaders' locations compare */
  static Path normalized(Path path) {
    return path.toAbsolutePath().normalize();
  }
}
