package com.acme.billing;

public class Customer {

  public int discount() {
    return 0;
  }
}
