package com.acme.shop.generated;

/** Excluded from weaving, as generated code often is. */
public final class Unwoven {

  private Unwoven() {
  }

  public static int answer() {
    return 42;
  }
}
