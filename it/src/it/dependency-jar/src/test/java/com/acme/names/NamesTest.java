package com.acme.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trap.Mock;
import dev.trap.Recording;
import org.apache.commons.lang3.StringUtils;
import org.junit.jupiter.api.Test;

class NamesTest {

  @Test
  void title_should_useThePatchedMethod_ofTheDependency() {
    Mock.patch(StringUtils::capitalize, name -> "Sir " + name);

    assertEquals("Dear Sir ada", new Names().title("ada"));
  }

  @Test
  void record_should_seeCallsIntoTheDependency() {
    Recording<String> capitalized = Mock.record(StringUtils::capitalize);

    assertEquals("Dear Ada", new Names().title("ada"));
    assertEquals("Ada", StringUtils.capitalize("ada"));

    assertEquals(2, capitalized.calls().size());
  }
}
