package com.acme.shop;

/** Prices, with a private fee a test cannot name by reference. */
public class PriceService {

  private final int base;

  public PriceService(int base) {
    this.base = base;
  }

  public int quote(String sku) {
    return base + sku.length() + secretFee();
  }

  private int secretFee() {
    return 1;
  }

  public static int tax(int amount) {
    return amount / 10;
  }
}
