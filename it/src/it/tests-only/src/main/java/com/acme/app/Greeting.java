package com.acme.app;

public class Greeting {

  public String text() {
    return "hello";
  }
}
