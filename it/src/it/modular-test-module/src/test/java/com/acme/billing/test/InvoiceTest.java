package com.acme.billing.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.billing.Invoice;
import com.acme.billing.PriceCalculator;
import dev.trap.Call;
import dev.trap.Interceptor;
import dev.trap.Registration;
import dev.trap.Target;
import dev.trap.Trap;
import org.junit.jupiter.api.Test;

class InvoiceTest {

  @Test
  void woven_class_should_reach_the_trap_from_a_test_module() {
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
        "the class runs in its module");
    assertEquals("com.acme.billing.test", InvoiceTest.class.getModule().getName(),
        "the test runs in a module of its own");
  }
}
