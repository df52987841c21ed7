package com.acme.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trap.Call;
import dev.trap.Interceptor;
import dev.trap.MethodInfo;
import dev.trap.Registration;
import dev.trap.Trap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvoiceTest {

  @Test
  void render_should_showTheCurrency_thatTheInterceptorReturns() {
    List<String> intercepted = new ArrayList<>();
    Interceptor dollars = new Interceptor() {
      @Override
      public boolean appliesTo(MethodInfo method) {
        return method.declaringClass() == PriceCalculator.class && !method.isConstructor();
      }

      @Override
      public Object pre(Call call) {
        intercepted.add(call.method().name() + Arrays.toString(call.arguments()));
        if (call.method().name().equals("currency")) {
          call.returnWith("USD");
        }
        return null;
      }
    };

    try (Registration registration = Trap.addThreadInterceptor(dollars)) {
      assertEquals("900 USD", new Invoice().render(1000));
    }
    assertEquals("900 EUR", new Invoice().render(1000));

    for (String call : intercepted) {
      System.out.println("Trap intercepted PriceCalculator." + call);
    }
    assertEquals(Arrays.asList("net[1000, 10]", "currency[]"), intercepted);
  }
}
