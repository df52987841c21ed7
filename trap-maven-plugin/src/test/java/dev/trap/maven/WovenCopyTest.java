package dev.trap.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trap.weaver.Weaver;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WovenCopyTest {

  @TempDir
  Path project;

  private Path classes() {
    return project.resolve("target/classes");
  }

  private Path copy() {
    return project.resolve("target/trap/classes");
  }

  private WovenCopy weaver(List<String> includes, List<String> excludes) {
    Weaver weaver = Weaver.builder().includes(includes).excludes(excludes).build();
    return new WovenCopy(weaver, copy(), project);
  }

  private WovenCopy billing() {
    return weaver(List.of("com.acme.billing.**"), List.of("com.acme.billing.generated.**"));
  }

  private WeaveReport copyClasses(WovenCopy wovenCopy) throws IOException {
    WeaveReport report = new WeaveReport(Weaver.version());
    wovenCopy.copyDirectory(classes(), report);
    return report;
  }

  private byte[] copied(String relativePath) throws IOException {
    return Files.readAllBytes(copy().resolve(relativePath));
  }

  /** Writes the class again with another time, as a compiler would. */
  private void compileAgain(String relativePath, long millis) throws IOException {
    Samples.compile(classes(), relativePath);
    Files.setLastModifiedTime(classes().resolve(relativePath), FileTime.fromMillis(millis));
  }

  @Test
  void copyDirectory_should_weaveTheSelectedClasses_andLeaveTheClassesDirectoryAsCompiled()
      throws IOException {
    Samples.compile(classes(), Samples.INVOICE, Samples.LINE, Samples.DTO);
    Files.write(classes().resolve("prices.properties"), "tax=0.2".getBytes(StandardCharsets.UTF_8));

    WeaveReport report = copyClasses(billing());

    assertEquals(2, report.wovenClasses());
    assertTrue(Weaver.isWoven(copied(Samples.INVOICE)));
    assertTrue(Weaver.isWoven(copied(Samples.LINE)));
    assertArrayEquals(Samples.bytes(Samples.DTO), copied(Samples.DTO));
    assertEquals("tax=0.2", Files.readString(copy().resolve("prices.properties")));
    for (String path : List.of(Samples.INVOICE, Samples.LINE, Samples.DTO)) {
      assertArrayEquals(Samples.bytes(path), Files.readAllBytes(classes().resolve(path)), path);
    }
    assertTrue(report.summary().startsWith("Trap " + Weaver.version() + " wove 2 classes ("),
        report.summary());
  }

  @Test
  void copyDirectory_should_readNoClassFile_whenNothingChangedSinceTheLastBuild()
      throws IOException {
    Samples.compile(classes(), Samples.INVOICE, Samples.LINE);
    copyClasses(billing());
    byte[] woven = copied(Samples.INVOICE);
    FileTime time = Files.getLastModifiedTime(copy().resolve(Samples.INVOICE));

    WeaveReport report = copyClasses(billing());

    assertEquals(0, report.wovenClasses(), report.summary());
    assertEquals(2, report.upToDateClasses());
    assertEquals(time, Files.getLastModifiedTime(copy().resolve(Samples.INVOICE)));
    assertArrayEquals(woven, copied(Samples.INVOICE));
    assertTrue(report.summary().matches("Trap \\S+ wove 0 classes in \\d+ ms; 2 up to date"),
        report.summary());
  }

  @Test
  void copyDirectory_should_weaveAgain_whenAClassWasCompiledAgain() throws IOException {
    Samples.compile(classes(), Samples.INVOICE, Samples.LINE);
    copyClasses(billing());
    compileAgain(Samples.INVOICE, 2_000_000);

    WeaveReport report = copyClasses(billing());

    assertEquals(1, report.wovenClasses());
    assertEquals(1, report.upToDateClasses());
    assertTrue(Weaver.isWoven(copied(Samples.INVOICE)));
  }

  @Test
  void copyDirectory_should_weaveEverythingAgain_whenTheStateIsLost() throws IOException {
    Samples.compile(classes(), Samples.INVOICE);
    copyClasses(billing());
    Files.delete(project.resolve("target/trap/classes.properties"));

    WeaveReport report = copyClasses(billing());

    assertEquals(1, report.wovenClasses());
    assertTrue(Weaver.isWoven(copied(Samples.INVOICE)));
  }

  @Test
  void copyDirectory_should_weaveAfresh_whenTheConfigurationChanged() throws IOException {
    Samples.compile(classes(), Samples.INVOICE, Samples.LINE);
    copyClasses(billing());

    WeaveReport report = copyClasses(weaver(List.of("com.acme.billing.Invoice"), List.of()));

    assertEquals(1, report.wovenClasses());
    assertTrue(Weaver.isWoven(copied(Samples.INVOICE)));
    assertArrayEquals(Samples.bytes(Samples.LINE), copied(Samples.LINE));
  }

  @Test
  void copyDirectory_should_dropFromTheCopy_aClassDeletedSince() throws IOException {
    Samples.compile(classes(), Samples.INVOICE, Samples.LINE);
    copyClasses(billing());
    Files.delete(classes().resolve(Samples.LINE));

    copyClasses(billing());

    assertFalse(Files.exists(copy().resolve(Samples.LINE)));
    assertTrue(Files.exists(copy().resolve(Samples.INVOICE)));
  }

  @Test
  void copyDirectory_should_copyACorruptClassFileUnwoven_andReportIt_namingIt()
      throws IOException {
    Samples.compile(classes(), Samples.INVOICE);
    Path broken = classes().resolve("com/acme/billing/Broken.class");
    Files.write(broken, "not a class".getBytes(StandardCharsets.UTF_8));

    WeaveReport report = copyClasses(billing());

    assertEquals(1, report.failures().size());
    assertEquals("target/classes/com/acme/billing/Broken.class",
        report.failures().get(0).file());
    assertTrue(report.failures().get(0).message()
        .contains("target/classes/com/acme/billing/Broken.class"),
        report.failures().get(0).message());
    assertEquals(1, report.wovenClasses());
    assertEquals("not a class", Files.readString(copy().resolve(
        "com/acme/billing/Broken.class")));
    assertEquals(1, copyClasses(billing()).failures().size(), "tried again by the next build");
  }

  @Test
  void copyDirectory_should_refuseAClassWovenInPlaceByAnEarlierVersion() throws IOException {
    Samples.compile(classes(), Samples.INVOICE);
    copyClasses(billing());
    Files.copy(copy().resolve(Samples.INVOICE), classes().resolve(Samples.INVOICE),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    WeaveReport report = copyClasses(billing());

    assertEquals(1, report.failures().size());
    assertEquals("target/classes/com/acme/billing/Invoice.class is woven already: an earlier"
        + " version of Trap wove it in place, where the compiler put it. Run 'mvn clean' to"
        + " compile it again.", report.failures().get(0).message());
  }

  @Test
  void copyDirectory_should_deleteWhatABuildKilledWhileWritingLeftBehind() throws IOException {
    Samples.compile(classes(), Samples.INVOICE, Samples.LINE);
    copyClasses(billing());
    Path leftover = copy().resolve(Samples.INVOICE + ".123" + AtomicFiles.TEMP_SUFFIX);
    Files.write(leftover, new byte[] {(byte) 0xCA, (byte) 0xFE});
    compileAgain(Samples.INVOICE, 3_000_000);

    WeaveReport report = copyClasses(billing());

    assertEquals(1, report.wovenClasses());
    assertFalse(Files.exists(leftover));
  }

  @Test
  void copyDirectory_should_giveTheSameBytes_forTheSameInput() throws IOException {
    Samples.compile(classes(), Samples.INVOICE);
    copyClasses(billing());
    byte[] first = copied(Samples.INVOICE);
    WovenCopy.deleteRecursively(project.resolve("target/trap"));

    copyClasses(billing());

    assertArrayEquals(first, copied(Samples.INVOICE));
  }

  @Test
  void copyDirectory_should_weaveManyClasses_inParallel() throws IOException {
    byte[] invoice = Samples.bytes(Samples.INVOICE);
    for (int i = 0; i < 40; i++) {
      Path file = classes().resolve("com/acme/billing/copies/Invoice" + i + ".class");
      Files.createDirectories(file.getParent());
      Files.write(file, invoice);
    }

    WeaveReport report = copyClasses(billing());

    assertEquals(40, report.wovenClasses());
    try (Stream<Path> files = Files.walk(copy())) {
      List<Path> unwoven = files.filter(Files::isRegularFile)
          .filter(file -> !isWoven(file)).collect(Collectors.toList());
      assertEquals(List.of(), unwoven);
    }
  }

  @Test
  void copyDirectory_should_nameEveryClassSeen_forTheUnmatchedIncludes() throws IOException {
    Samples.compile(classes(), Samples.INVOICE, Samples.DTO);

    WeaveReport report = copyClasses(billing());

    assertEquals(List.of("com.acme.billing.Invoice", "com.acme.billing.generated.InvoiceDto"),
        report.classNames());
  }

  @Test
  void copyDirectory_should_makeTheModuleRequireTheRuntime_whenItsClassesAreWoven()
      throws IOException {
    Samples.compile(classes(), Samples.INVOICE);
    Files.write(classes().resolve(Samples.MODULE), Samples.moduleDescriptor());

    WeaveReport report = copyClasses(billing());

    assertTrue(Weaver.isWoven(copied(Samples.MODULE)));
    assertTrue(report.summary().endsWith("; module-info.class requires dev.trap"),
        report.summary());
    assertArrayEquals(Samples.moduleDescriptor(), Files.readAllBytes(
        classes().resolve(Samples.MODULE)));
    byte[] woven = copied(Samples.MODULE);
    assertEquals(1, copyClasses(billing()).upToDateClasses());
    assertArrayEquals(woven, copied(Samples.MODULE), "up to date, not woven twice");
  }

  @Test
  void copyDirectory_should_copyTheModuleAsCompiled_whenNoneOfItsClassesIsWoven()
      throws IOException {
    Samples.compile(classes(), Samples.INVOICE);
    Files.write(classes().resolve(Samples.MODULE), Samples.moduleDescriptor());
    copyClasses(billing());

    WeaveReport report = copyClasses(weaver(List.of("com.acme.other.**"), List.of()));

    assertArrayEquals(Samples.moduleDescriptor(), copied(Samples.MODULE));
    assertArrayEquals(Samples.bytes(Samples.INVOICE), copied(Samples.INVOICE));
    assertFalse(report.summary().contains("module-info"), report.summary());
  }

  @Test
  void copyDirectory_should_listTheMethodsWhoseCallsAreTrapped_forTheRuntime()
      throws IOException {
    Samples.compile(classes(), Samples.INVOICE, Samples.LINE);
    WovenCopy callSites = new WovenCopy(Weaver.builder().include("com.acme.billing.**")
        .callSites(List.of("java.lang.System#currentTimeMillis")).build(), copy(), project);
    Path list = copy().resolve(WovenCopy.CALL_SITES_RESOURCE);

    WeaveReport report = copyClasses(callSites);

    assertEquals("java/lang/System.currentTimeMillis()J\n", Files.readString(list));
    assertTrue(report.summary().endsWith("; calls of 1 other method trapped"), report.summary());
    WeaveReport upToDate = copyClasses(callSites);
    assertEquals(0, upToDate.wovenClasses());
    assertTrue(upToDate.summary().endsWith("; calls of 1 other method trapped"),
        upToDate.summary());
    assertEquals("java/lang/System.currentTimeMillis()J\n", Files.readString(list));

    copyClasses(billing());
    assertFalse(Files.exists(list), "no call site trapped, no list");
  }

  @Test
  void copyJar_should_copyEveryEntry_withTheSelectedClassesWoven() throws IOException {
    Path jar = jar("billing.jar", Samples.INVOICE, Samples.DTO);
    WeaveReport report = new WeaveReport(Weaver.version(), "com.acme:billing:1.0");

    billing().copyJar(jar, report);

    assertTrue(Weaver.isWoven(copied(Samples.INVOICE)));
    assertArrayEquals(Samples.bytes(Samples.DTO), copied(Samples.DTO));
    assertEquals("Manifest-Version: 1.0\n", Files.readString(copy().resolve(
        "META-INF/MANIFEST.MF")));
    assertTrue(report.summary().matches(
        "Trap \\S+ wove 1 class \\(\\d+ methods\\) of com.acme:billing:1.0 in \\d+ ms"),
        report.summary());
  }

  @Test
  void copyJar_should_reuseTheCopy_ofAJarWithTheSameChecksum() throws IOException {
    Path jar = jar("billing.jar", Samples.INVOICE);
    billing().copyJar(jar, new WeaveReport(Weaver.version()));
    FileTime time = Files.getLastModifiedTime(copy().resolve(Samples.INVOICE));

    WeaveReport again = new WeaveReport(Weaver.version());
    billing().copyJar(jar, again);

    assertEquals(0, again.wovenClasses());
    assertEquals(1, again.upToDateClasses());
    assertEquals(time, Files.getLastModifiedTime(copy().resolve(Samples.INVOICE)));

    jar("billing.jar", Samples.INVOICE, Samples.LINE);
    WeaveReport changed = new WeaveReport(Weaver.version());
    billing().copyJar(jar, changed);
    assertEquals(2, changed.wovenClasses(), "a new jar is copied afresh");
    assertTrue(Weaver.isWoven(copied(Samples.LINE)));
  }

  @Test
  void copyJar_should_refuseToWeaveTheClassesOfASignedJar() throws IOException {
    Path jar = jar("signed.jar", Samples.INVOICE, "META-INF/ACME.SF");
    WeaveReport report = new WeaveReport(Weaver.version());

    billing().copyJar(jar, report);

    assertEquals(1, report.failures().size());
    assertEquals("Trap cannot weave com.acme.billing.Invoice: signed.jar is signed, and a woven"
        + " class would no longer match its signature. Leave the jar's classes out of"
        + " <includes>, or its artifact out of <weaveDependencies>.",
        report.failures().get(0).message());
    assertArrayEquals(Samples.bytes(Samples.INVOICE), copied(Samples.INVOICE));
  }

  private Path jar(String name, String... entries) throws IOException {
    Path jar = project.resolve(name);
    try (OutputStream file = Files.newOutputStream(jar);
        ZipOutputStream zip = new ZipOutputStream(file)) {
      zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
      zip.write("Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
      for (String entry : entries) {
        zip.putNextEntry(new ZipEntry(entry));
        zip.write(entry.endsWith(".class") ? Samples.bytes(entry) : new byte[] {1});
      }
    }
    return jar;
  }

  private static boolean isWoven(Path file) {
    try {
      return Weaver.isWoven(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
