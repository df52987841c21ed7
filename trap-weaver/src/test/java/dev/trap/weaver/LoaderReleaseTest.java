package dev.trap.weaver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.trap.internal.dispatch.Trampoline;
import dev.trap.weaver.testing.WovenClasses;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.TestExecutionListener;

/**
 * Case 5 of issue 14: once a test plan has finished, nothing of the JDK's (a class whose calls
 * woven code traps, a common pool's thread) keeps the runtime, and with it the test class loader
 * and every woven class, reachable. What runs the tests in Maven's own JVM ({@code forkCount=0})
 * or an IDE's would otherwise keep every run's classes for good.
 */
class LoaderReleaseTest {

  @TempDir
  Path classes;

  @Test
  void runtime_and_woven_classes_should_be_unloaded_once_the_test_plan_has_finished()
      throws Exception {
    Weaver weaver = Weaver.builder().include("samples.Stamp")
        .callSites(List.of("java.lang.System#currentTimeMillis")).build();
    write("samples.Stamp", weaver.weave(WovenClasses.original("samples.Stamp"), "Stamp")
        .bytes());
    write("samples.scenarios.LoaderScenario",
        WovenClasses.original("samples.scenarios.LoaderScenario"));
    Path list = classes.resolve("META-INF/dev.trap/call-sites.txt");
    Files.createDirectories(list.getParent());
    Files.write(list, "java/lang/System.currentTimeMillis()J\n".getBytes(StandardCharsets.UTF_8));

    WeakReference<ClassLoader> loader = runInALoaderOfItsOwn();
    for (int i = 0; i < 30 && loader.get() != null; i++) {
      ScopeOfWorkTest.collectGarbage();
    }

    assertNull(loader.get(), "something keeps the tests' class loader reachable");
  }

  /** In a method of its own, so that no local variable keeps the loader. */
  private WeakReference<ClassLoader> runInALoaderOfItsOwn() throws Exception {
    URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL(),
        locationOf(Trampoline.class), locationOf(TestExecutionListener.class),
        locationOf(org.junit.platform.engine.TestExecutionResult.class),
        locationOf(org.junit.platform.commons.util.Preconditions.class),
        locationOf(org.opentest4j.TestAbortedException.class)},
        ClassLoader.getSystemClassLoader().getParent());
    long[] seen = (long[]) loader.loadClass("samples.scenarios.LoaderScenario").getMethod("run")
        .invoke(null);
    assertArrayEquals(new long[] {42L, 42L}, seen);
    loader.close();
    return new WeakReference<>(loader);
  }

  private static URL locationOf(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation();
  }

  private void write(String className, byte[] bytes) throws Exception {
    Path file = classes.resolve(className.replace('.', '/') + ".class");
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }
}
