package dev.trap.internal.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class DescriptorParametersTest {

  @Test
  void typeNames_should_read_every_kind_of_parameter() {
    assertEquals(Arrays.asList("int", "long", "java.lang.String", "int[][]",
        "java.util.Map$Entry[]", "boolean", "char", "double", "float", "byte", "short"),
        DescriptorParameters.typeNames(
            "(IJLjava/lang/String;[[I[Ljava/util/Map$Entry;ZCDFBS)V"));
  }

  @Test
  void typeNames_should_be_empty_for_no_parameters() {
    assertEquals(Collections.emptyList(), DescriptorParameters.typeNames("()V"));
  }
}
