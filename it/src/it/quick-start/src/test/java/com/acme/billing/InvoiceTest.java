package com.acme.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trap.Mock;
import dev.trap.Recording;
import dev.trap.Traced;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvoiceTest {

  @Test
  @Traced // its call tree goes to target/trap-traces/, with a viewer: index.html
  void render_should_show_the_currency_that_the_patch_returns() {
    Mock.patch(PriceCalculator::currency, calculator -> "USD");
    Recording<Integer> nets = Mock.record(PriceCalculator::net);

    assertEquals("900 USD", new Invoice().render(1000));

    assertEquals(List.of(List.of(1000, 10)), nets.arguments());
    System.out.println("Trap patched PriceCalculator.currency() to return USD, and recorded:");
    System.out.println(nets);
  }

  @Test
  void render_should_show_the_real_currency_once_the_patching_test_is_over() {
    assertEquals("900 EUR", new Invoice().render(1000));
  }
}
