package com.acme.reporting;

/** In no included package. */
public class Report {

  public String title() {
    return "report";
  }
}
