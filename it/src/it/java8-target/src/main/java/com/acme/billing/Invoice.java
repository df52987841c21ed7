package com.acme.billing;

import java.util.ArrayList;
import java.util.List;

public class Invoice {

  private final List<Long> lines = new ArrayList<Long>();

  public Invoice add(long cents) {
    lines.add(cents);
    return this;
  }

  public long total() {
    long total = 0;
    for (long line : lines) {
      total += line;
    }
    return total;
  }

  public static double rate(double amount, int percent) {
    return amount * percent / 100;
  }
}
