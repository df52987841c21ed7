package com.acme.billing.generated;

/** A class the plugin's tests exclude. */
public class InvoiceDto {

  public int cents() {
    return 0;
  }
}
