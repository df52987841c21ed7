package dev.trap.bench;

import dev.trap.weaver.WeaveResult;
import dev.trap.weaver.Weaver;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The class files of the real jars in {@code target/corpus}, read into memory so that the
 * benchmarks measure transformation, not I/O.
 *
 * <p>Only the class files that every {@link Contender} accepts are kept, so that all of them do
 * the same work; {@link #summary()} says how many were dropped and why. Entries under
 * {@code META-INF/} (multi-release copies) and {@code module-info.class} are skipped: a build
 * weaves the classes of a package, not the module descriptor.
 */
final class Corpus {

  /** System property naming the directory of the jars, for runs outside {@code target/}. */
  static final String DIRECTORY_PROPERTY = "trap.bench.corpus";

  /** One class file. */
  static final class ClassFile {
    final String name;
    final byte[] bytes;

    ClassFile(String name, byte[] bytes) {
      this.name = name;
      this.bytes = bytes;
    }
  }

  /** The class files of one jar. */
  static final class Jar {
    final String name;
    final List<ClassFile> classes;
    final long bytes;

    Jar(String name, List<ClassFile> classes) {
      this.name = name;
      this.classes = Collections.unmodifiableList(classes);
      long total = 0;
      for (ClassFile classFile : classes) {
        total += classFile.bytes.length;
      }
      this.bytes = total;
    }
  }

  final List<Jar> jars;
  final List<ClassFile> all;
  private final List<String> dropped;
  private final Map<WeaveResult.Status, Integer> trapStatuses;

  private Corpus(List<Jar> jars, List<String> dropped,
      Map<WeaveResult.Status, Integer> trapStatuses) {
    this.jars = Collections.unmodifiableList(jars);
    List<ClassFile> all = new ArrayList<>();
    for (Jar jar : jars) {
      all.addAll(jar.classes);
    }
    this.all = Collections.unmodifiableList(all);
    this.dropped = dropped;
    this.trapStatuses = trapStatuses;
  }

  /**
   * Reads the jars and keeps the class files every contender transforms without error.
   *
   * @return the corpus
   * @throws IOException if the directory has no jars or one cannot be read
   */
  static Corpus load() throws IOException {
    Path directory = directory();
    List<Path> paths = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*.jar")) {
      stream.forEach(paths::add);
    }
    if (paths.isEmpty()) {
      throw new IOException("No jars in " + directory + ": build the module with"
          + " ./mvnw -Pbenchmarks -pl benchmarks package, or set -D" + DIRECTORY_PROPERTY);
    }
    Collections.sort(paths);
    Weaver trap = Weaver.builder().include("**").build();
    List<Jar> jars = new ArrayList<>();
    List<String> dropped = new ArrayList<>();
    Map<WeaveResult.Status, Integer> statuses = new EnumMap<>(WeaveResult.Status.class);
    for (Path path : paths) {
      List<ClassFile> classes = new ArrayList<>();
      for (ClassFile classFile : read(path)) {
        String problem = problemOf(classFile);
        if (problem != null) {
          dropped.add(classFile.name + ": " + problem);
          continue;
        }
        classes.add(classFile);
        try {
          statuses.merge(trap.weave(classFile.bytes, classFile.name).status(), 1, Integer::sum);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
      jars.add(new Jar(path.getFileName().toString(), classes));
    }
    return new Corpus(jars, dropped, statuses);
  }

  private static Path directory() throws IOException {
    String property = System.getProperty(DIRECTORY_PROPERTY);
    if (property != null) {
      return Paths.get(property);
    }
    try {
      // benchmarks.jar (or target/classes) lies in target/, next to corpus/.
      Path location = Paths.get(
          Corpus.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return location.getParent().resolve("corpus");
    } catch (URISyntaxException | RuntimeException e) {
      throw new IOException("Cannot tell where the benchmarks run from: set -D"
          + DIRECTORY_PROPERTY, e);
    }
  }

  private static List<ClassFile> read(Path jar) throws IOException {
    List<ClassFile> classes = new ArrayList<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        String entryName = entry.getName();
        if (entry.isDirectory() || !entryName.endsWith(".class")
            || entryName.startsWith("META-INF/") || entryName.endsWith("module-info.class")) {
          continue;
        }
        try (InputStream in = zip.getInputStream(entry)) {
          classes.add(new ClassFile(jar.getFileName() + "@" + entryName, in.readAllBytes()));
        }
      }
    }
    return classes;
  }

  private static String problemOf(ClassFile classFile) {
    for (Contender contender : Contender.values()) {
      if (contender.isDiagnostic()) {
        continue;
      }
      try {
        contender.transform(classFile.bytes, classFile.name);
      } catch (Exception | LinkageError e) {
        return contender + " failed: " + e;
      }
    }
    return null;
  }

  /** @return what the corpus holds and what was left out, for the benchmark's output */
  String summary() {
    StringBuilder text = new StringBuilder("Corpus:");
    long bytes = 0;
    for (Jar jar : jars) {
      text.append(String.format("%n  %-32s %5d classes %,11d bytes", jar.name,
          jar.classes.size(), jar.bytes));
      bytes += jar.bytes;
    }
    text.append(String.format("%n  %-32s %5d classes %,11d bytes", "total", all.size(), bytes));
    text.append(String.format("%n  Trap's result per class: %s", trapStatuses));
    text.append(String.format("%n  Dropped, as some contender rejects them: %d", dropped.size()));
    for (String problem : dropped) {
      text.append(String.format("%n    %s", problem));
    }
    return text.toString();
  }
}
