package com.acme.shop;

/** A checkout: the quote and its tax. */
public class Checkout {

  private final PriceService prices;

  public Checkout(PriceService prices) {
    this.prices = prices;
  }

  public int total(String sku) {
    int quote = prices.quote(sku);
    return quote + PriceService.tax(quote);
  }

  /** Many small calls: what a big trace holds. */
  public long totals(int count) {
    long sum = 0;
    for (int i = 0; i < count; i++) {
      sum += PriceService.tax(i);
    }
    return sum;
  }
}
