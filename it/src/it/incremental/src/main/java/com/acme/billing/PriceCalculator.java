package com.acme.billing;

public class PriceCalculator {

  public int net(int gross) {
    return gross;
  }
}
