package com.acme.billing;

/** Works out prices; the test patches it without a mock framework or an interface. */
public class PriceCalculator {

  public int net(int grossCents, int discountPercent) {
    return grossCents - grossCents * discountPercent / 100;
  }

  public String currency() {
    return "EUR";
  }
}
