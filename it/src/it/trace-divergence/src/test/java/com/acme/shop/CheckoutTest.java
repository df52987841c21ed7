package com.acme.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CheckoutTest {

  @Test
  void total_should_be_the_quote_and_its_tax() {
    // Passes with the old pricing; the second build's new pricing makes it fail.
    assertEquals(9, new Checkout(new PriceService()).total("ab"));
  }
}
