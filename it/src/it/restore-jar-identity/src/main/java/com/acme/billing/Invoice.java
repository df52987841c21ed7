package com.acme.billing;

public class Invoice {

  public int total() {
    return lines() * 100;
  }

  int lines() {
    return 2;
  }

  /** A nested class, restored like any other. */
  public static class Line {

    public String text() {
      return "line";
    }
  }
}
