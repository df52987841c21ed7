package dev.trap.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OriginalsTest {

  @TempDir
  Path project;

  private Originals originals() {
    return new Originals(project.resolve("originals"));
  }

  @Test
  void list_should_beEmpty_whenTheDirectoryIsMissing() throws IOException {
    assertEquals(Set.of(), originals().list());
  }

  @Test
  void keep_should_mirrorTheClassFilePath_andItsTime() throws IOException {
    FileTime compiled = FileTime.fromMillis(1_000_000_000_000L);

    originals().keep("com/acme/A.class", new byte[] {1}, compiled, null);

    Path kept = project.resolve("originals/com/acme/A.class");
    assertArrayEquals(new byte[] {1}, Files.readAllBytes(kept));
    assertEquals(compiled, Files.getLastModifiedTime(kept));
    assertEquals(Set.of("com/acme/A.class"), originals().list());
  }

  @Test
  void restoreInto_should_dropOriginals_whoseClassFileIsGoneOrUnwoven() throws IOException {
    Path classes = project.resolve("classes");
    Samples.compile(classes, Samples.INVOICE);
    originals().keep(Samples.INVOICE, new byte[] {1}, null, null);
    originals().keep("com/acme/Gone.class", new byte[] {2}, null, null);

    int restored = originals().restoreInto(classes);

    assertEquals(0, restored);
    assertArrayEquals(Samples.bytes(Samples.INVOICE),
        Files.readAllBytes(classes.resolve(Samples.INVOICE)));
    assertFalse(Files.exists(classes.resolve("com/acme/Gone.class")));
    assertFalse(Files.exists(project.resolve("originals")));
  }
}
