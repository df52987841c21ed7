package com.acme.shop;

/** Prices: two per letter, and a fee that the new pricing raises. */
public class PriceService {

  public int quote(String sku) {
    return 2 * sku.length() + (Boolean.getBoolean("shop.newPricing") ? 4 : 2);
  }

  public static int tax(int amount) {
    return amount / 2;
  }
}
