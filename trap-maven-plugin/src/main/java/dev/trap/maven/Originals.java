package dev.trap.maven;

import dev.trap.weaver.Weaver;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The original class files that Trap 0.1 kept aside, under the same relative paths, when it wove
 * {@code target/classes} in place. Trap now weaves a copy and leaves {@code target/classes} as
 * compiled; the first build after one of 0.1 that stopped before its {@code restore} puts these
 * originals back.
 *
 * <p>An original is only put back over a class file that still carries Trap's marker: a class
 * file without it was compiled again after weaving and is itself the newest original.
 */
final class Originals {

  private final Path directory;

  /** @param directory where the originals go, such as {@code target/trap/originals} */
  Originals(Path directory) {
    this.directory = directory;
  }

  /**
   * Puts every original back over its woven class file, deletes what a killed build left in the
   * classes directory, and forgets the state, so the directory is as the compiler left it.
   * Class files compiled again since weaving stay.
   *
   * @param classes the classes directory
   * @param directory the directory of the originals
   * @return how many class files were put back
   * @throws IOException if files cannot be read, moved or deleted
   */
  static int putBack(Path classes, Path directory) throws IOException {
    int restored = 0;
    if (Files.isDirectory(classes)) {
      ClassFile.list(classes); // deletes what a killed build left, which must not reach the jar
      restored = new Originals(directory).restoreInto(classes);
    }
    Files.deleteIfExists(directory.resolveSibling(directory.getFileName() + ".properties"));
    return restored;
  }

  /**
   * Lists the originals kept, and deletes the temporary files a killed build left among them.
   *
   * @return the originals' paths relative to the directory, with {@code /}; empty if there is no
   *     directory
   * @throws IOException if the directory cannot be read
   */
  Set<String> list() throws IOException {
    Set<String> originals = new TreeSet<>();
    if (!Files.isDirectory(directory)) {
      return originals;
    }
    Files.walkFileTree(directory, new SimpleFileVisitor<Path>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
          throws IOException {
        if (AtomicFiles.isLeftover(file)) {
          Files.deleteIfExists(file);
        } else if (attributes.isRegularFile()) {
          originals.add(ClassFile.relativize(directory, file));
        }
        return FileVisitResult.CONTINUE;
      }
    });
    return originals;
  }

  /**
   * Keeps an original, replacing an older one under the same path.
   *
   * @param relativePath the class file's path relative to the classes directory
   * @param bytes the original class file
   * @param lastModified its modification time, which it gets back when restored
   * @param permissions its POSIX permissions, which it gets back too, or null
   * @throws IOException if it cannot be written
   */
  void keep(String relativePath, byte[] bytes, FileTime lastModified,
      Set<PosixFilePermission> permissions) throws IOException {
    AtomicFiles.write(directory.resolve(relativePath), bytes, lastModified, permissions);
  }

  /**
   * Puts every original back over its woven class file and empties the directory of originals.
   * Originals whose class file is gone or was compiled again since weaving are dropped.
   *
   * @param classes the classes directory
   * @return how many originals were put back
   * @throws IOException if a file cannot be read, moved or deleted
   */
  int restoreInto(Path classes) throws IOException {
    int restored = 0;
    for (String relativePath : list()) {
      if (restore(relativePath, classes)) {
        restored++;
      }
    }
    deleteEmptyDirectories();
    return restored;
  }

  /**
   * Puts one original back over its woven class file, or drops it if the class file was compiled
   * again since weaving.
   *
   * @param relativePath the class file's path relative to the classes directory
   * @param classes the classes directory
   * @return true if the original was put back
   * @throws IOException if a file cannot be read, moved or deleted
   */
  boolean restore(String relativePath, Path classes) throws IOException {
    Path original = directory.resolve(relativePath);
    Path classFile = classes.resolve(relativePath);
    if (isWoven(classFile)) {
      AtomicFiles.move(original, classFile);
      return true;
    }
    Files.deleteIfExists(original);
    return false;
  }

  private static boolean isWoven(Path classFile) throws IOException {
    try {
      return Weaver.isWoven(Files.readAllBytes(classFile));
    } catch (NoSuchFileException e) {
      return false;
    }
  }

  private void deleteEmptyDirectories() throws IOException {
    if (!Files.isDirectory(directory)) {
      return;
    }
    Files.walkFileTree(directory, new SimpleFileVisitor<Path>() {
      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException failure)
          throws IOException {
        if (failure != null) {
          throw failure;
        }
        try (Stream<Path> entries = Files.list(dir)) {
          if (entries.findAny().isEmpty()) {
            Files.delete(dir);
          }
        }
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
