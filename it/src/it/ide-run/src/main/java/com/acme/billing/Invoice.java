package com.acme.billing;

/** Calls PriceCalculator directly, with no seam for a test to replace it. */
public class Invoice {

  private final PriceCalculator prices = new PriceCalculator();

  public String render(int grossCents) {
    return prices.net(grossCents, 10) + " " + prices.currency();
  }
}
