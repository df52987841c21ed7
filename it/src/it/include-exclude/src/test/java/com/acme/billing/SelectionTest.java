package com.acme.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.billing.generated.InvoiceDto;
import com.acme.reporting.Report;
import dev.trap.Call;
import dev.trap.Interceptor;
import dev.trap.Registration;
import dev.trap.Trap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelectionTest {

  @Test
  void interceptors_should_seeIncludedClasses_only() {
    List<String> seen = new ArrayList<>();
    Interceptor recorder = new Interceptor() {
      @Override
      public Object pre(Call call) {
        seen.add(call.method().declaringClass().getSimpleName() + "." + call.method().name());
        return null;
      }
    };

    try (Registration registration = Trap.addThreadInterceptor(recorder)) {
      new Invoice().total();
      new InvoiceDto().cents();
      new Report().title();
    }

    assertEquals(Arrays.asList("Invoice.<init>", "Invoice.total"), seen);
  }
}
