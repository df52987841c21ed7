package com.acme.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trap.Call;
import dev.trap.Interceptor;
import dev.trap.MethodInfo;
import dev.trap.Registration;
import dev.trap.Trap;
import java.io.File;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class InvoiceTest {

  @Test
  void total_should_useTheInterceptedPrice() {
    Interceptor free = new Interceptor() {
      @Override
      public boolean appliesTo(MethodInfo method) {
        return method.name().equals("net");
      }

      @Override
      public Object pre(Call call) {
        call.returnWith(0);
        return null;
      }
    };

    try (Registration registration = Trap.addThreadInterceptor(free)) {
      assertEquals(0, new Invoice().total());
    }
  }

  /** Makes a source newer than its class file, as saving it in an editor would. */
  @AfterAll
  static void editWhenAsked() {
    String edit = System.getProperty("sample.edit");
    if (edit != null && !new File(edit).setLastModified(System.currentTimeMillis() + 2000)) {
      throw new IllegalStateException("Could not touch " + edit);
    }
  }
}
