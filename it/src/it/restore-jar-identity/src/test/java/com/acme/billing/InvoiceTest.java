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
  void total_should_countTheInterceptedLines() {
    Interceptor threeLines = new Interceptor() {
      @Override
      public boolean appliesTo(MethodInfo method) {
        return method.name().equals("lines");
      }

      @Override
      public Object pre(Call call) {
        call.returnWith(3);
        return null;
      }
    };

    try (Registration registration = Trap.addThreadInterceptor(threeLines)) {
      assertEquals(300, new Invoice().total());
    }
  }
}
