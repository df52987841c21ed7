package com.acme.billing;

public class Invoice {

  public int total() {
    return new PriceCalculator().net(100) + new Customer().discount();
  }
}
