package dev.trap.weaver;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trap.weaver.testing.WovenClasses;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The agent's transformer: what it weaves, what it leaves, and what it tells the runtime. */
class LoadTimeWeavingTest {

  private final LoadTimeWeaving transformer =
      new LoadTimeWeaving(Weaver.builder().include("samples.**").build(), Set.of());

  private byte[] transform(String className, byte[] classFile) {
    return transformer.transform(getClass().getClassLoader(), className, null, null, classFile);
  }

  private static ProtectionDomain loadedFrom(Path location) throws Exception {
    return new ProtectionDomain(new CodeSource(location.toUri().toURL(), (Certificate[]) null),
        null);
  }

  /** Case 6 of issue 14: with JaCoCo or in an IDE, a test sees what it sees without them. */
  @Test
  void transform_should_weave_what_the_build_weaves_and_never_the_tests_own_classes()
      throws Exception {
    Path classes = Paths.get("target/classes");
    Path dependency = Paths.get("lib/pricing.jar");
    LoadTimeWeaving agent = new LoadTimeWeaving(Weaver.builder().include("samples.**").build(),
        Set.of(LoadTimeWeaving.normalized(classes), LoadTimeWeaving.normalized(dependency)));
    byte[] calculator = WovenClasses.original("samples.Calculator");

    assertTrue(Weaver.isWoven(agent.transform(null, "samples/Calculator", null,
        loadedFrom(classes), calculator)), "the main classes");
    assertTrue(Weaver.isWoven(agent.transform(null, "samples/Calculator", null,
        loadedFrom(dependency), calculator)), "a jar the build weaves");
    assertNull(agent.transform(null, "samples/Calculator", null,
        loadedFrom(Paths.get("target/test-classes")), calculator), "the tests' classes");
    assertNull(agent.transform(null, "samples/Calculator", null, null, calculator),
        "classes from nowhere known");
  }

  @Test
  void transform_should_weaveASelectedClass_andHandItsMarkerToTheRuntime() {
    byte[] woven = transform("samples/Calculator", WovenClasses.original("samples.Calculator"));

    assertTrue(Weaver.isWoven(woven));
    Map<String, String> markers = TrapAgent.wovenMarkers();
    assertTrue(markers.get("samples.Calculator").startsWith(Weaver.version()));
  }

  @Test
  void transform_should_leaveOtherClassesAlone() {
    assertNull(transform("dev/trap/weaver/Weaver", WovenClasses.original("dev.trap.weaver.Weaver")));
  }

  @Test
  void transform_should_leaveAClassTheBuildWoveAlready() {
    byte[] woven = transform("samples/Calculator", WovenClasses.original("samples.Calculator"));

    assertNull(transform("samples/Calculator", woven));
  }

  @Test
  void transform_should_leaveACorruptClassUnwoven_ratherThanFailItsLoading() {
    assertNull(transform("samples/Broken", new byte[] {(byte) 0xCA, (byte) 0xFE, 0, 0}));
  }
}
