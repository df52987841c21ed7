package com.acme.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trap.Mock;
import dev.trap.Recording;
import org.junit.jupiter.api.Test;

/** Runs only in the build with Trap; covers nothing that FeesTest does not. */
class FeesTrapTest {

  @Test
  void fee_should_beSeenByARecording_ofTheClassesAsJacocoInstrumentedThem() {
    Recording<Integer> fees = Mock.record(Fees::fee);

    assertEquals(50, new Fees().fee(1_000));

    assertEquals(1, fees.calls().size());
  }

  /** The includes match this class too: with Trap's agent as without it, tests are not woven. */
  @Test
  void test_class_should_stay_unwoven_whatever_weaves_the_classes() {
    IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
        () -> Mock.record(FeesTrapTest.class));

    assertTrue(thrown.getMessage().contains("the class is not woven"), thrown.getMessage());
  }
}
