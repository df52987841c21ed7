package dev.trap.maven;

import dev.trap.weaver.AlreadyWovenException;
import dev.trap.weaver.WeaveException;
import dev.trap.weaver.WeaveResult;
import dev.trap.weaver.Weaver;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Copies compiled classes, a classes directory or a jar, into a directory of their own with the
 * selected classes woven. The tests run against the copy; the classes directory, and so the
 * packaged jar and anything else that runs the application, stay exactly as compiled. Holds all of
 * the {@code weave} goal's file logic, free of Maven types.
 *
 * <p>Every file of the source is in the copy, woven or as it was, so the copy stands in for the
 * source on a class path or module path. A class that cannot be woven is copied unwoven and
 * reported, never left out. Each file is written in one step ({@link AtomicFiles}), so a build
 * killed half-way leaves whole files only, and the next build finishes the work.
 *
 * <p>A {@link WeaveState} beside the copy remembers each source file's size and time, so a build
 * with nothing to do reads no class file at all. A jar is copied whole, once per checksum and
 * configuration.
 */
final class WovenCopy {

  /** Below this many class files to weave, starting threads costs more than it saves. */
  private static final int PARALLEL_THRESHOLD = 16;

  /** The signature files of a signed jar, which woven classes would no longer match. */
  private static final Pattern SIGNATURE = Pattern.compile(
      "META-INF/[^/]+\\.(SF|RSA|DSA|EC)", Pattern.CASE_INSENSITIVE);

  /**
   * Ends the stamp of a woven class, before the methods whose calls it traps: {@code
   * size@time|woven} or {@code size@time|woven|owner.name(descriptor) ...}.
   */
  private static final String WOVEN = "|woven";
  private static final String LEFT_ALONE = "|left alone: ";
  private static final String CALLS = "|";

  /** Lists, in the copy, the methods of other classes whose calls the woven classes trap. */
  static final String CALL_SITES_RESOURCE = "META-INF/dev.trap/call-sites.txt";

  private final Weaver weaver;
  private final Path copy;
  private final Path stateFile;
  private final Path baseDirectory;

  /**
   * @param weaver the weaver, which decides which classes are selected
   * @param copy the directory the copy goes to, such as {@code target/trap/classes}; the state
   *     file goes beside it
   * @param baseDirectory the project directory, which messages name files relative to
   */
  WovenCopy(Weaver weaver, Path copy, Path baseDirectory) {
    this.weaver = weaver;
    this.copy = copy;
    this.stateFile = copy.resolveSibling(copy.getFileName() + ".properties");
    this.baseDirectory = baseDirectory;
  }

  /**
   * The configuration as recorded in the state: classes woven under another one are woven
   * afresh.
   *
   * @param weaver the weaver
   * @return a text that changes whenever the woven bytes might
   */
  static String configuration(Weaver weaver) {
    return "Trap " + Weaver.version() + ", includes " + weaver.selector().includes()
        + ", excludes " + weaver.selector().excludes() + ", weaveLambdas "
        + weaver.weavesLambdas() + ", callSites " + weaver.callSites().patterns();
  }

  /**
   * Brings the copy of a classes directory up to date: files that changed since the last build
   * are copied, and woven if selected; files gone from the classes directory go from the copy.
   *
   * @param classes the classes directory, such as {@code target/classes}; must exist
   * @param report where to count what was done; class files that could not be woven are reported
   *     there, and are in the copy unwoven
   * @throws IOException if files cannot be read or written
   */
  void copyDirectory(Path classes, WeaveReport report) throws IOException {
    long start = System.nanoTime();
    String configuration = configuration(weaver) + ", from " + classes.toAbsolutePath();
    WeaveState previous = WeaveState.load(stateFile);
    if (!configuration.equals(previous.configuration())) {
      previous = new WeaveState(null, Map.of());
    }
    List<ClassFile> sources = ClassFile.listAll(classes);
    Set<String> present = sources.stream().map(ClassFile::relativePath)
        .collect(Collectors.toSet());
    if (Files.isDirectory(copy)) {
      for (ClassFile stale : ClassFile.listAll(copy)) {
        if (!present.contains(stale.relativePath())) {
          Files.delete(stale.path());
        }
      }
    }

    Map<String, String> stamps = new TreeMap<>();
    List<ClassFile> toWeave = new ArrayList<>();
    ClassFile descriptor = null;
    for (ClassFile file : sources) {
      String path = file.relativePath();
      if (file.isModuleDescriptor()) {
        descriptor = file;
        continue;
      }
      boolean selected = isSelected(file);
      if (file.isClass() && !file.isInfo()) {
        report.className(file.className());
      }
      String before = previous.stamp(path);
      if (before != null && sourceStamp(before).equals(file.stamp())
          && Files.isRegularFile(copy.resolve(path))) {
        stamps.put(path, before);
        if (selected) {
          reportUnchanged(before, report);
        }
      } else if (selected) {
        toWeave.add(file);
      } else {
        AtomicFiles.write(copy.resolve(path), Files.readAllBytes(file.path()), null, null);
        stamps.put(path, file.stamp());
      }
    }
    for (Outcome outcome : map(toWeave, this::weave)) {
      outcome.write(copy);
      outcome.report(report);
      if (outcome.failure == null) {
        stamps.put(outcome.path, outcome.stamp);
      }
    }
    if (descriptor != null) {
      copyDescriptor(descriptor, previous.stamp(descriptor.relativePath()),
          stamps.values().stream().anyMatch(WovenCopy::isWovenStamp), report, stamps);
    }
    writeCallSites(copy, stamps, report);
    new WeaveState(configuration, stamps).save(stateFile);
    report.millis(report.millis() + millisSince(start));
  }

  /**
   * Makes the copy of a jar, unless the copy of a jar with the same checksum is there, made with
   * the same configuration. The copy is written beside its place and moved there when complete.
   *
   * @param jar the jar
   * @param report where to count what was done
   * @throws IOException if files cannot be read or written
   */
  void copyJar(Path jar, WeaveReport report) throws IOException {
    long start = System.nanoTime();
    String configuration = configuration(weaver) + ", jar sha-256 " + sha256(jar);
    WeaveState previous = WeaveState.load(stateFile);
    if (configuration.equals(previous.configuration()) && Files.isDirectory(copy)) {
      try (ZipFile zip = new ZipFile(jar.toFile())) {
        for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
          String name = entries.nextElement().getName();
          String className = ClassNames.ofEntry(name);
          if (className != null) {
            report.className(className);
          }
        }
      }
      previous.stamps().values().forEach(stamp -> reportUnchanged(stamp, report));
      report.callees(callees(previous.stamps()));
      report.millis(report.millis() + millisSince(start));
      return;
    }

    Path temp = copy.resolveSibling(copy.getFileName() + "."
        + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
        + AtomicFiles.TEMP_SUFFIX);
    Map<String, String> stamps = new TreeMap<>();
    try {
      Files.createDirectories(temp);
      List<Entry> toWeave = new ArrayList<>();
      Entry descriptor = null;
      boolean signed = false;
      try (ZipFile zip = new ZipFile(jar.toFile())) {
        for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
          signed |= SIGNATURE.matcher(entries.nextElement().getName()).matches();
        }
        for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
          ZipEntry entry = entries.nextElement();
          if (entry.isDirectory()) {
            continue;
          }
          String path = entry.getName();
          Path target = temp.resolve(path).normalize();
          if (!target.startsWith(temp)) {
            throw new IOException(jar + " holds an entry outside of any directory: " + path);
          }
          byte[] bytes;
          try (InputStream in = zip.getInputStream(entry)) {
            bytes = in.readAllBytes();
          }
          String className = ClassNames.ofEntry(path);
          if (path.equals("module-info.class")) {
            descriptor = new Entry(path, nameOf(jar) + "!/" + path, null, bytes, "");
          } else if (className != null && weaver.selector().selects(className)) {
            if (signed) {
              report.failed(nameOf(jar) + "!/" + path, "Trap cannot weave " + className + ": "
                  + nameOf(jar) + " is signed, and a woven class would no longer match its"
                  + " signature. Leave the jar's classes out of <includes>, or its artifact out"
                  + " of <weaveDependencies>.", null);
              write(target, bytes);
            } else {
              toWeave.add(new Entry(path, nameOf(jar) + "!/" + path, className, bytes, "jar"));
            }
          } else {
            write(target, bytes);
          }
          if (className != null) {
            report.className(className);
          }
        }
      }
      for (Outcome outcome : map(toWeave, this::weave)) {
        outcome.write(temp);
        outcome.report(report);
        if (outcome.stamp != null && outcome.failure == null) {
          stamps.put(outcome.path, outcome.stamp);
        }
      }
      if (descriptor != null) {
        boolean anyWoven = stamps.values().stream().anyMatch(WovenCopy::isWovenStamp);
        write(temp.resolve(descriptor.path), descriptor(descriptor, anyWoven, report));
      }
      writeCallSites(temp, stamps, report);
      deleteRecursively(copy);
      Files.move(temp, copy, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      deleteRecursively(temp);
    }
    new WeaveState(configuration, stamps).save(stateFile);
    report.millis(report.millis() + millisSince(start));
  }

  private boolean isSelected(ClassFile file) {
    return file.isClass() && !file.isInfo() && weaver.selector().selects(file.className());
  }

  /** A class that was woven, or left alone, and unchanged since counts as it did then. */
  private static void reportUnchanged(String stamp, WeaveReport report) {
    if (isWovenStamp(stamp)) {
      report.upToDate();
    } else if (stamp.contains(LEFT_ALONE)) {
      report.leftAlone(stamp.substring(stamp.indexOf(LEFT_ALONE) + LEFT_ALONE.length()));
    }
  }

  private static boolean isWovenStamp(String stamp) {
    return stamp.endsWith(WOVEN) || stamp.contains(WOVEN + CALLS);
  }

  /** @return the methods whose calls the woven classes of the stamps trap, sorted */
  private static Set<String> callees(Map<String, String> stamps) {
    Set<String> callees = new TreeSet<>();
    for (String stamp : stamps.values()) {
      int start = stamp.indexOf(WOVEN + CALLS);
      if (start >= 0) {
        callees.addAll(List.of(stamp.substring(start + WOVEN.length() + CALLS.length())
            .split(" ")));
      }
    }
    return callees;
  }

  /**
   * Lists the methods whose calls the copy's classes trap, for the runtime: a patch of such a
   * method, of a class that is not woven, is then no mistake. No list when there are none.
   */
  private static void writeCallSites(Path directory, Map<String, String> stamps,
      WeaveReport report) throws IOException {
    Set<String> callees = callees(stamps);
    report.callees(callees);
    Path list = directory.resolve(CALL_SITES_RESOURCE);
    if (callees.isEmpty()) {
      Files.deleteIfExists(list);
      return;
    }
    AtomicFiles.write(list, (String.join("\n", callees) + "\n")
        .getBytes(StandardCharsets.UTF_8), null, null);
  }

  private static String sourceStamp(String stamp) {
    int bar = stamp.indexOf('|');
    return bar < 0 ? stamp : stamp.substring(0, bar);
  }

  private Outcome weave(ClassFile file) {
    try {
      return weave(new Entry(file.relativePath(), nameOf(file.path()), file.className(),
          Files.readAllBytes(file.path()), file.stamp()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Outcome weave(Entry entry) {
    String name = entry.displayName;
    if (Weaver.isWoven(entry.bytes)) {
      return Outcome.failed(entry, name + " is woven already: an earlier version of Trap wove"
          + " it in place, where the compiler put it. Run 'mvn clean' to compile it again.");
    }
    WeaveResult result;
    try {
      result = weaver.weave(entry.bytes, name);
    } catch (AlreadyWovenException e) {
      return Outcome.failed(entry, e.getMessage() + " Run 'mvn clean' to compile it again.");
    } catch (WeaveException e) {
      return Outcome.failed(entry, e.getMessage());
    }
    return Outcome.of(entry, result);
  }

  /**
   * A named module whose classes are woven must read Trap's runtime module: its descriptor in
   * the copy requires it. One whose classes are not is copied as it is.
   */
  private void copyDescriptor(ClassFile file, String before, boolean classesWoven,
      WeaveReport report, Map<String, String> stamps) throws IOException {
    String path = file.relativePath();
    if (before != null && sourceStamp(before).equals(file.stamp())
        && isWovenStamp(before) == classesWoven && Files.isRegularFile(copy.resolve(path))) {
      stamps.put(path, before);
      if (classesWoven) {
        report.moduleOpened();
      }
      return;
    }
    int failuresBefore = report.failures().size();
    byte[] bytes = descriptor(new Entry(path, nameOf(file.path()), null,
        Files.readAllBytes(file.path()), file.stamp()), classesWoven, report);
    AtomicFiles.write(copy.resolve(path), bytes, null, null);
    if (report.failures().size() == failuresBefore) {
      stamps.put(path, file.stamp() + (classesWoven ? WOVEN : ""));
    }
  }

  private byte[] descriptor(Entry entry, boolean classesWoven, WeaveReport report) {
    if (!classesWoven) {
      return entry.bytes;
    }
    try {
      WeaveResult result = weaver.weaveModuleDescriptor(entry.bytes, entry.displayName);
      if (result.isWoven()) {
        report.moduleOpened();
        return result.bytes();
      }
    } catch (WeaveException e) {
      report.failed(entry.displayName, e.getMessage(), e);
    }
    return entry.bytes;
  }

  private static void write(Path target, byte[] bytes) throws IOException {
    Files.createDirectories(target.getParent());
    Files.write(target, bytes);
  }

  private <T> List<Outcome> map(List<T> items, Function<T, Outcome> work) throws IOException {
    if (items.size() < PARALLEL_THRESHOLD) {
      try {
        return items.stream().map(work).collect(Collectors.toList());
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
    int threads = Math.min(Runtime.getRuntime().availableProcessors(), items.size());
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      // Collecting a parallel stream keeps the items' order, so the log is the same every time.
      return pool.submit(() -> items.parallelStream().map(work).collect(Collectors.toList()))
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while weaving into " + nameOf(copy), e);
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

  private static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK has SHA-256", e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    StringBuilder hex = new StringBuilder();
    for (byte b : digest.digest()) {
      hex.append(String.format("%02x", b));
    }
    return hex.toString();
  }

  /**
   * Deletes a directory and all below it, if it exists.
   *
   * @param directory the directory
   * @throws IOException if a file cannot be deleted
   */
  static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    Files.walkFileTree(directory, new SimpleFileVisitor<Path>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
          throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
        if (failure != null) {
          throw failure;
        }
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
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

  /** A class file read from a directory or a jar. */
  private static final class Entry {

    final String path;
    final String displayName;
    final String className;
    final byte[] bytes;
    final String stamp;

    Entry(String path, String displayName, String className, byte[] bytes, String stamp) {
      this.path = path;
      this.displayName = displayName;
      this.className = className;
      this.bytes = bytes;
      this.stamp = stamp;
    }
  }

  /** What became of one selected class file: the bytes for the copy, and what to report. */
  private static final class Outcome {

    final String path;
    final String displayName;
    final byte[] bytes;
    final String stamp;
    final WeaveResult result;
    final String failure;

    private Outcome(Entry entry, byte[] bytes, String stamp, WeaveResult result,
        String failure) {
      this.path = entry.path;
      this.displayName = entry.displayName;
      this.bytes = bytes;
      this.stamp = stamp;
      this.result = result;
      this.failure = failure;
    }

    static Outcome of(Entry entry, WeaveResult result) {
      String stamp = entry.stamp;
      if (result.isWoven()) {
        stamp += WOVEN;
        if (!result.callees().isEmpty()) {
          stamp += CALLS + String.join(" ", result.callees());
        }
      } else if (result.status() == WeaveResult.Status.LEFT_ALONE) {
        stamp += LEFT_ALONE + (result.reason() == null ? "no reason given" : result.reason());
      }
      return new Outcome(entry, result.isWoven() ? result.bytes() : entry.bytes, stamp,
          result, null);
    }

    /** A class that cannot be woven goes into the copy as it was: the tests still need it. */
    static Outcome failed(Entry entry, String message) {
      return new Outcome(entry, entry.bytes, null, null, message);
    }

    void write(Path directory) throws IOException {
      AtomicFiles.write(directory.resolve(path), bytes, null, null);
    }

    void report(WeaveReport report) {
      if (failure != null) {
        report.failed(displayName, failure, null);
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
