package com.acme.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trap.Call;
import dev.trap.Interceptor;
import dev.trap.MethodInfo;
import dev.trap.Registration;
import dev.trap.Trap;
import org.junit.jupiter.api.Test;

class InvoiceTest {

  @Test
  void wovenJava8Classes_should_beIntercepted() {
    Interceptor doubling = new Interceptor() {
      @Override
      public boolean appliesTo(MethodInfo method) {
        return method.name().equals("add") || method.name().equals("rate");
      }

      @Override
      public Object pre(Call call) {
        if (call.method().name().equals("add")) {
          call.setArgument(0, (Long) call.argument(0) * 2);
        } else {
          call.returnWith(1.5d);
        }
        return null;
      }
    };

    try (Registration registration = Trap.addThreadInterceptor(doubling)) {
      assertEquals(60L, new Invoice().add(10).add(20).total());
      assertEquals(1.5d, Invoice.rate(100, 7));
    }
    assertEquals(30L, new Invoice().add(10).add(20).total());
  }
}
