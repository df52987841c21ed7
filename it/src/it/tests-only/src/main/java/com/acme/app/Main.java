package com.acme.app;

public class Main {

  public static void main(String[] args) {
    System.out.println("The app says: " + new Greeting().text());
  }
}
