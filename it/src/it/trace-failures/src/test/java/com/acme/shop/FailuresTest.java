package com.acme.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trap.Traced;
import org.junit.jupiter.api.Test;

class FailuresTest {

  @Test
  void plain_test_should_pass() {
    assertEquals(7, new Checkout(new PriceService(4)).total("ab"));
  }

  @Test
  @Traced
  void traced_test_should_pass_and_keep_its_trace() {
    assertEquals(7, new Checkout(new PriceService(4)).total("ab"));
  }

  @Test
  void failing_test_should_keep_its_trace() {
    assertEquals(0, new Checkout(new PriceService(4)).total("ab"), "fails on purpose");
  }
}
