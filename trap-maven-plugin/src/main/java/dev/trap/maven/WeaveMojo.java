package dev.trap.maven;

import dev.trap.weaver.CallSiteSelector;
import dev.trap.weaver.Weaver;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * Hands the tests woven classes: copies {@code target/classes} to {@code target/trap/classes}
 * with the selected classes woven, likewise the classes of reactor modules and of the
 * dependencies named in {@code weaveDependencies}, and points the tests at the copies. The
 * classes as compiled stay where they are, so nothing but the tests ever sees woven ones; the
 * {@code restore} goal hands them back to the rest of the build once the tests have run. Files
 * unchanged since the last build are not read again. Ends with one summary line per copy. A build
 * that runs no phase from {@code test} on, such as {@code mvn process-test-classes} (or on Maven
 * 4 {@code mvn test-compile}), goes on with the classes as compiled; it weaves the copies all the
 * same and writes {@code target/trap/javaagent.txt}, the JVM option that runs tests from an IDE
 * with Trap's agent.
 *
 * @since 0.1.0
 */
@Mojo(name = "weave", defaultPhase = LifecyclePhase.PROCESS_TEST_CLASSES, threadSafe = true,
    requiresDependencyResolution = ResolutionScope.TEST)
public class WeaveMojo extends AbstractTrapMojo {

  /**
   * The classes to weave, as patterns over class names: {@code *} matches within one package
   * name ({@code com.acme.*Service}), {@code **} across packages ({@code com.acme.billing.**}
   * is the package and all below it), {@code ?} one character. A pattern that matches no class
   * is reported with a warning; a malformed one fails the build.
   *
   * @since 0.1.0
   */
  @Parameter(property = "trap.includes", required = true)
  private List<String> includes;

  /**
   * Classes not to weave even though included, as patterns like those of {@code includes}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "trap.excludes")
  private List<String> excludes;

  /**
   * Whether the bodies of lambdas ({@code lambda$name$0} methods) get traps too. The method that
   * creates a lambda is woven either way.
   *
   * @since 0.1.0
   */
  @Parameter(property = "trap.weaveLambdas", defaultValue = "false")
  private boolean weaveLambdas;

  /**
   * Whether a class file that cannot be woven, such as a corrupt one, fails the build. If
   * {@code false}, it is reported with a warning, left unwoven, and the build goes on.
   *
   * @since 0.1.0
   */
  @Parameter(property = "trap.failOnError", defaultValue = "true")
  private boolean failOnError;

  /**
   * Traces the tests: {@code true} keeps the call tree of every test, {@code failures} those of
   * the tests that fail, {@code false} none (a test or class annotated {@code @Traced} still is).
   * The trees go to {@code target/trap-traces/}, with a viewer, {@code index.html}. Handed to the
   * test JVMs as the system property {@code trap.trace}; {@code -Dtrap.trace=...} on Maven's
   * command line wins over it.
   *
   * @since 0.2.0
   */
  // No property: Trap puts the settings into the user properties, where the next module of the
  // reactor would read them as its own.
  @Parameter
  private String trace;

  /**
   * The methods whose calls traces keep, as patterns: a class ({@code *} within a package name,
   * {@code **} across them), then optionally {@code #} and a method name with {@code *}, such as
   * {@code com.acme.billing.**} or {@code com.acme.billing.Invoice#render}. All woven methods
   * when empty. The calls of a method left out hand their children to the nearest call kept.
   * {@code -Dtrap.trace.include=...} (comma-separated) on Maven's command line wins over it.
   *
   * @since 0.2.0
   */
  @Parameter
  private List<String> traceIncludes;

  /**
   * The methods whose calls traces leave out, as patterns like those of {@code traceIncludes}.
   * {@code -Dtrap.trace.exclude=...} on Maven's command line wins over it.
   *
   * @since 0.2.0
   */
  @Parameter
  private List<String> traceExcludes;

  /**
   * Methods of other classes, such as the JDK's, whose calls from the woven classes go through
   * traps of their own, as {@code class#method} patterns: the class as in {@code includes}, the
   * method name with {@code *}, such as {@code java.lang.System#currentTimeMillis},
   * {@code java.time.*#now} or {@code java.nio.file.Files#*}. Tests then patch, record and trace
   * those calls as they do woven methods: {@code Mock.patch(System::currentTimeMillis, ...)}.
   * Only calls made from woven classes are trapped, and a call matches by the class it names as
   * compiled. Static, virtual and interface calls and method references are; constructor calls
   * and serializable method references are not.
   *
   * @since 0.2.0
   */
  @Parameter(property = "trap.callSites")
  private List<String> callSites;

  /**
   * Traps the calls of the JDK methods that make tests flaky, in addition to {@code callSites}:
   * the clock ({@code System.currentTimeMillis}, {@code nanoTime}, {@code java.time.*.now},
   * {@code Clock.system*}), {@code Thread.sleep}, {@code UUID.randomUUID}, randomness
   * ({@code Math.random}, {@code Random.next*}, {@code ThreadLocalRandom.next*}), environment
   * variables ({@code System.getenv}) and system properties ({@code System.getProperty}).
   *
   * @since 0.2.0
   */
  @Parameter(property = "trap.callSiteDefaults", defaultValue = "false")
  private boolean callSiteDefaults;

  /**
   * Dependencies whose classes are woven too, for the tests, as {@code groupId:artifactId}
   * patterns ({@code *} matches any run of characters): {@code org.acme:pricing-client},
   * {@code org.acme:*}. The includes and excludes pick their classes. Modules of the same
   * reactor need no entry: their classes are woven whenever the includes select some.
   * Each jar is copied with its selected classes woven into {@code target/trap/dependencies/},
   * once per checksum, and the tests use the copy in its place; the jar itself is never changed.
   *
   * @since 0.2.0
   */
  @Parameter(property = "trap.weaveDependencies")
  private List<String> weaveDependencies;

  /**
   * Where the woven copy of the classes goes. The tests run against it in place of
   * {@code target/classes}, which keeps the classes as compiled.
   *
   * @since 0.2.0
   */
  @Parameter(defaultValue = "${project.build.directory}/trap/classes", required = true)
  private File wovenDirectory;

  /**
   * Where the woven copies of dependencies go, one directory per artifact.
   *
   * @since 0.2.0
   */
  @Parameter(defaultValue = "${project.build.directory}/trap/dependencies", required = true)
  private File wovenDependenciesDirectory;

  /**
   * How the tests get woven classes: {@code false} hands them the woven copy in place of
   * {@code target/classes}; {@code true} weaves {@code target/classes} as the test JVM loads
   * them, through Trap's agent, added to the {@code argLine} (the agent jar is
   * {@code dev.trap:trap-weaver:agent}); {@code auto} does the latter when JaCoCo's agent is in
   * the {@code argLine}, so that JaCoCo sees the classes as compiled and its report matches them,
   * and the former otherwise.
   *
   * @since 0.2.0
   */
  @Parameter(property = "trap.loadTimeWeaving", defaultValue = "auto")
  private String loadTimeWeaving;

  /** Holds the JVM option that runs tests from an IDE with Trap's agent. */
  static final String AGENT_ARGUMENT_FILE = "javaagent.txt";

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Component
  private RepositorySystem repositorySystem;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  private MavenSession session;

  @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
  private MojoExecution mojoExecution;

  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    if (testsSkipped()) {
      getLog().info("Trap weaves nothing: maven.test.skip is set, so no test runs");
      return;
    }
    // Maven 4 runs process-test-classes within test-compile, and spring-boot:run forks
    // test-compile: such a build must go on with the classes as compiled. It prepares what a
    // test run from an IDE needs, and leaves the build's classes alone.
    boolean reachesTests = mojoExecution.getSource() == MojoExecution.Source.CLI
        || BuildPhases.reachTests(session.getGoals());
    if (reachesTests) {
      checkRestoreBound();
    }
    Map<String, String> testProperties;
    try {
      testProperties = new TreeMap<>(new TraceSettings(trace, traceIncludes, traceExcludes)
          .applyTo(session.getUserProperties(), session));
      // Where traces link a call to its source: the project's source roots, as its tests
      // (which run in its directory) find them.
      String roots = sourceRoots();
      session.getUserProperties().setProperty(SOURCE_ROOTS, roots);
      testProperties.put(SOURCE_ROOTS, roots);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("Trap's configuration of " + project.getId() + " is wrong: "
          + e.getMessage(), e);
    }
    Weaver weaver;
    DependencySelector dependencies;
    try {
      List<String> calls = new ArrayList<>(callSiteDefaults ? CallSiteSelector.DEFAULTS
          : List.of());
      if (callSites != null) {
        calls.addAll(callSites);
      }
      weaver = Weaver.builder().includes(includes).excludes(excludes == null ? List.of() : excludes)
          .callSites(calls).weaveLambdas(weaveLambdas).build();
      dependencies = new DependencySelector(
          weaveDependencies == null ? List.of() : weaveDependencies);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("Trap's configuration of " + project.getId() + " is wrong: "
          + e.getMessage(), e);
    }
    putBackClassesWovenInPlace();

    List<WeaveReport> reports = new ArrayList<>();
    // What Trap's agent weaves, when it does: what this build weaves, and not the tests.
    List<Path> agentLocations = new ArrayList<>();
    boolean weavesAtLoad = false;
    if (classesDirectory().isDirectory()) {
      WeaveReport report = new WeaveReport(Weaver.version());
      weave(() -> new WovenCopy(weaver, wovenDirectory.toPath(), base())
          .copyDirectory(classesDirectory().toPath(), report), classesDirectory());
      reports.add(report);
      agentLocations.add(classesDirectory().toPath());
      // The project's jar holds the same classes, as Failsafe's integration tests load them.
      agentLocations.add(projectJar());
      weavesAtLoad = weavesAtLoad();
    } else {
      getLog().info("Trap has no classes to weave: " + relative(classesDirectory())
          + " does not exist");
    }
    Map<Artifact, File> artifacts = new LinkedHashMap<>();
    for (Artifact artifact : project.getArtifacts()) {
      File file = artifact.getFile();
      if (file == null || isRuntime(artifact) || !(file.isDirectory() || isJar(file))) {
        continue;
      }
      boolean optedIn = dependencies.selects(artifact);
      if (!optedIn && !(isReactorModule(artifact) && selectsAny(weaver, file))) {
        continue;
      }
      File copy = new File(wovenDependenciesDirectory, artifact.getGroupId() + "/"
          + artifact.getArtifactId() + "-" + artifact.getBaseVersion()
          + (artifact.hasClassifier() ? "-" + artifact.getClassifier() : ""));
      WeaveReport report = new WeaveReport(Weaver.version(), artifact.getGroupId() + ":"
          + artifact.getArtifactId() + ":" + artifact.getVersion());
      WovenCopy wovenCopy = new WovenCopy(weaver, copy.toPath(), base());
      weave(() -> {
        if (file.isDirectory()) {
          wovenCopy.copyDirectory(file.toPath(), report);
        } else {
          wovenCopy.copyJar(file.toPath(), report);
        }
      }, file);
      if (optedIn && report.selectedClasses() == 0) {
        getLog().warn("Trap's <weaveDependencies> names " + artifact.getId() + ", but the"
            + " includes select none of its classes: add its packages to <includes>, or remove"
            + " it from <weaveDependencies>.");
      }
      reports.add(report);
      artifacts.put(artifact, copy);
      agentLocations.add(file.toPath());
    }
    File classes = null;
    if (classesDirectory().isDirectory()) {
      classes = wovenDirectory;
      Path agentSettings = wovenDirectory.toPath().resolveSibling(AgentSettings.FILE_NAME);
      weave(() -> AgentSettings.write(agentSettings, weaver, wovenDirectory.getName() + "/"
          + WovenCopy.CALL_SITES_RESOURCE, agentLocations, testProperties), classesDirectory());
      if (!reachesTests) {
        writeAgentArgumentForIdes(agentSettings, null);
      } else if (weavesAtLoad) {
        String argument = agentArgument(agentJar(), agentSettings);
        writeAgentArgumentForIdes(agentSettings, argument);
        addAgent(argument);
        classes = null;
      } else {
        writeAgentArgumentForIdes(agentSettings, null);
      }
    }
    for (String pattern : dependencies.unmatched(project.getArtifacts())) {
      getLog().warn("Trap's <weaveDependencies> pattern '" + pattern + "' matches no dependency"
          + " of " + project.getId() + ": check its spelling, or remove it.");
    }
    report(weaver, reports);
    if (!reachesTests) {
      getLog().info("Trap leaves this build (" + String.join(" ", session.getGoals()) + ") the"
          + " classes as compiled, as it stops before the tests."
          + (classesDirectory().isDirectory() ? " For test runs from an IDE, it wrote "
          + relative(new File(wovenDirectory.getParentFile(), AGENT_ARGUMENT_FILE)) + ": add its"
          + " line to the VM options of the IDE's JUnit run configurations." : ""));
      return;
    }
    ClasspathSwap.apply(project, classes, artifacts);
    if (reports.stream().anyMatch(report -> report.wovenClasses() > 0)) {
      TestPluginCheck.warning(project).ifPresent(getLog()::warn);
    }
    if (reports.stream().anyMatch(report -> report.selectedClasses() > 0)) {
      checkRuntime();
    }
  }

  /** The system property of the source roots, which the runtime's traces read. */
  static final String SOURCE_ROOTS = "trap.sourceRoots";

  /** @return the project's source roots, relative to it, separated as class paths are */
  private String sourceRoots() {
    List<String> roots = new ArrayList<>();
    for (String root : project.getCompileSourceRoots()) {
      roots.add(relative(new File(root)).replace(File.separatorChar, '/'));
    }
    return String.join(File.pathSeparator, roots);
  }

  /** The project property that carries JaCoCo's agent to the test JVM, or null. */
  private String jacocoProperty() {
    for (String name : project.getProperties().stringPropertyNames()) {
      if (AgentSettings.hasJacocoAgent(project.getProperties().getProperty(name))) {
        return name;
      }
    }
    return null;
  }

  private boolean weavesAtLoad() throws MojoFailureException {
    switch (loadTimeWeaving) {
      case "auto":
        return jacocoProperty() != null;
      case "true":
        return true;
      case "false":
        return false;
      default:
        throw new MojoFailureException("Trap's configuration of " + project.getId() + " is"
            + " wrong: loadTimeWeaving is '" + loadTimeWeaving + "', and may be auto, true or"
            + " false.");
    }
  }

  /**
   * Adds Trap's agent to the test JVM's command line, after JaCoCo's where it is there: the JVM
   * hands a class to the agents in their order, so JaCoCo identifies the class by the bytes as
   * compiled, which its report reads, and Trap weaves what JaCoCo made of them.
   */
  private void addAgent(String agentArgument) {
    String property = jacocoProperty() == null ? "argLine" : jacocoProperty();
    String before = project.getProperties().getProperty(property, "");
    ClasspathSwap.setProperty(project, property, (before + " " + agentArgument).trim());
    getLog().info("Trap weaves " + relative(classesDirectory()) + " as the tests load it, through"
        + " its agent in ${" + property + "}" + (jacocoProperty() == null ? ""
        : ", after JaCoCo's agent, whose report then matches the classes as compiled"));
  }

  private static String agentArgument(File agentJar, Path settings) {
    return "-javaagent:" + agentJar.getAbsolutePath() + "=" + settings.toAbsolutePath();
  }

  /**
   * Writes the JVM option that an IDE's test run needs, {@code target/trap/javaagent.txt}, with
   * the agent resolved into the local repository, unless {@code resolved} is that option already. Not being able to is no reason to fail a
   * build that does not need it: it says so in the file instead.
   */
  private void writeAgentArgumentForIdes(Path settings, String resolved)
      throws MojoExecutionException {
    String line = resolved;
    if (line == null) {
      try {
        line = agentArgument(agentJar(), settings);
      } catch (MojoExecutionException e) {
        line = "# " + e.getMessage();
      }
    }
    Path file = settings.resolveSibling(AGENT_ARGUMENT_FILE);
    byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
    weave(() -> AtomicFiles.write(file, bytes, null, null), classesDirectory());
  }

  private File agentJar() throws MojoExecutionException {
    ArtifactRequest request = new ArtifactRequest(new DefaultArtifact(RuntimeDependency.GROUP_ID,
        "trap-weaver", "agent", "jar", Weaver.version()),
        project.getRemotePluginRepositories(), null);
    try {
      return repositorySystem.resolveArtifact(session.getRepositorySession(), request)
          .getArtifact().getFile();
    } catch (ArtifactResolutionException e) {
      throw new MojoExecutionException("Trap could not resolve its agent, dev.trap:trap-weaver:"
          + Weaver.version() + ":jar:agent, which weaves the classes as the tests load them: "
          + e.getMessage() + ". Set <loadTimeWeaving>false</loadTimeWeaving> to weave a copy"
          + " instead.", e);
    }
  }

  private void report(Weaver weaver, List<WeaveReport> reports) throws MojoFailureException {
    List<String> classNames = new ArrayList<>();
    reports.forEach(report -> classNames.addAll(report.classNames()));
    for (String pattern : weaver.selector().unmatchedIncludes(classNames)) {
      getLog().warn("Trap's include pattern '" + pattern + "' matches no class in "
          + relative(classesDirectory()) + (reports.size() > 1 ? " or the dependencies woven"
          : "") + ": check its spelling, or remove it.");
    }
    List<String> callees = new ArrayList<>();
    reports.forEach(report -> callees.addAll(report.callees()));
    for (String pattern : weaver.callSites().unmatched(
        callSites == null ? List.of() : callSites, callees)) {
      getLog().warn("Trap's call site pattern '" + pattern + "' matches no call that the woven"
          + " classes make: check its spelling (class#method, such as"
          + " java.lang.System#currentTimeMillis), or remove it.");
    }
    List<WeaveReport.Failure> failures = new ArrayList<>();
    for (WeaveReport report : reports) {
      report.warnings().forEach(getLog()::warn);
      if (!failOnError) {
        report.failures().forEach(failure -> getLog().warn(failure.message()));
      }
      getLog().info(report.summary());
      failures.addAll(report.failures());
    }
    if (failOnError && !failures.isEmpty()) {
      throw new MojoFailureException(failureMessage(failures));
    }
  }

  /** Work on files that fails with an {@link IOException}. */
  private interface FileWork {
    void run() throws IOException;
  }

  private void weave(FileWork work, File source) throws MojoExecutionException {
    try {
      work.run();
    } catch (IOException e) {
      throw new MojoExecutionException("Trap could not weave the classes of " + relative(source)
          + ": " + e.getMessage() + ". Run 'mvn clean' and build again.", e);
    }
  }

  private boolean testsSkipped() {
    String skip = session.getUserProperties().getProperty("maven.test.skip",
        project.getProperties().getProperty("maven.test.skip"));
    return skip != null && (skip.isEmpty() || Boolean.parseBoolean(skip));
  }

  /**
   * Without {@code restore} the rest of the build would go on with the woven copy as the
   * project's classes, and package it.
   */
  private void checkRestoreBound() throws MojoFailureException {
    if (mojoExecution.getSource() == MojoExecution.Source.CLI) {
      return;
    }
    String pluginKey = mojoExecution.getMojoDescriptor().getPluginDescriptor().getPluginLookupKey();
    for (Plugin plugin : project.getBuildPlugins()) {
      if (plugin.getKey().equals(pluginKey)) {
        for (PluginExecution execution : plugin.getExecutions()) {
          if (execution.getGoals().contains("restore")) {
            return;
          }
        }
      }
    }
    throw new MojoFailureException("Trap's weave goal of " + project.getId() + " has no restore"
        + " goal beside it. weave hands the tests a woven copy of the classes; restore hands the"
        + " rest of the build the classes as compiled, so that nothing else runs or packages"
        + " woven ones. Add it to the execution of trap-maven-plugin:\n"
        + "    <goals><goal>weave</goal><goal>restore</goal></goals>");
  }

  private boolean isReactorModule(Artifact artifact) {
    for (MavenProject module : session.getProjects()) {
      if (module.getGroupId().equals(artifact.getGroupId())
          && module.getArtifactId().equals(artifact.getArtifactId())
          && module.getVersion().equals(artifact.getBaseVersion())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isRuntime(Artifact artifact) {
    return RuntimeDependency.GROUP_ID.equals(artifact.getGroupId())
        && RuntimeDependency.ARTIFACT_ID.equals(artifact.getArtifactId());
  }

  private static boolean isJar(File file) {
    return file.isFile() && file.getName().endsWith(".jar");
  }

  /** Reads names only: a module none of whose classes are selected is left as it is. */
  private static boolean selectsAny(Weaver weaver, File file) throws MojoExecutionException {
    try {
      for (String className : ClassNames.of(file.toPath())) {
        if (weaver.selector().selects(className)) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new MojoExecutionException("Trap could not read " + file + ": " + e.getMessage(), e);
    }
  }

  /** @return the project's jar: where packaging put it, or will put it by default */
  private Path projectJar() {
    File packaged = project.getArtifact() == null ? null : project.getArtifact().getFile();
    if (packaged != null && isJar(packaged)) {
      return packaged.toPath();
    }
    return new File(project.getBuild().getDirectory(), project.getBuild().getFinalName() + ".jar")
        .toPath();
  }

  private Path base() {
    return project.getBasedir().toPath();
  }

  /** Names a directory as a person at the project's root would: {@code target/classes}. */
  private String relative(File directory) {
    Path base = project.getBasedir().toPath().toAbsolutePath();
    Path path = directory.toPath().toAbsolutePath();
    return (path.startsWith(base) ? base.relativize(path) : path).toString();
  }

  /**
   * Trap 0.2 and before wove {@code target/classes} in place and kept the originals aside: a
   * build after one that stopped before {@code restore} puts them back, so that nothing woven
   * is left where the compiler's output belongs.
   */
  private void putBackClassesWovenInPlace() throws MojoExecutionException {
    if (!originalsDirectory().isDirectory()) {
      return;
    }
    int restored;
    try {
      restored = Originals.putBack(classesDirectory().toPath(), originalsDirectory().toPath());
    } catch (IOException e) {
      throw new MojoExecutionException("Trap could not put back the original classes of an"
          + " earlier build into " + relative(classesDirectory()) + ": " + e.getMessage()
          + ". Run 'mvn clean' and build again.", e);
    }
    if (restored > 0) {
      getLog().info("Trap put back " + restored + (restored == 1 ? " original class" : " original"
          + " classes") + " that an earlier build wove in " + relative(classesDirectory()));
    }
  }

  /**
   * A skipped build is a build without Trap: classes an earlier version wove in place, and never
   * restored, must not reach the tests or the jar woven.
   */
  @Override
  protected void skipped() throws MojoExecutionException {
    putBackClassesWovenInPlace();
  }

  private static String failureMessage(List<WeaveReport.Failure> failures) {
    StringBuilder message = new StringBuilder();
    if (failures.size() == 1) {
      message.append(failures.get(0).message());
    } else {
      message.append("Trap could not weave ").append(failures.size()).append(" class files:");
      failures.forEach(failure -> message.append("\n  ").append(failure.message()));
    }
    return message.append("\nTo leave such classes unwoven and go on, set <failOnError>false"
        + "</failOnError> (-Dtrap.failOnError=false).").toString();
  }

  private void checkRuntime() throws MojoFailureException {
    for (Artifact artifact : project.getArtifacts()) {
      if (RuntimeDependency.GROUP_ID.equals(artifact.getGroupId())
          && RuntimeDependency.ARTIFACT_ID.equals(artifact.getArtifactId())) {
        if (!Weaver.version().equals(artifact.getBaseVersion())) {
          getLog().warn(RuntimeDependency.otherVersion(artifact.getBaseVersion(),
              Weaver.version()));
        }
        return;
      }
    }
    throw new MojoFailureException(RuntimeDependency.missing(
        project.getGroupId() + ":" + project.getArtifactId(), Weaver.version()));
  }
}
