package dev.trap.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

  @TempDir
  Path directory;

  @Test
  void write_should_replaceTheFile_andLeaveNoTemporaryFile() throws IOException {
    Path file = directory.resolve("a/b/C.class");
    AtomicFiles.write(file, new byte[] {1}, null, null);

    AtomicFiles.write(file, new byte[] {2, 3}, null, null);

    assertArrayEquals(new byte[] {2, 3}, Files.readAllBytes(file));
    assertEquals(List.of("C.class"), names(file.getParent()));
  }

  @Test
  void write_should_setTheGivenTime() throws IOException {
    Path file = directory.resolve("C.class");
    FileTime time = FileTime.fromMillis(1_500_000_000_000L);

    AtomicFiles.write(file, new byte[] {1}, time, null);

    assertEquals(time, Files.getLastModifiedTime(file));
  }

  @Test
  void write_should_giveTheGivenPermissions() throws IOException {
    Path file = directory.resolve("C.class");
    Set<PosixFilePermission> permissions = PosixFilePermissions.fromString("rw-r-----");

    AtomicFiles.write(file, new byte[] {1}, null, permissions);

    assertEquals(permissions, Files.getPosixFilePermissions(file));
  }

  @Test
  void write_should_givePermissionsLikeAnyNewFile_whenNoneAreGiven() throws IOException {
    Path file = directory.resolve("C.class");
    Path ordinary = Files.write(directory.resolve("D.class"), new byte[] {1});

    AtomicFiles.write(file, new byte[] {1}, null, null);

    assertEquals(Files.getPosixFilePermissions(ordinary), Files.getPosixFilePermissions(file));
  }

  @Test
  void write_should_leaveTheTargetUnchanged_whenItCannotBeReplaced() throws IOException {
    Path target = directory.resolve("C.class");
    Files.createDirectories(target.resolve("occupied"));

    assertThrows(IOException.class, () -> AtomicFiles.write(target, new byte[] {1}, null, null));

    assertTrue(Files.isDirectory(target));
    assertEquals(List.of("C.class"), names(directory));
  }

  @Test
  void move_should_replaceTheTarget_andRemoveTheSource() throws IOException {
    Path source = directory.resolve("kept/C.class");
    Path target = directory.resolve("C.class");
    Files.createDirectories(source.getParent());
    Files.write(source, new byte[] {1});
    Files.write(target, new byte[] {2});

    AtomicFiles.move(source, target);

    assertArrayEquals(new byte[] {1}, Files.readAllBytes(target));
    assertFalse(Files.exists(source));
  }

  @Test
  void isLeftover_should_recogniseTemporaryFiles_only() {
    assertTrue(AtomicFiles.isLeftover(directory.resolve("C.class.123.trap-tmp")));
    assertFalse(AtomicFiles.isLeftover(directory.resolve("C.class")));
  }

  private static List<String> names(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(file -> file.getFileName().toString()).sorted()
          .collect(Collectors.toList());
    }
  }
}
