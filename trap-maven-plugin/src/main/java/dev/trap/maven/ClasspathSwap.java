package dev.trap.maven;

import java.io.File;
import java.util.HashMap;
import java.util.Map;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.project.MavenProject;

/**
 * Puts the woven copies in place of the originals for the tests of one project, and back again.
 *
 * <p>Surefire builds the test class path when it runs, from {@code
 * ${project.build.outputDirectory}} and the files of the project's resolved artifacts. Pointing
 * those at the woven copies between {@code weave} and {@code restore} makes the tests, and only
 * them, run against woven classes: the files on disk never change, so the packaged jar, the
 * reports of later goals and a later {@code exec:java} read the classes as compiled. The project
 * model lives only as long as the Maven run, so a run that ends between the two goals leaves
 * nothing behind.
 */
final class ClasspathSwap {

  private static final String KEY = ClasspathSwap.class.getName();
  private static final String OUTPUT_DIRECTORY = "";
  private static final String PROPERTY = "property:";
  /** Stands for a property the project did not have. */
  private static final String ABSENT = "\u0000absent";

  private ClasspathSwap() {
  }

  /**
   * Points the project's classes directory, and the files of some of its artifacts, at woven
   * copies. Applied twice, the originals of the first time are kept.
   *
   * @param project the project
   * @param classes the woven copy of its classes directory, or null to leave that
   * @param artifacts the woven copies of artifacts' files, by artifact
   */
  static synchronized void apply(MavenProject project, File classes,
      Map<Artifact, File> artifacts) {
    @SuppressWarnings("unchecked")
    Map<String, String> originals = (Map<String, String>) project.getContextValue(KEY);
    if (originals == null) {
      originals = new HashMap<>();
      project.setContextValue(KEY, originals);
    }
    if (classes != null) {
      originals.putIfAbsent(OUTPUT_DIRECTORY, project.getBuild().getOutputDirectory());
      project.getBuild().setOutputDirectory(classes.getAbsolutePath());
    }
    for (Map.Entry<Artifact, File> swap : artifacts.entrySet()) {
      Artifact artifact = swap.getKey();
      originals.putIfAbsent(artifact.getId(), artifact.getFile().getAbsolutePath());
      artifact.setFile(swap.getValue());
    }
  }

  /**
   * Sets a project property, such as {@code argLine}, for the tests; {@link #undo} puts back
   * what it was.
   *
   * @param project the project
   * @param name the property
   * @param value its value for the tests
   */
  static synchronized void setProperty(MavenProject project, String name, String value) {
    @SuppressWarnings("unchecked")
    Map<String, String> originals = (Map<String, String>) project.getContextValue(KEY);
    if (originals == null) {
      originals = new HashMap<>();
      project.setContextValue(KEY, originals);
    }
    String before = project.getProperties().getProperty(name);
    originals.putIfAbsent(PROPERTY + name, before == null ? ABSENT : before);
    project.getProperties().setProperty(name, value);
  }

  /**
   * Points the project back at its own classes directory and artifact files.
   *
   * @param project the project
   * @return true if anything was swapped
   */
  static synchronized boolean undo(MavenProject project) {
    @SuppressWarnings("unchecked")
    Map<String, String> originals = (Map<String, String>) project.getContextValue(KEY);
    if (originals == null) {
      return false;
    }
    String classes = originals.get(OUTPUT_DIRECTORY);
    if (classes != null) {
      project.getBuild().setOutputDirectory(classes);
    }
    for (Artifact artifact : project.getArtifacts()) {
      String file = originals.get(artifact.getId());
      if (file != null) {
        artifact.setFile(new File(file));
      }
    }
    for (Map.Entry<String, String> original : originals.entrySet()) {
      if (original.getKey().startsWith(PROPERTY)) {
        String name = original.getKey().substring(PROPERTY.length());
        if (original.getValue().equals(ABSENT)) {
          project.getProperties().remove(name);
        } else {
          project.getProperties().setProperty(name, original.getValue());
        }
      }
    }
    project.setContextValue(KEY, null);
    return true;
  }
}
