package dev.trap.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Hands the rest of the build the classes as compiled once the tests have run: the project's
 * classes directory and dependencies are its own again, in place of the woven copies that
 * {@code weave} gave the tests. Bound to the {@code test} phase, where it runs after Surefire,
 * so that packaging, reports and goals that run the application (such as {@code exec:java}) in
 * the same build never see woven classes. The files on disk were never changed: the packaged jar
 * is the one a build without Trap makes.
 *
 * @since 0.1.0
 */
@Mojo(name = "restore", defaultPhase = LifecyclePhase.TEST, threadSafe = true)
public class RestoreMojo extends AbstractTrapMojo {

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Override
  protected void run() throws MojoExecutionException {
    if (ClasspathSwap.undo(project)) {
      getLog().info("Trap handed the build back " + project.getBuild().getOutputDirectory()
          .replace(project.getBasedir().getAbsolutePath() + java.io.File.separator, "")
          + " as compiled");
    }
  }
}
