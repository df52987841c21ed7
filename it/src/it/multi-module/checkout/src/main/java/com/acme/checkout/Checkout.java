package com.acme.checkout;

import com.acme.billing.PriceCalculator;

public class Checkout {

  public String pay(int grossCents) {
    return "paid " + new PriceCalculator().net(grossCents);
  }
}
