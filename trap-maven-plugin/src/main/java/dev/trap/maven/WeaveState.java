package dev.trap.maven;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What the last build wove: the configuration it wove with, and the stamp (size and time) each
 * woven class file had afterwards. A class file whose stamp is unchanged need not even be read;
 * a changed configuration means every class must be woven afresh from its original.
 *
 * <p>Stored as a properties file beside the originals. A missing or unreadable file is an empty
 * state, which makes the next build check every class file: the state only saves work and is
 * never needed to be correct.
 */
final class WeaveState {

  private static final String CONFIGURATION = "configuration";
  private static final String STAMP = "stamp.";

  private final String configuration;
  private final Map<String, String> stamps;

  WeaveState(String configuration, Map<String, String> stamps) {
    this.configuration = configuration;
    this.stamps = new TreeMap<>(stamps);
  }

  /**
   * @param file the state file
   * @return the state it holds, or an empty state if it is missing or unreadable
   */
  static WeaveState load(Path file) {
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      properties.load(in);
    } catch (IOException | IllegalArgumentException missingOrUnreadable) {
      return new WeaveState(null, Map.of());
    }
    Map<String, String> stamps = new TreeMap<>();
    for (String key : properties.stringPropertyNames()) {
      if (key.startsWith(STAMP)) {
        stamps.put(key.substring(STAMP.length()), properties.getProperty(key));
      }
    }
    return new WeaveState(properties.getProperty(CONFIGURATION), stamps);
  }

  /**
   * Writes the state in one step, so a killed build leaves the old state or the new one.
   *
   * @param file the state file
   * @throws IOException if it cannot be written
   */
  void save(Path file) throws IOException {
    // Written by hand rather than with Properties.store, which adds the date and sorts nothing:
    // the same build gives the same file.
    Properties escaper = new Properties();
    StringBuilder text = new StringBuilder("# Trap's weave state: delete it to check every class"
        + " file again.\n");
    text.append(line(escaper, CONFIGURATION, configuration));
    for (Map.Entry<String, String> stamp : stamps.entrySet()) {
      text.append(line(escaper, STAMP + stamp.getKey(), stamp.getValue()));
    }
    AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.ISO_8859_1), null, null);
  }

  /**
   * @param escaper a Properties to escape with, cleared first
   * @return the line {@code key=value} as a properties file holds it, escaped, without the date
   *     comment {@code Properties.store} starts with
   */
  static String line(Properties escaper, String key, String value) {
    escaper.clear();
    escaper.setProperty(key, value);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      escaper.store(out, null);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    String stored = new String(out.toByteArray(), StandardCharsets.ISO_8859_1);
    // Properties.store starts with a date comment: keep only the property's own line.
    return stored.substring(stored.indexOf('\n') + 1);
  }

  /** @return the configuration the classes were woven with, or null if unknown */
  String configuration() {
    return configuration;
  }

  /**
   * @param relativePath a class file's path relative to the classes directory
   * @return its stamp right after it was woven, or null
   */
  String stamp(String relativePath) {
    return stamps.get(relativePath);
  }

  /** @return the stamps of the woven class files, by relative path */
  Map<String, String> stamps() {
    return stamps;
  }
}
