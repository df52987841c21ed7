package com.acme.billing;

public class PriceCalculator {

  public int net(int grossCents) {
    return grossCents * 90 / 100;
  }
}
