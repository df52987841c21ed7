package dev.trap.maven;

import dev.trap.weaver.AlreadyWovenException;
import dev.trap.weaver.WeaveException;
import dev.trap.weaver.WeaveResult;
import dev.trap.weaver.Weaver;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Weaves the selected classes of a classes directory in place, and puts the originals back.
 * Holds all of the {@code weave} and {@code restore} goals' file logic, free of Maven types.
 *
 * <p>Weaving one class file: its original is written to the {@link Originals} first, then the
 * woven class over the class file, each in one step ({@link AtomicFiles}). A build killed at any
 * point leaves every class file either original or woven with its original kept, and the next
 * build finishes the work: it weaves what carries no marker and keeps what does.
 *
 * <p>A class file already woven, with its original kept, is up to date. One the compiler wrote
 * again since (an IDE, an incremental compile) carries no marker and is woven again. The
 * {@link WeaveState} remembers each woven file's size and time, so that a build with nothing to
 * do reads no class file at all.
 */
final class InPlaceWeaver {

  /** Below this many class files to weave, starting threads costs more than it saves. */
  private static final int PARALLEL_THRESHOLD = 16;

  private final Weaver weaver;
  private final Path classes;
  private final Originals originals;
  private final Path stateFile;
  private final Path baseDirectory;

  /**
   * @param weaver the weaver, which decides which classes are selected
   * @param classes the classes directory, such as {@code target/classes}
   * @param originalsDirectory where originals go, such as {@code target/trap/originals}; the
   *     state file goes beside it
   * @param baseDirectory the project directory, which messages name files relative to
   */
  InPlaceWeaver(Weaver weaver, Path classes, Path originalsDirectory, Path baseDirectory) {
    this.weaver = weaver;
    this.classes = classes;
    this.originals = new Originals(originalsDirectory);
    this.stateFile = stateFile(originalsDirectory);
    this.baseDirectory = baseDirectory;
  }

  /**
   * @param originalsDirectory the directory of the originals
   * @return the state file that goes with it
   */
  static Path stateFile(Path originalsDirectory) {
    return originalsDirectory.resolveSibling(originalsDirectory.getFileName() + ".properties");
  }

  /**
   * The configuration as recorded in the state: classes woven under another one are woven
   * afresh from their originals.
   *
   * @param weaver the weaver
   * @return a text that changes whenever the woven bytes might
   */
  static String configuration(Weaver weaver) {
    return "Trap " + Weaver.version() + ", includes " + weaver.selector().includes()
        + ", excludes " + weaver.selector().excludes() + ", weaveLambdas "
        + weaver.weavesLambdas();
  }

  /**
   * Weaves the selected classes that are not woven yet. The directory need not exist: then there
   * is nothing to weave.
   *
   * @return what was done; class files that could not be woven are reported there, unwoven
   * @throws IOException if files cannot be read or written
   */
  WeaveReport weave() throws IOException {
    long start = System.nanoTime();
    WeaveReport report = new WeaveReport(Weaver.version());
    if (!Files.isDirectory(classes)) {
      report.millis(millisSince(start));
      return report;
    }
    String configuration = configuration(weaver);
    WeaveState previous = WeaveState.load(stateFile);
    Set<String> kept = originals.list();
    if (!configuration.equals(previous.configuration())) {
      // Stamps and originals of another configuration say nothing about this one.
      if (!kept.isEmpty()) {
        report.restoredFirst(originals.restoreInto(classes));
      }
      previous = new WeaveState(null, Map.of());
      kept = originals.list();
    }

    List<ClassFile> files = ClassFile.list(classes);
    Set<String> present = files.stream().map(ClassFile::relativePath).collect(Collectors.toSet());
    for (String original : kept) {
      if (!present.contains(original)) {
        // The class is gone from the sources: restoring it would bring it back into the jar.
        originals.discard(original);
      }
    }

    Map<String, String> stamps = new HashMap<>();
    List<ClassFile> toCheck = new ArrayList<>();
    ClassFile moduleDescriptor = null;
    for (ClassFile file : files) {
      if (file.isModuleDescriptor()) {
        moduleDescriptor = file;
      } else if (file.isInfo() || !weaver.selector().selects(file.className())) {
        if (kept.contains(file.relativePath())) {
          originals.discard(file.relativePath());
        }
      } else if (kept.contains(file.relativePath())
          && file.stamp().equals(previous.stamp(file.relativePath()))) {
        report.upToDate();
        stamps.put(file.relativePath(), file.stamp());
      } else {
        toCheck.add(file);
      }
    }

    final Set<String> keptNow = kept;
    for (Outcome outcome : map(toCheck, file -> check(file, keptNow.contains(file.relativePath())))) {
      outcome.report(report, stamps);
    }
    if (moduleDescriptor != null) {
      openModule(moduleDescriptor, !stamps.isEmpty(), kept.contains(moduleDescriptor.relativePath()),
          previous, report, stamps);
    }
    report.unmatchedIncludes(weaver.selector().unmatchedIncludes(
        files.stream().map(ClassFile::className).collect(Collectors.toList())));
    new WeaveState(configuration, stamps).save(stateFile);
    report.millis(millisSince(start));
    return report;
  }

  /**
   * Puts every original back over its woven class file and forgets the state, so the classes
   * directory is as the compiler left it. Class files compiled again since weaving stay.
   *
   * @param classes the classes directory
   * @param originalsDirectory the directory of the originals
   * @return how many class files were put back
   * @throws IOException if files cannot be read, moved or deleted
   */
  static int restore(Path classes, Path originalsDirectory) throws IOException {
    int restored = 0;
    if (Files.isDirectory(classes)) {
      ClassFile.list(classes); // deletes what a killed build left, which must not reach the jar
      restored = new Originals(originalsDirectory).restoreInto(classes);
    }
    Files.deleteIfExists(stateFile(originalsDirectory));
    return restored;
  }

  /**
   * A named module whose classes are woven must read Trap's runtime module: its descriptor is
   * woven (and restored) with them. One whose classes are not gets its own back.
   */
  private void openModule(ClassFile file, boolean classesWoven, boolean originalKept,
      WeaveState previous, WeaveReport report, Map<String, String> stamps) throws IOException {
    String path = file.relativePath();
    if (!classesWoven) {
      if (originalKept) {
        originals.restore(path, classes);
      }
      return;
    }
    if (originalKept && file.stamp().equals(previous.stamp(path))) {
      stamps.put(path, file.stamp());
      return;
    }
    byte[] bytes = Files.readAllBytes(file.path());
    if (Weaver.isWoven(bytes)) {
      Outcome outcome = alreadyWoven(file, originalKept);
      if (outcome.failure != null) {
        report.failed(outcome.failedName, outcome.failure, null);
      } else {
        stamps.put(path, file.stamp());
      }
      return;
    }
    WeaveResult result;
    try {
      result = weaver.weaveModuleDescriptor(bytes, nameOf(file));
    } catch (WeaveException e) {
      report.failed(nameOf(file), e.getMessage(), e);
      return;
    }
    if (result.isWoven()) {
      Set<PosixFilePermission> permissions = AtomicFiles.permissionsOf(file.path());
      originals.keep(path, bytes, file.lastModified(), permissions);
      AtomicFiles.write(file.path(), result.bytes(), null, permissions);
      stamps.put(path, stampOf(file.path()));
      report.moduleOpened();
    } else if (originalKept) {
      originals.discard(path);
    }
  }

  private Outcome check(ClassFile file, boolean originalKept) {
    try {
      byte[] bytes = Files.readAllBytes(file.path());
      if (Weaver.isWoven(bytes)) {
        return alreadyWoven(file, originalKept);
      }
      WeaveResult result;
      try {
        result = weaver.weave(bytes, nameOf(file));
      } catch (AlreadyWovenException e) {
        return alreadyWoven(file, originalKept);
      } catch (WeaveException e) {
        return Outcome.failed(file, nameOf(file), e.getMessage(), e);
      }
      if (result.isWoven()) {
        // Jars record permissions: the original must come back with its own.
        Set<PosixFilePermission> permissions = AtomicFiles.permissionsOf(file.path());
        originals.keep(file.relativePath(), bytes, file.lastModified(), permissions);
        AtomicFiles.write(file.path(), result.bytes(), null, permissions);
        return Outcome.woven(file, stampOf(file.path()), result);
      }
      if (originalKept) {
        // Compiled again since weaving and now not to be woven: the kept original is stale.
        originals.discard(file.relativePath());
      }
      return Outcome.notWoven(result);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Outcome alreadyWoven(ClassFile file, boolean originalKept) {
    if (originalKept) {
      return Outcome.upToDate(file);
    }
    String name = nameOf(file);
    return Outcome.failed(file, name, name + " was woven by Trap, but its original is not in "
        + nameOf(originals.directory()) + ", so it could not be put back before packaging. Run"
        + " 'mvn clean' to compile the class again.", null);
  }

  private <R> List<R> map(List<ClassFile> files, Function<ClassFile, R> work)
      throws IOException {
    if (files.size() < PARALLEL_THRESHOLD) {
      try {
        return files.stream().map(work).collect(Collectors.toList());
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
    int threads = Math.min(Runtime.getRuntime().availableProcessors(), files.size());
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      // Collecting a parallel stream keeps the files' order, so the log is the same every time.
      return pool.submit(() -> files.parallelStream().map(work).collect(Collectors.toList()))
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while weaving " + nameOf(classes), e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof UncheckedIOException) {
        throw ((UncheckedIOException) cause).getCause();
      }
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new IOException(cause);
    } finally {
      pool.shutdown();
    }
  }

  private static String stampOf(Path file) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    return new ClassFile("", file, attributes.size(), attributes.lastModifiedTime()).stamp();
  }

  private String nameOf(ClassFile file) {
    return nameOf(file.path());
  }

  /** Names a file as a person at the project's root would: {@code target/classes/a/B.class}. */
  private String nameOf(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path base = baseDirectory.toAbsolutePath().normalize();
    return (absolute.startsWith(base) ? base.relativize(absolute) : absolute).toString()
        .replace(File.separatorChar, '/');
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  /** What became of one class file that had to be read. */
  private static final class Outcome {

    private final ClassFile file;
    private final String stamp;
    private final WeaveResult result;
    private final String failedName;
    private final String failure;
    private final Throwable cause;

    private Outcome(ClassFile file, String stamp, WeaveResult result, String failedName,
        String failure, Throwable cause) {
      this.file = file;
      this.stamp = stamp;
      this.result = result;
      this.failedName = failedName;
      this.failure = failure;
      this.cause = cause;
    }

    static Outcome woven(ClassFile file, String stamp, WeaveResult result) {
      return new Outcome(file, stamp, result, null, null, null);
    }

    static Outcome upToDate(ClassFile file) {
      return new Outcome(file, file.stamp(), null, null, null, null);
    }

    static Outcome notWoven(WeaveResult result) {
      return new Outcome(null, null, result, null, null, null);
    }

    static Outcome failed(ClassFile file, String name, String message, Throwable cause) {
      return new Outcome(file, null, null, name, message, cause);
    }

    void report(WeaveReport report, Map<String, String> stamps) {
      if (failure != null) {
        report.failed(failedName, failure, cause);
        return;
      }
      if (stamp != null) {
        stamps.put(file.relativePath(), stamp);
      }
      if (result == null) {
        report.upToDate();
        return;
      }
      result.warnings().forEach(report::warning);
      switch (result.status()) {
        case WOVEN:
          report.woven(result.wovenMethods());
          break;
        case LEFT_ALONE:
          report.leftAlone(result.reason());
          break;
        default:
          // The file's path promised a selected class, but the class inside has another name.
          break;
      }
    }
  }
}
