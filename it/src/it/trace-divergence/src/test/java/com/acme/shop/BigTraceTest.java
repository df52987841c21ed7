package com.acme.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trap.Traced;
import org.junit.jupiter.api.Test;

/** A test whose trace holds 50,000 calls, kept whether it passes or not. */
class BigTraceTest {

  @Test
  @Traced
  void totals_should_sum_the_taxes() {
    assertEquals(624_975_000L, new Checkout(new PriceService()).totals(50_000));
  }
}
