package com.acme.shop;

/** The time, as the shop reads it: a static method, with no seam for a test. */
public final class Clock {

  private Clock() {
  }

  public static long nowMillis() {
    return System.currentTimeMillis();
  }
}
