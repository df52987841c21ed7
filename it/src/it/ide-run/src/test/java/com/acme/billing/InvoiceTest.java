package com.acme.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trap.Mock;
import org.junit.jupiter.api.Test;

class InvoiceTest {

  @Test
  void render_should_show_the_currency_that_the_patch_returns() {
    Mock.patch(PriceCalculator::currency, calculator -> "USD");

    assertEquals("900 USD", new Invoice().render(1000));
  }
}
