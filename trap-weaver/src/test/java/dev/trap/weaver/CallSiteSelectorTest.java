package dev.trap.weaver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CallSiteSelectorTest {

  @Test
  void unmatched_should_name_the_patterns_that_select_no_call_made() {
    List<String> patterns = List.of("java.lang.System#currentTimeMillis", "java.lang.Sytem#nanoTime",
        "java.util.Random#new", "com.acme.Config#TIMEOUT", "java.time.*#now");
    CallSiteSelector selector = CallSiteSelector.of(patterns);

    assertEquals(List.of("java.lang.Sytem#nanoTime", "java.time.*#now"),
        selector.unmatched(patterns, List.of("java/lang/System.currentTimeMillis()J",
            "java/util/Random.<init>()V", "com/acme/Config.TIMEOUT()Ljava/time/Duration;")));
  }
}
