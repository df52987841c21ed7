package dev.trap.weaver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ClassSelectorTest {

  @ParameterizedTest
  @CsvSource({
      "com.acme.**, com.acme.Price, true",
      "com.acme.**, com.acme.billing.Invoice$Line, true",
      "com.acme.**, com.acmex.Price, false",
      "com.acme.*, com.acme.Price, true",
      "com.acme.*, com.acme.Price$Tax, true",
      "com.acme.*, com.acme.billing.Invoice, false",
      "com.acme.*Service, com.acme.PriceService, true",
      "com.acme.*Service, com.acme.PriceServiceImpl, false",
      "com.acme.Price, com.acme.Price, true",
      "com.acme.Price, com.acme.Price$Tax, false",
      "com.acme.Pric?, com.acme.Price, true",
      "**, com.acme.Price, true",
      "**, dev.trap.internal.dispatch.Trampoline, false",
      "**, dev.trap.Trap, false",
  })
  void selects_should_match_patterns(String include, String className, boolean selected) {
    ClassSelector selector = ClassSelector.of(List.of(include), List.of());

    assertEquals(selected, selector.selects(className));
  }

  @Test
  void selects_should_let_excludes_win_over_includes() {
    ClassSelector selector = ClassSelector.of(List.of("com.acme.**"),
        List.of("com.acme.generated.**"));

    assertTrue(selector.selects("com.acme.Price"));
    assertFalse(selector.selects("com.acme.generated.Dto"));
  }

  @Test
  void unmatchedIncludes_should_name_patterns_that_select_nothing() {
    ClassSelector selector = ClassSelector.of(List.of("com.acme.**", "org.typo.**"), List.of());

    assertEquals(List.of("org.typo.**"),
        selector.unmatchedIncludes(List.of("com.acme.Price", "com.acme.Tax")));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "''|it is empty",
      "com/acme/**|use dots between package names, not slashes",
      "com.acme.Price.class|name classes, not class files: drop '.class'",
      "com.acme.***|'***' means nothing: use '**'",
      "com..acme|a package name is empty",
      ".com.acme|a package name is empty",
      "com.acme.[A-Z]*|only letters, digits, '_', '$', '.', '*' and '?' may appear",
  })
  void of_should_reject_malformed_patterns_quoting_them(String pattern, String problem) {
    IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
        () -> ClassSelector.of(List.of("ok.**"), List.of(pattern)));

    assertEquals("Malformed exclude pattern '" + pattern + "': " + problem + ". Write a class or"
        + " package name with wildcards, such as com.acme.billing.** or com.acme.*Service",
        thrown.getMessage());
  }

  @Test
  void of_should_require_an_include() {
    IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
        () -> ClassSelector.of(List.of(), List.of()));

    assertEquals("No include pattern: name the packages to weave, such as com.acme.billing.**",
        thrown.getMessage());
  }
}
