package dev.trap.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trap.weaver.Weaver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

class InPlaceWeaverTest {

  @TempDir
  Path project;

  private Path classes() {
    return project.resolve("target/classes");
  }

  private Path originals() {
    return project.resolve("target/trap/originals");
  }

  private InPlaceWeaver weaver(List<String> includes, List<String> excludes) {
    Weaver weaver = Weaver.builder().includes(includes).excludes(excludes).build();
    return new InPlaceWeaver(weaver, classes(), originals(), project);
  }

  private InPlaceWeaver billing() {
    return weaver(List.of("com.acme.billing.**"), List.of("com.acme.billing.generated.**"));
  }

  private byte[] read(String relativePath) throws IOException {
    return Files.readAllBytes(classes().resolve(relativePath));
  }

  @Test
  void weave_should_weaveSelectedClassesInPlace_andKeepTheirOriginals() throws IOException {
    Samples.compile(classes(), Samples.INVOICE, Samples.LINE, Samples.DTO);

    WeaveReport report = billing().weave();

    assertEquals(2, report.wovenClasses());
    assertTrue(Weaver.isWoven(read(Samples.INVOICE)));
    assertTrue(Weaver.isWoven(read(Samples.LINE)));
    assertArrayEquals(Samples.bytes(Samples.DTO), read(Samples.DTO));
    assertArrayEquals(Samples.bytes(Samples.INVOICE),
        Files.readAllBytes(originals().resolve(Samples.INVOICE)));
    assertFalse(Files.exists(originals().resolve(Samples.DTO)));
    assertTrue(report.summary().startsWith("Trap " + Weaver.version() + " wove 2 classes ("),
        report.summary());
  }

  @Test
  void weave_should_readNoClassFile_whenNothingChangedSinceTheLastBuild() throws IOException {
    Samples.compile(classes(), Samples.INVOICE, Samples.LINE);
    billing().weave();
    byte[] woven = read(Samples.INVOICE);
    FileTime time = Files.getLastModifiedTime(classes().resolve(Samples.INVOICE));

    WeaveReport report = billing().weave();

    assertEquals(0, report.wovenClasses());
    assertEquals(2, report.upToDateClasses());
    assertArrayEquals(woven, read(Samples.INVOICE));
    assertEquals(time, Files.getLastModifiedTime(classes().resolve(Samples.INVOICE)));
    assertTrue(report.summary().matches("Trap \\S+ wove 0 classes in \\d+ ms; 2 up to date"),
        report.summary());
  }

  @Test
  void weave_should_weaveFromTheOriginals_whenTheStateIsLost() throws IOException {
    Samples.compile(classes(), Samples.INVOICE);
    billing().weave();
    Files.delete(InPlaceWeaver.stateFile(originals()));

    WeaveReport report = billing().weave();

    assertEquals(1, report.wovenClasses(), "the lost state restores the originals first");
    assertTrue(Weaver.isWoven(read(Samples.INVOICE)));
    assertArrayEquals(Samples.bytes(Samples.INVOICE),
        Files.readAllBytes(originals().resolve(Samples.INVOICE)));
  }

  @Test
  void weave_should_weaveAgain_whenAClassWasCompiledAgain() throws IOException {
    Samples.compile(classes(), Samples.INVOICE, Samples.LINE);
    billing().weave();
    Samples.compile(classes(), Samples.INVOICE);

    WeaveReport report = billing().weave();

    assertEquals(1, report.wovenClasses());
    assertEquals(1, report.upToDateClasses());
    assertTrue(Weaver.isWoven(read(Samples.INVOICE)));
    assertArrayEquals(Samples.bytes(Samples.INVOICE),
        Files.readAllBytes(originals().resolve(Samples.INVOICE)));
  }

  @Test
  void weave_should_startFromTheOriginals_whenTheConfigurationChanged() throws IOException {
    Samples.compile(classes(), Samples.INVOICE, Samples.LINE);
    billing().weave();

    WeaveReport report = weaver(List.of("com.acme.billing.Invoice"), List.of()).weave();

    assertEquals(1, report.wovenClasses());
    assertTrue(Weaver.isWoven(read(Samples.INVOICE)));
    assertArrayEquals(Samples.bytes(Samples.LINE), read(Samples.LINE));
    assertFalse(Files.exists(originals().resolve(Samples.LINE)));
    assertTrue(report.summary().endsWith("; configuration changed, so 2 originals restored"
        + " first"), report.summary());
  }

  @Test
  void weave_should_doNothing_whenTheClassesDirectoryIsMissing() throws IOException {
    WeaveReport report = billing().weave();

    assertEquals(0, report.selectedClasses());
    assertFalse(Files.exists(project.resolve("target")));
  }

  @Test
  void weave_should_reportACorruptClassFile_namingIt() throws IOException {
    Samples.compile(classes(), Samples.INVOICE);
    Path broken = classes().resolve("com/acme/billing/Broken.class");
    Files.write(broken, "not a class".getBytes(StandardCharsets.UTF_8));

    WeaveReport report = billing().weave();

    assertEquals(1, report.failures().size());
    assertEquals("target/classes/com/acme/billing/Broken.class",
        report.failures().get(0).file());
    assertTrue(report.failures().get(0).message()
        .contains("target/classes/com/acme/billing/Broken.class"),
        report.failures().get(0).message());
    assertEquals(1, report.wovenClasses());
    assertArrayEquals("not a class".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(broken));
  }

  @Test
  void weave_should_reportAWovenClass_whoseOriginalIsLost() throws IOException {
    Samples.compile(classes(), Samples.INVOICE);
    billing().weave();
    Files.delete(originals().resolve(Samples.INVOICE));

    WeaveReport report = billing().weave();

    assertEquals(1, report.failures().size());
    assertEquals("target/classes/com/acme/billing/Invoice.class was woven by Trap, but its"
        + " original is not in target/trap/originals, so it could not be put back before"
        + " packaging. Run 'mvn clean' to compile the class again.",
        report.failures().get(0).message());
  }

  @Test
  void weave_should_finishTheWork_ofABuildKilledWhileWeaving() throws IOException {
    Samples.compile(classes(), Samples.INVOICE, Samples.LINE);
    billing().weave();
    // Killed after keeping the original of a class compiled again and before weaving it:
    Samples.compile(classes(), Samples.INVOICE);
    Path leftover = classes().resolve(Samples.INVOICE + ".123" + AtomicFiles.TEMP_SUFFIX);
    Files.write(leftover, new byte[] {(byte) 0xCA, (byte) 0xFE});
    Path leftoverOriginal = originals().resolve(Samples.LINE + ".456" + AtomicFiles.TEMP_SUFFIX);
    Files.write(leftoverOriginal, new byte[] {(byte) 0xCA});

    WeaveReport report = billing().weave();

    assertEquals(1, report.wovenClasses());
    assertTrue(Weaver.isWoven(read(Samples.INVOICE)));
    assertFalse(Files.exists(leftover));
    assertFalse(Files.exists(leftoverOriginal));
  }

  @Test
  void weave_should_dropTheOriginal_ofAClassDeletedSince() throws IOException {
    Samples.compile(classes(), Samples.INVOICE, Samples.LINE);
    billing().weave();
    Files.delete(classes().resolve(Samples.LINE));

    billing().weave();
    InPlaceWeaver.restore(classes(), originals());

    assertFalse(Files.exists(classes().resolve(Samples.LINE)));
  }

  @Test
  void weave_should_giveTheSameBytes_forTheSameInput() throws IOException {
    Samples.compile(classes(), Samples.INVOICE);
    billing().weave();
    byte[] first = read(Samples.INVOICE);
    InPlaceWeaver.restore(classes(), originals());

    billing().weave();

    assertArrayEquals(first, read(Samples.INVOICE));
  }

  @Test
  void weave_should_weaveManyClasses_inParallel() throws IOException {
    byte[] invoice = Samples.bytes(Samples.INVOICE);
    for (int i = 0; i < 40; i++) {
      Path file = classes().resolve("com/acme/billing/copies/Invoice" + i + ".class");
      Files.createDirectories(file.getParent());
      Files.write(file, invoice);
    }

    WeaveReport report = billing().weave();

    assertEquals(40, report.wovenClasses());
    try (Stream<Path> files = Files.walk(classes())) {
      List<Path> unwoven = files.filter(Files::isRegularFile)
          .filter(file -> !isWoven(file)).collect(Collectors.toList());
      assertEquals(List.of(), unwoven);
    }
  }

  @Test
  void weave_should_listIncludes_thatMatchNoClass() throws IOException {
    Samples.compile(classes(), Samples.INVOICE);

    WeaveReport report = weaver(List.of("com.acme.billing.*", "com.acme.shipping.**"), List.of())
        .weave();

    assertEquals(List.of("com.acme.shipping.**"), report.unmatchedIncludes());
  }

  @Test
  void weave_should_makeTheModuleRequireTheRuntime_whenItsClassesAreWoven() throws IOException {
    Samples.compile(classes(), Samples.INVOICE);
    Files.write(classes().resolve(Samples.MODULE), Samples.moduleDescriptor());

    WeaveReport report = billing().weave();

    assertTrue(Weaver.isWoven(read(Samples.MODULE)));
    assertTrue(report.summary().endsWith("; module-info.class requires dev.trap"),
        report.summary());
    byte[] woven = read(Samples.MODULE);
    assertEquals(1, billing().weave().upToDateClasses());
    assertArrayEquals(woven, read(Samples.MODULE), "up to date, not woven twice");
    InPlaceWeaver.restore(classes(), originals());
    assertArrayEquals(Samples.moduleDescriptor(), read(Samples.MODULE));
  }

  @Test
  void weave_should_leaveTheModuleAsCompiled_whenNoneOfItsClassesIsWoven() throws IOException {
    Samples.compile(classes(), Samples.INVOICE);
    Files.write(classes().resolve(Samples.MODULE), Samples.moduleDescriptor());
    billing().weave();

    WeaveReport report = weaver(List.of("com.acme.other.**"), List.of()).weave();

    assertArrayEquals(Samples.moduleDescriptor(), read(Samples.MODULE));
    assertArrayEquals(Samples.bytes(Samples.INVOICE), read(Samples.INVOICE));
    assertFalse(report.summary().contains("module-info"), report.summary());
  }

  @Test
  void restore_should_putTheOriginalsBack_andForgetTheState() throws IOException {
    Samples.compile(classes(), Samples.INVOICE, Samples.LINE, Samples.DTO);
    FileTime compiled = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(classes().resolve(Samples.INVOICE), compiled);
    billing().weave();

    int restored = InPlaceWeaver.restore(classes(), originals());

    assertEquals(2, restored);
    assertArrayEquals(Samples.bytes(Samples.INVOICE), read(Samples.INVOICE));
    assertArrayEquals(Samples.bytes(Samples.LINE), read(Samples.LINE));
    assertEquals(compiled, Files.getLastModifiedTime(classes().resolve(Samples.INVOICE)));
    assertFalse(Files.exists(originals()));
    assertFalse(Files.exists(InPlaceWeaver.stateFile(originals())));
  }

  @Test
  void restore_should_giveTheOriginalsTheirPermissionsBack() throws IOException {
    Samples.compile(classes(), Samples.INVOICE);
    Set<PosixFilePermission> permissions = PosixFilePermissions.fromString("rw-r-----");
    Files.setPosixFilePermissions(classes().resolve(Samples.INVOICE), permissions);
    billing().weave();

    InPlaceWeaver.restore(classes(), originals());

    assertEquals(permissions, Files.getPosixFilePermissions(classes().resolve(Samples.INVOICE)));
  }

  @Test
  void restore_should_keepAClass_compiledAgainSinceWeaving() throws IOException {
    Samples.compile(classes(), Samples.INVOICE);
    billing().weave();
    byte[] recompiled = Samples.bytes(Samples.INVOICE);
    Files.write(classes().resolve(Samples.INVOICE), recompiled);

    int restored = InPlaceWeaver.restore(classes(), originals());

    assertEquals(0, restored);
    assertArrayEquals(recompiled, read(Samples.INVOICE));
    assertFalse(Files.exists(originals()));
  }

  @Test
  void restore_should_doNothing_whenNothingWasWoven() throws IOException {
    assertEquals(0, InPlaceWeaver.restore(classes(), originals()));
  }

  private static boolean isWoven(Path file) {
    try {
      return Weaver.isWoven(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
