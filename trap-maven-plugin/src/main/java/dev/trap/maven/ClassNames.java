package dev.trap.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The names of the classes in a classes directory or a jar, read from paths alone. */
final class ClassNames {

  private ClassNames() {
  }

  /**
   * @param classes a classes directory or a jar
   * @return the binary names of its classes, {@code package-info} and {@code module-info} left
   *     out
   * @throws IOException if it cannot be read
   */
  static List<String> of(Path classes) throws IOException {
    List<String> names = new ArrayList<>();
    if (Files.isDirectory(classes)) {
      for (ClassFile file : ClassFile.list(classes)) {
        if (!file.isInfo()) {
          names.add(file.className());
        }
      }
      return names;
    }
    try (ZipFile zip = new ZipFile(classes.toFile())) {
      for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
        String name = ofEntry(entries.nextElement().getName());
        if (name != null) {
          names.add(name);
        }
      }
    }
    return names;
  }

  /**
   * @param entryName the path of a file in a jar or directory, with {@code /} between names
   * @return the binary name of the class it holds, or null for a resource or an info class
   */
  static String ofEntry(String entryName) {
    if (!entryName.endsWith(".class") || entryName.endsWith("module-info.class")
        || entryName.endsWith("package-info.class")) {
      return null;
    }
    return new ClassFile(entryName, Path.of(entryName), 0, FileTime.fromMillis(0)).className();
  }
}
