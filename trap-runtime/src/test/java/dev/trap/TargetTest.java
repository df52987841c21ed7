package dev.trap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetTest {

  @Test
  void of_should_give_the_jvm_descriptor_of_methods_and_constructors() throws Exception {
    assertEquals(Target.method(Map.class, "put",
        "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;"),
        Target.of(Map.class.getMethod("put", Object.class, Object.class)));
    assertEquals(Target.method(String.class, "<init>", "([CII)V"),
        Target.of(String.class.getConstructor(char[].class, int.class, int.class)));
    assertEquals("java.util.List.toArray([Ljava/lang/Object;)[Ljava/lang/Object;",
        Target.of(List.class.getMethod("toArray", Object[].class)).toString());
  }

  @Test
  void method_should_refuse_a_malformed_descriptor_with_what_one_looks_like() {
    for (String malformed : new String[] {"int", "(I", "(I)", "(Ljava/lang/String)V", "()VV",
        "(Q)V", "(L;)V"}) {
      IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
          () -> Target.method(String.class, "m", malformed), malformed);
      assertEquals("'" + malformed + "' is not a method descriptor: it must read like"
          + " (ILjava/lang/String;)J, the parameter types in parentheses and then the return"
          + " type, in JVM form", thrown.getMessage());
    }
    Target.method(String.class, "m", "([[JLjava/lang/String;Z)[I");
  }

  @Test
  void targets_should_contain_what_they_name() {
    assertTrue(Target.any().isAny());
    assertFalse(Target.type(String.class).isAny());
    assertFalse(Target.type(String.class).isMethod());
    assertTrue(Target.method(String.class, "length", "()I").isMethod());
    assertEquals("the methods of java.lang.String", Target.type(String.class).toString());
    assertEquals("every woven method", Target.any().toString());
  }
}
