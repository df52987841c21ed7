package com.acme.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.billing.PriceCalculator;
import dev.trap.Call;
import dev.trap.Interceptor;
import dev.trap.MethodInfo;
import dev.trap.Mock;
import dev.trap.Registration;
import dev.trap.Trap;
import org.junit.jupiter.api.Test;

class CheckoutTest {

  @Test
  void pay_should_useThePrice_ofTheInterceptedModule() {
    Interceptor free = new Interceptor() {
      @Override
      public boolean appliesTo(MethodInfo method) {
        return method.declaringClass() == PriceCalculator.class && method.name().equals("net");
      }

      @Override
      public Object pre(Call call) {
        call.returnWith(0);
        return null;
      }
    };

    try (Registration registration = Trap.addThreadInterceptor(free)) {
      assertEquals("paid 0", new Checkout().pay(1000));
    }
    assertEquals("paid 900", new Checkout().pay(1000));
  }

  @Test
  void pay_should_usePatchedPrice_ofAnotherModule() {
    Mock.patch(PriceCalculator::net, (calculator, gross) -> 1);

    assertEquals("paid 1", new Checkout().pay(1000));
  }
}
