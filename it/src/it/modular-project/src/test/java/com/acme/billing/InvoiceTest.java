package com.acme.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trap.Call;
import dev.trap.Interceptor;
import dev.trap.Registration;
import dev.trap.Target;
import dev.trap.Trap;
import org.junit.jupiter.api.Test;

class InvoiceTest {

  @Test
  void woven_class_of_a_named_module_should_reach_the_trap() {
    Interceptor dollars = new Interceptor() {
      @Override
      public Target target() {
        return Target.method(PriceCalculator.class, "currency", "()Ljava/lang/String;");
      }

      @Override
      public Object pre(Call call) {
        call.returnWith("USD");
        return null;
      }
    };

    try (Registration registration = Trap.addThreadInterceptor(dollars)) {
      assertEquals("900 USD", new Invoice().render(1000));
    }
    assertEquals("900 EUR", new Invoice().render(1000));
    assertEquals("com.acme.billing", Invoice.class.getModule().getName(),
        "the test runs on the module path");
  }
}
