package dev.trap.weaver;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trap.weaver.testing.WovenClasses;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The agent's transformer: what it weaves, what it leaves, and what it tells the runtime. */
class LoadTimeWeavingTest {

  private final LoadTimeWeaving transformer =
      new LoadTimeWeaving(Weaver.builder().include("samples.**").build());

  private byte[] transform(String className, byte[] classFile) {
    return transformer.transform(getClass().getClassLoader(), className, null, null, classFile);
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
