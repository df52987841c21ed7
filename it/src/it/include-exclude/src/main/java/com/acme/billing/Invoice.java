package com.acme.billing;

public class Invoice {

  public int total() {
    return 100;
  }
}
