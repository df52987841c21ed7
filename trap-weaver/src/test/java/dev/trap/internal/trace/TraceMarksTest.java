package dev.trap.internal.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trap.CallTree;
import dev.trap.TracedCall;
import dev.trap.weaver.Weaver;
import dev.trap.weaver.testing.WovenClasses;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a trace says patches, interceptors and recordings did to each call (issue 18). */
class TraceMarksTest {

  private final WovenClasses woven = new WovenClasses(Weaver.builder().include("samples.**")
      .exclude("samples.scenarios.**").build(), "samples.");

  @Test
  void each_call_should_be_marked_with_what_acted_on_it() throws Exception {
    CallTree tree = (CallTree) woven.load("samples.scenarios.MarkScenarios")
        .getMethod("marked").invoke(null);

    List<String> marks = new ArrayList<>();
    for (TracedCall call : tree.roots()) {
      String[] kinds = ((TraceNode) call).marks;
      List<String> kindsOnly = new ArrayList<>();
      for (int i = 0; kinds != null && i < kinds.length; i += 2) {
        kindsOnly.add(kinds[i]);
      }
      marks.add(call.method().name() + kindsOnly);
    }
    // Intercepted and run as called: nothing changed, so no mark.
    assertEquals(Arrays.asList("negate[replaced]", "add[]", "twice[changed]", "sqrt[changed]",
        "next[recorded]"), marks);
    String[] patched = ((TraceNode) tree.roots().get(0)).marks;
    assertEquals("Mock.patch of samples.Calculator.negate(boolean) at MarkScenarios.java:23",
        patched[1]);
  }
}
