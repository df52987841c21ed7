package com.acme.billing;

import static org.junit.Assert.assertEquals;

import dev.trap.Mock;
import org.junit.Test;

/** JUnit 4, run by the Vintage engine on the JUnit Platform: patches end with each test too. */
public class VintageTest {

  @Test
  public void netShouldBeThePatchedOne() {
    Mock.patch(PriceCalculator::net, (calculator, gross, discount) -> 1);

    assertEquals(1, new PriceCalculator().net(1000, 10));
  }

  @Test
  public void netShouldBeTheRealOneWithoutAPatch() {
    assertEquals(900, new PriceCalculator().net(1000, 10));
  }
}
