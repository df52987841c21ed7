package com.acme.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.shop.generated.Unwoven;
import dev.trap.Mock;
import dev.trap.Patch;
import dev.trap.Recording;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every form of Mock, each in a test of its own; they all run at once. */
class MockFormsTest {

  @Test
  void patch_should_replace_a_static_method() {
    Mock.patch(Clock::nowMillis, () -> 1_000L);

    assertEquals("7@1000", new Checkout(new PriceService(4)).stamp("ab"));
  }

  @Test
  void patch_through_the_class_should_replace_the_method_on_every_instance() {
    Mock.patch(PriceService::quote, (self, sku) -> 42);

    assertEquals(42, new PriceService(1).quote("ab"));
    assertEquals(42 + 4, new Checkout(new PriceService(2)).total("ab"));
  }

  @Test
  void patch_through_an_instance_should_replace_the_method_on_it_alone() {
    PriceService patched = new PriceService(0);
    PriceService other = new PriceService(0);
    Mock.patch(patched::quote, sku -> 7);

    assertEquals(7, patched.quote("ab"));
    assertEquals(3, other.quote("ab"));
  }

  @Test
  void patchByName_should_reach_a_private_method() {
    Mock.patchByName(PriceService.class, "secretFee", call -> 0);

    assertEquals(2, new PriceService(0).quote("ab"));
  }

  @Test
  void intercept_should_run_the_real_body_on_demand() {
    Mock.intercept(PriceService::quote, call -> (int) call.proceed() * 10);

    assertEquals(30, new PriceService(0).quote("ab"));
  }

  @Test
  void patch_in_try_with_resources_should_end_with_the_block() {
    try (Patch free = Mock.patch(PriceService::tax, amount -> 0)) {
      assertEquals(0, PriceService.tax(100));
    }
    assertEquals(10, PriceService.tax(100));
  }

  @Test
  void record_should_see_the_calls_and_their_results() {
    Recording<Integer> taxes = Mock.record(PriceService::tax);

    new Checkout(new PriceService(0)).total("abcdefghij");

    assertEquals(List.of(List.of(11)), taxes.arguments());
    assertEquals(List.of(1), taxes.results());
  }

  @Test
  void patch_of_a_class_that_is_not_woven_should_fail_at_once() {
    IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
        () -> Mock.patch(Unwoven::answer, () -> 0));

    assertTrue(thrown.getMessage().startsWith("Mock.patch cannot patch"
        + " com.acme.shop.generated.Unwoven.answer(): class com.acme.shop.generated.Unwoven is"
        + " not woven. Trap weaves the classes that the <include> patterns of trap-maven-plugin"
        + " select: add <include>com.acme.shop.generated.**</include>"), thrown.getMessage());
  }
}
