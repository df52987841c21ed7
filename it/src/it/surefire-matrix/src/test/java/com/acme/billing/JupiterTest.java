package com.acme.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trap.Mock;
import org.junit.jupiter.api.Test;

class JupiterTest {

  @Test
  void currency_should_beThePatchedOne() {
    Mock.patch(PriceCalculator::currency, calculator -> "USD");

    assertEquals("USD", new PriceCalculator().currency());
  }

  @Test
  void currency_should_beTheRealOne_withoutAPatch() {
    assertEquals("EUR", new PriceCalculator().currency());
  }
}
