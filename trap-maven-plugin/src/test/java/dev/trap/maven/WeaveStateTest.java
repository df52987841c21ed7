package dev.trap.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeaveStateTest {

  @TempDir
  Path directory;

  @Test
  void load_should_readWhatSaveWrote() throws IOException {
    Path file = directory.resolve("trap/originals.properties");
    new WeaveState("Trap 1, includes [a.**]", Map.of("a/B c=d.class", "10@5", "a/A.class", "3@4"))
        .save(file);

    WeaveState state = WeaveState.load(file);

    assertEquals("Trap 1, includes [a.**]", state.configuration());
    assertEquals(Map.of("a/B c=d.class", "10@5", "a/A.class", "3@4"), state.stamps());
  }

  @Test
  void save_should_writeTheSameFile_forTheSameState() throws IOException {
    Path first = directory.resolve("first.properties");
    Path second = directory.resolve("second.properties");

    new WeaveState("c", Map.of("b.class", "1@1", "a.class", "2@2")).save(first);
    new WeaveState("c", Map.of("a.class", "2@2", "b.class", "1@1")).save(second);

    assertEquals(Files.readString(first), Files.readString(second));
    assertEquals("# Trap's weave state: delete it to check every class file again.\n"
        + "configuration=c\nstamp.a.class=2@2\nstamp.b.class=1@1\n",
        Files.readString(first).replace(System.lineSeparator(), "\n"));
  }

  @Test
  void load_should_giveAnEmptyState_whenTheFileIsMissing() {
    WeaveState state = WeaveState.load(directory.resolve("missing.properties"));

    assertNull(state.configuration());
    assertEquals(Map.of(), state.stamps());
  }

  @Test
  void load_should_giveAnEmptyState_whenTheFileIsUnreadable() throws IOException {
    Path file = directory.resolve("bad.properties");
    Files.write(file, "configuration=\\u12".getBytes(StandardCharsets.ISO_8859_1));

    WeaveState state = WeaveState.load(file);

    assertNull(state.configuration());
  }
}
