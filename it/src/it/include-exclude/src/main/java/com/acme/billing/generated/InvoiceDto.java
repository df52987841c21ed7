package com.acme.billing.generated;

/** Generated code: excluded from weaving. */
public class InvoiceDto {

  public int cents() {
    return 100;
  }
}
