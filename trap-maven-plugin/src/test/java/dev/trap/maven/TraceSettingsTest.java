package dev.trap.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class TraceSettingsTest {

  private final Properties user = new Properties();
  private final Object build = new Object();

  @Test
  void settings_should_reach_the_user_properties() {
    new TraceSettings("failures", List.of("com.acme.**", "com.other.Shop#price*"),
        List.of("com.acme.Noisy")).applyTo(user, build);

    assertEquals("failures", user.getProperty("trap.trace"));
    assertEquals("com.acme.**,com.other.Shop#price*", user.getProperty("trap.trace.include"));
    assertEquals("com.acme.Noisy", user.getProperty("trap.trace.exclude"));
  }

  @Test
  void the_command_line_should_win_over_the_pom() {
    user.setProperty("trap.trace", "false");

    new TraceSettings("true", null, null).applyTo(user, build);

    assertEquals("false", user.getProperty("trap.trace"));
  }

  @Test
  void a_module_should_not_run_with_the_settings_of_the_module_before_it() {
    new TraceSettings("true", List.of("com.acme.**"), null).applyTo(user, build);

    new TraceSettings("failures", null, null).applyTo(user, build);

    assertEquals("failures", user.getProperty("trap.trace"));
    assertFalse(user.containsKey("trap.trace.include"));
    new TraceSettings(null, null, null).applyTo(user, build);
    assertFalse(user.containsKey("trap.trace"));
  }

  @Test
  void a_mode_it_does_not_know_should_fail_and_say_which_it_takes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new TraceSettings("yes", null, null).applyTo(user, build));

    assertTrue(e.getMessage().startsWith("trace is 'yes': it takes true (every test), failures"),
        e.getMessage());
  }

  @Test
  void a_pattern_with_slashes_should_fail_and_show_how_to_write_one() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new TraceSettings("true", List.of("com/acme/**"), null).applyTo(user, build));

    assertTrue(e.getMessage().startsWith("traceIncludes has the pattern 'com/acme/**', which"
        + " names no methods: write a class with dots"), e.getMessage());
  }

  @Test
  void a_wrong_pattern_on_the_command_line_should_fail_too() {
    user.setProperty("trap.trace.exclude", "com.acme.Shop#price()");

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new TraceSettings("true", null, null).applyTo(user, build));

    assertTrue(e.getMessage().contains("-Dtrap.trace.exclude"), e.getMessage());
  }
}
