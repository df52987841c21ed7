package com.acme.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trap.Mock;
import org.junit.jupiter.api.Test;

/** Run by Failsafe on the packaged jar, woven as it loads by Trap's agent. */
class PriceIT {

  @Test
  void currency_should_beThePatchedOne_inAnIntegrationTest() {
    Mock.patch(PriceCalculator::currency, calculator -> "CHF");

    assertEquals("CHF", new PriceCalculator().currency());
  }
}
