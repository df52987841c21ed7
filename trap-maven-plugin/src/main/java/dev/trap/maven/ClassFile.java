package dev.trap.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A file in a classes directory, a class file or a resource, with the size and time it had when
 * listed.
 */
final class ClassFile {

  private static final String VERSIONS = "META-INF/versions/";

  private final String relativePath;
  private final Path path;
  private final long size;
  private final FileTime lastModified;

  ClassFile(String relativePath, Path path, long size, FileTime lastModified) {
    this.relativePath = relativePath;
    this.path = path;
    this.size = size;
    this.lastModified = lastModified;
  }

  /**
   * Lists the class files below a directory, sorted by path so that every build sees them in the
   * same order, and deletes the temporary files a killed build left there.
   *
   * @param directory the classes directory; must exist
   * @return the class files
   * @throws IOException if the directory cannot be read
   */
  static List<ClassFile> list(Path directory) throws IOException {
    List<ClassFile> files = listAll(directory);
    files.removeIf(file -> !file.isClass());
    return files;
  }

  /**
   * Lists every file below a directory, class files and resources, sorted by path, and deletes
   * the temporary files a killed build left there.
   *
   * @param directory the directory; must exist
   * @return the files
   * @throws IOException if the directory cannot be read
   */
  static List<ClassFile> listAll(Path directory) throws IOException {
    List<ClassFile> files = new ArrayList<>();
    Files.walkFileTree(directory, new SimpleFileVisitor<Path>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
          throws IOException {
        if (AtomicFiles.isLeftover(file)) {
          Files.deleteIfExists(file);
        } else if (attributes.isRegularFile()) {
          files.add(new ClassFile(relativize(directory, file), file, attributes.size(),
              attributes.lastModifiedTime()));
        }
        return FileVisitResult.CONTINUE;
      }
    });
    files.sort(Comparator.comparing(ClassFile::relativePath));
    return files;
  }

  /**
   * @param directory a directory
   * @param file a file below it
   * @return the file's path relative to the directory, with {@code /} between names
   */
  static String relativize(Path directory, Path file) {
    return directory.relativize(file).toString().replace(File.separatorChar, '/');
  }

  /** @return true for a class file, false for a resource */
  boolean isClass() {
    return relativePath.endsWith(".class");
  }

  /** @return the path relative to the classes directory, such as {@code com/acme/Price.class} */
  String relativePath() {
    return relativePath;
  }

  /** @return the file */
  Path path() {
    return path;
  }

  /** @return the time the file was last modified when it was listed */
  FileTime lastModified() {
    return lastModified;
  }

  /**
   * A stamp that changes whenever the file is written again, such as by a compiler, so a build
   * can tell an unchanged file without reading it.
   *
   * @return the file's size and modification time
   */
  String stamp() {
    return size + "@" + lastModified.to(TimeUnit.NANOSECONDS);
  }

  /**
   * The binary name of the class the path stands for, which the compiler always gives its class
   * file. Multi-release class files ({@code META-INF/versions/11/...}) stand for the same class.
   *
   * @return the name, such as {@code com.acme.Price$Tax}
   */
  String className() {
    String path = relativePath;
    if (path.startsWith(VERSIONS)) {
      int slash = path.indexOf('/', VERSIONS.length());
      path = slash < 0 ? path : path.substring(slash + 1);
    }
    return path.substring(0, path.length() - ".class".length()).replace('/', '.');
  }

  /**
   * @return true for {@code package-info} and {@code module-info}, which hold annotations and no
   *     code to weave
   */
  boolean isInfo() {
    String name = path.getFileName().toString();
    return name.equals("package-info.class") || name.equals("module-info.class");
  }

  /** @return true for the descriptor of the classes' named module, {@code module-info.class} */
  boolean isModuleDescriptor() {
    return relativePath.equals("module-info.class");
  }

  @Override
  public String toString() {
    return relativePath;
  }
}
