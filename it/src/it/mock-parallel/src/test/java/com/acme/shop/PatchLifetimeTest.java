package com.acme.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trap.Mock;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A patch ends with its test, also when the test does not pass; one made in @BeforeAll holds
 * for the class's tests. In order, one at a time, beside the other classes.
 */
@Execution(ExecutionMode.SAME_THREAD)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PatchLifetimeTest {

  @BeforeAll
  static void patchForTheClass() {
    Mock.patchByName(PriceService.class, "secretFee", call -> 100);
  }

  @Test
  @Order(1)
  void patch_made_in_a_test_that_is_aborted() {
    Mock.patch(PriceService::tax, amount -> 0);
    assertEquals(0, PriceService.tax(100));

    Assumptions.abort("ends without passing");
  }

  @Test
  @Order(2)
  void should_be_gone_in_the_next_test_while_the_class_patch_holds() {
    assertEquals(10, PriceService.tax(100));
    assertEquals(102, new PriceService(0).quote("ab"));
  }
}
