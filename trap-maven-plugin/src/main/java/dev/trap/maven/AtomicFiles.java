package dev.trap.maven;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes and moves files so that a reader, or a build killed half-way, sees either the old file
 * or the new one and never a truncated one: the bytes go to a temporary file in the target's own
 * directory, which is then renamed over the target.
 */
final class AtomicFiles {

  /**
   * Ends the names of the temporary files. A build killed between writing one and renaming it
   * leaves it behind; {@link #isLeftover(Path)} lets the next build find and delete it, so it
   * never reaches a jar.
   */
  static final String TEMP_SUFFIX = ".trap-tmp";

  private AtomicFiles() {
  }

  /**
   * Replaces a file's content in one step, creating its directory if needed.
   *
   * @param target the file to write
   * @param bytes its new content
   * @param lastModified the modification time to give it, or null for now
   * @param permissions the POSIX permissions to give it, or null for a new file's default
   * @throws IOException if writing fails; the target is then unchanged
   */
  static void write(Path target, byte[] bytes, FileTime lastModified,
      Set<PosixFilePermission> permissions) throws IOException {
    Path directory = target.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    Path temp = newTempFile(target);
    try {
      Files.write(temp, bytes);
      if (permissions != null) {
        Files.setPosixFilePermissions(temp, permissions);
      }
      if (lastModified != null) {
        Files.setLastModifiedTime(temp, lastModified);
      }
      rename(temp, target);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  /**
   * Moves a file over another in one step. Where the two are on different file systems, which
   * cannot rename across, the file is first copied beside the target and renamed from there.
   *
   * @param source the file to move; gone afterwards
   * @param target the file to replace
   * @throws IOException if moving fails; the target is then unchanged
   */
  static void move(Path source, Path target) throws IOException {
    try {
      rename(source, target);
    } catch (AtomicMoveNotSupportedException e) {
      Path temp = newTempFile(target);
      try {
        Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.COPY_ATTRIBUTES);
        rename(temp, target);
      } catch (IOException | RuntimeException failure) {
        Files.deleteIfExists(temp);
        throw failure;
      }
      Files.delete(source);
    }
  }

  /**
   * Creates the temporary file beside the target, with the permissions of any new file there:
   * {@code Files.createTempFile} would make it readable by its owner only, and jars record that.
   */
  private static Path newTempFile(Path target) throws IOException {
    Path directory = target.toAbsolutePath().getParent();
    while (true) {
      Path temp = directory.resolve(target.getFileName() + "."
          + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + TEMP_SUFFIX);
      try {
        Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)
            .close();
        return temp;
      } catch (FileAlreadyExistsException taken) {
        // Another name, then.
      }
    }
  }

  /**
   * @param file an existing file
   * @return its POSIX permissions, or null where the file system has none
   * @throws IOException if they cannot be read
   */
  static Set<PosixFilePermission> permissionsOf(Path file) throws IOException {
    if (Files.getFileAttributeView(file, PosixFileAttributeView.class) == null) {
      return null;
    }
    return Files.getPosixFilePermissions(file);
  }

  private static void rename(Path source, Path target) throws IOException {
    // On POSIX an atomic rename replaces the target; on Windows the JDK asks for replacement.
    Files.move(source, target, StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * @param file a file found in a directory Trap writes to
   * @return true if it is a temporary file that a killed build left behind
   */
  static boolean isLeftover(Path file) {
    return file.getFileName().toString().endsWith(TEMP_SUFFIX);
  }
}
