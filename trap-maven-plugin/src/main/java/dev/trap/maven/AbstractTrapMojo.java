package dev.trap.maven;

import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What Trap's goals share: the switch that skips them, and the directories of the classes and
 * of their originals. Subclasses do their work in {@link #run()}; all of it lives in plain
 * classes, so the goals themselves stay a few lines each.
 *
 * @since 0.1.0
 */
public abstract class AbstractTrapMojo extends AbstractMojo {

  /**
   * Skips all of Trap's goals: no class is woven, so tests that intercept methods see no calls.
   *
   * @since 0.1.0
   */
  @Parameter(property = "trap.skip", defaultValue = "false")
  private boolean skip;

  /**
   * The directory of the compiled classes, which the tests get a woven copy of. It stays as the
   * compiler left it.
   *
   * @since 0.1.0
   */
  @Parameter(property = "trap.classesDirectory", defaultValue = "${project.build.outputDirectory}",
      required = true)
  private File classesDirectory;

  /**
   * Where Trap 0.1, which wove the classes directory in place, kept the original class files.
   * If an earlier build left originals there, they are put back into the classes directory.
   *
   * @since 0.1.0
   */
  @Parameter(property = "trap.originalsDirectory",
      defaultValue = "${project.build.directory}/trap/originals", required = true)
  private File originalsDirectory;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping Trap: trap.skip is set");
      skipped();
      return;
    }
    run();
  }

  /**
   * Runs instead of {@link #run()} when the goal is skipped.
   *
   * @throws MojoExecutionException if files cannot be read or written
   */
  protected void skipped() throws MojoExecutionException {
  }

  /**
   * Does the goal's work, unless skipped.
   *
   * @throws MojoExecutionException if files cannot be read or written
   * @throws MojoFailureException if the configuration or a class file is at fault
   */
  protected abstract void run() throws MojoExecutionException, MojoFailureException;

  /** @return the directory of the compiled classes */
  protected File classesDirectory() {
    return classesDirectory;
  }

  /** @return the directory where Trap 0.1 kept the originals of woven classes */
  protected File originalsDirectory() {
    return originalsDirectory;
  }
}
