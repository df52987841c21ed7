package com.acme.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trap.Mock;
import dev.trap.Recording;
import dev.trap.Traced;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The viewer's "As a patch" and "As an assertion" for PriceService.quote, pasted as given. */
@Traced
class PatchFromTraceTest {

  @Test
  void the_copied_patch_should_pin_the_quote() {
    Mock.patch(PriceService::quote, (priceService, sku) -> 8);

    assertEquals(12, new Checkout(new PriceService()).total("ab"));
  }

  @Test
  void the_copied_assertion_should_check_the_arguments() {
    Recording<Integer> quoteCalls = Mock.record(PriceService::quote);
    new Checkout(new PriceService()).total("ab");
    assertEquals(Arrays.asList("ab"), quoteCalls.last().arguments());
  }
}
