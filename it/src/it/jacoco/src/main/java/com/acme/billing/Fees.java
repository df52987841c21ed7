package com.acme.billing;

/** Two methods, one of them tested: a coverage report has something to tell. */
public class Fees {

  public int fee(int cents) {
    if (cents > 10_000) {
      return cents / 100;
    }
    return 50;
  }

  public int refund(int cents) {
    if (cents < 0) {
      throw new IllegalArgumentException("negative");
    }
    return cents - fee(cents);
  }
}
