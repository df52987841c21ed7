package com.acme.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FeesTest {

  @Test
  void fee_should_beFlat_forSmallAmounts() {
    assertEquals(50, new Fees().fee(1_000));
  }
}
