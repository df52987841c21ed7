package com.acme.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trap.Mock;
import org.junit.jupiter.api.Test;

class GreetingTest {

  @Test
  void text_should_beWhatThePatchSays() {
    Mock.patch(Greeting::text, greeting -> "patched");

    assertEquals("patched", new Greeting().text());
  }
}
