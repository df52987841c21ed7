package com.acme.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trap.Mock;
import org.junit.jupiter.api.Test;

class CheckoutTest {

  @Test
  void stamp_should_show_the_quote_and_the_time() throws Exception {
    Mock.patch(Clock::nowMillis, () -> 1_000L);
    Checkout checkout = new Checkout(new PriceService(4));

    assertEquals("7@1000", checkout.stampOnPool("ab"));
    assertEquals(7 + 0, checkout.total("ab"));
  }

  @Test
  void total_should_include_the_tax_but_the_expectation_is_wrong() {
    Checkout checkout = new Checkout(new PriceService(100));

    assertTrue(checkout.total("abc") > 200, "a failure, on purpose: its trace is kept");
  }
}
