package dev.trap.maven;

import dev.trap.weaver.Weaver;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Weaves the selected classes of {@code target/classes} in place, before the tests run, so that
 * tests can intercept their methods through {@code dev.trap.Trap}. The originals are kept aside
 * for the {@code restore} goal. Classes woven by an earlier build and unchanged since are left as
 * they are; classes compiled again since are woven again. Ends with one summary line.
 *
 * @since 0.1.0
 */
@Mojo(name = "weave", defaultPhase = LifecyclePhase.PROCESS_CLASSES, threadSafe = true,
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

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  private MavenSession session;

  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    try {
      new TraceSettings(trace, traceIncludes, traceExcludes)
          .applyTo(session.getUserProperties(), session);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("Trap's configuration of " + project.getId() + " is wrong: "
          + e.getMessage(), e);
    }
    Weaver weaver;
    try {
      weaver = Weaver.builder().includes(includes).excludes(excludes == null ? List.of() : excludes)
          .weaveLambdas(weaveLambdas).build();
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("Trap's configuration of " + project.getId() + " is wrong: "
          + e.getMessage(), e);
    }
    if (!classesDirectory().isDirectory()) {
      getLog().info("Trap has no classes to weave: " + relative(classesDirectory())
          + " does not exist");
      return;
    }
    WeaveReport report;
    try {
      report = new InPlaceWeaver(weaver, classesDirectory().toPath(),
          originalsDirectory().toPath(), project.getBasedir().toPath()).weave();
    } catch (IOException e) {
      throw new MojoExecutionException("Trap could not weave the classes of "
          + relative(classesDirectory())
          + ": " + e.getMessage() + ". Run 'mvn clean' and build again.", e);
    }
    for (String pattern : report.unmatchedIncludes()) {
      getLog().warn("Trap's include pattern '" + pattern + "' matches no class in "
          + relative(classesDirectory()) + ": check its spelling, or remove it.");
    }
    report.warnings().forEach(getLog()::warn);
    if (!failOnError) {
      report.failures().forEach(failure -> getLog().warn(failure.message()));
    }
    getLog().info(report.summary());
    if (failOnError && !report.failures().isEmpty()) {
      throw new MojoFailureException(failureMessage(report.failures()));
    }
    if (report.selectedClasses() > 0) {
      checkRuntime();
    }
  }

  /** Names a directory as a person at the project's root would: {@code target/classes}. */
  private String relative(File directory) {
    Path base = project.getBasedir().toPath().toAbsolutePath();
    Path path = directory.toPath().toAbsolutePath();
    return (path.startsWith(base) ? base.relativize(path) : path).toString();
  }

  /**
   * A skipped build is a build without Trap: classes an earlier build wove, and never restored
   * (a {@code mvn test} before), must not reach the tests or the jar woven.
   */
  @Override
  protected void skipped() throws MojoExecutionException {
    if (!originalsDirectory().isDirectory()) {
      return;
    }
    int restored;
    try {
      restored = InPlaceWeaver.restore(classesDirectory().toPath(), originalsDirectory().toPath());
    } catch (IOException e) {
      throw new MojoExecutionException("Trap could not put back the original classes of an"
          + " earlier build into " + relative(classesDirectory()) + ": " + e.getMessage()
          + ". Run 'mvn clean' and build again.", e);
    }
    if (restored > 0) {
      getLog().info("Trap put back " + restored + (restored == 1 ? " original class" : " original"
          + " classes") + " that an earlier build wove");
    }
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
