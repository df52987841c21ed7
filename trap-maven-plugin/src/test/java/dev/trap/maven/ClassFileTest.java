package dev.trap.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassFileTest {

  @TempDir
  Path classes;

  private static ClassFile at(String relativePath) {
    return new ClassFile(relativePath, Path.of(relativePath), 10, FileTime.fromMillis(5));
  }

  @Test
  void list_should_findClassFilesSortedByPath_andDeleteLeftovers() throws IOException {
    for (String name : List.of("b/B.class", "a/A$1.class", "a/A.class", "a/notes.txt",
        "a/A.class.1.trap-tmp")) {
      Path file = classes.resolve(name);
      Files.createDirectories(file.getParent());
      Files.write(file, new byte[] {1});
    }

    List<ClassFile> files = ClassFile.list(classes);

    assertEquals(List.of("a/A$1.class", "a/A.class", "b/B.class"),
        files.stream().map(ClassFile::relativePath).collect(Collectors.toList()));
    assertFalse(Files.exists(classes.resolve("a/A.class.1.trap-tmp")));
    assertTrue(Files.exists(classes.resolve("a/notes.txt")));
  }

  @Test
  void className_should_beTheBinaryName() {
    assertEquals("com.acme.Price$Tax", at("com/acme/Price$Tax.class").className());
    assertEquals("Default", at("Default.class").className());
  }

  @Test
  void className_should_ignoreTheVersionsFolder_ofMultiReleaseClasses() {
    assertEquals("com.acme.Price", at("META-INF/versions/11/com/acme/Price.class").className());
  }

  @Test
  void isInfo_should_recognisePackageAndModuleInfo() {
    assertTrue(at("com/acme/package-info.class").isInfo());
    assertTrue(at("module-info.class").isInfo());
    assertFalse(at("com/acme/Info.class").isInfo());
  }

  @Test
  void stamp_should_change_whenSizeOrTimeChanges() {
    ClassFile file = at("A.class");

    assertEquals(file.stamp(), at("A.class").stamp());
    assertNotEquals(file.stamp(),
        new ClassFile("A.class", Path.of("A.class"), 11, FileTime.fromMillis(5)).stamp());
    assertNotEquals(file.stamp(),
        new ClassFile("A.class", Path.of("A.class"), 10, FileTime.fromMillis(6)).stamp());
  }
}
