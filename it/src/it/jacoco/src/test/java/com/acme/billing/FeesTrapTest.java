package com.acme.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
