package dev.trap.maven;

import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Puts the original class files back over the woven ones, so that the packaged jar holds exactly
 * what a build without Trap would put there. Runs before packaging, after the tests.
 *
 * @since 0.1.0
 */
@Mojo(name = "restore", defaultPhase = LifecyclePhase.PREPARE_PACKAGE, threadSafe = true)
public class RestoreMojo extends AbstractTrapMojo {

  @Override
  protected void run() throws MojoExecutionException {
    long start = System.nanoTime();
    int restored;
    try {
      restored = InPlaceWeaver.restore(classesDirectory().toPath(), originalsDirectory().toPath());
    } catch (IOException e) {
      throw new MojoExecutionException("Trap could not put the original classes back into "
          + classesDirectory() + ": " + e.getMessage() + ". Run 'mvn clean' before packaging.", e);
    }
    getLog().info("Trap restored " + restored + (restored == 1 ? " original class" : " original"
        + " classes") + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
  }
}
