package com.acme.billing;

/** A class for the plugin's tests to weave. */
public class Invoice {

  private final int cents;

  public Invoice(int cents) {
    this.cents = cents;
  }

  public int total(int taxPercent) {
    return cents + cents * taxPercent / 100;
  }

  public String stamp() {
    return "issued at " + System.currentTimeMillis();
  }

  /** A nested class, woven like any other. */
  public static final class Line {

    public String describe() {
      return "line";
    }
  }
}
