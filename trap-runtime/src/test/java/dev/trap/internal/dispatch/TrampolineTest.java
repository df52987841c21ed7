package dev.trap.internal.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trap.Call;
import dev.trap.Interceptor;
import dev.trap.MethodInfo;
import dev.trap.Registration;
import dev.trap.Target;
import dev.trap.Trap;
import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher as woven code sees it, without a weaver: each test links a trap the way the
 * JVM would, through {@link Trampoline#bootstrap}, and calls it as a woven prologue would.
 */
class TrampolineTest {

  /**
   * The body of the woven method {@code price} stands for, which {@code proceed} runs. Its trap
   * is linked below, by hand, as it is not woven.
   */
  static long price(int count, String item) {
    if (item == null) {
      throw new IllegalArgumentException("no item");
    }
    return count * 10L + item.length();
  }

  /** The trap of {@code static long price(int count, String item)}, as if it were woven. */
  private final MethodHandle trap = link("price", "(ILjava/lang/String;)J",
      Modifier.PUBLIC | Modifier.STATIC, MethodType.methodType(Object.class, int.class,
          Object.class), "count,item");

  private static MethodHandle link(String name, String descriptor, int access, MethodType type,
      String names) {
    CallSite site = Trampoline.bootstrap(MethodHandles.lookup(), "trap", type,
        MethodMetadata.encode(access, 42, name, descriptor, Arrays.asList(names.split(",")),
            "TrampolineTest.java"));
    return site.dynamicInvoker();
  }

  private Interceptor onPrice(Interceptor hooks) {
    return new Interceptor() {
      @Override
      public boolean appliesTo(MethodInfo method) {
        return method.declaringClass() == TrampolineTest.class && method.name().equals("price");
      }

      @Override
      public Object pre(Call call) throws Throwable {
        return hooks.pre(call);
      }

      @Override
      public void post(Call call, Object state) throws Throwable {
        hooks.post(call, state);
      }
    };
  }

  @Test
  void trap_should_return_null_while_no_interceptor_applies() throws Throwable {
    assertNull(trap.invoke(3, "apple"));
    try (Registration other = Trap.addGlobalInterceptor(new Interceptor() {
      @Override
      public boolean appliesTo(MethodInfo method) {
        return false;
      }
    })) {
      assertNull(trap.invoke(3, "apple"));
    }
  }

  @Test
  void trap_should_hand_the_boxed_arguments_to_interceptors() throws Throwable {
    AtomicReference<Call> seen = new AtomicReference<>();
    try (Registration registration = Trap.addThreadInterceptor(onPrice(new Interceptor() {
      @Override
      public Object pre(Call call) {
        seen.set(call);
        return null;
      }
    }))) {
      Object call = trap.invoke(3, "apple");

      assertNotNull(call);
      assertSame(seen.get(), call);
      assertEquals(Arrays.asList(3, "apple"), Arrays.asList(seen.get().arguments()));
      assertEquals(Arrays.asList("count", "item"), seen.get().method().parameterNames());
      assertEquals("dev.trap.internal.dispatch.TrampolineTest.price(int, java.lang.String)"
          + " (TrampolineTest.java:42)", seen.get().method().toString());
      assertEquals(long.class, seen.get().method().returnType());
    }
    assertNull(trap.invoke(3, "apple"), "closing the registration disarms the trap");
  }

  @Test
  void trap_should_ignore_interceptors_of_other_threads() throws Throwable {
    AtomicReference<Registration> registration = new AtomicReference<>();
    Thread other = new Thread(
        () -> registration.set(Trap.addThreadInterceptor(onPrice(new Interceptor() { }))));
    other.start();
    other.join();
    try {
      assertNull(trap.invoke(3, "apple"));
    } finally {
      registration.get().close();
    }
  }

  @Test
  void exit_should_run_post_hooks_in_reverse_order_and_return_their_result() throws Throwable {
    List<String> order = new ArrayList<>();
    try (Registration first = Trap.addThreadInterceptor(onPrice(new Interceptor() {
      @Override
      public Object pre(Call call) {
        order.add("pre 1");
        return "state 1";
      }

      @Override
      public void post(Call call, Object state) {
        order.add("post 1 " + state + " " + call.result());
        call.returnWith((Long) call.result() + 1);
      }
    })); Registration second = Trap.addThreadInterceptor(onPrice(new Interceptor() {
      @Override
      public Object pre(Call call) {
        order.add("pre 2");
        return "state 2";
      }

      @Override
      public void post(Call call, Object state) {
        order.add("post 2 " + state + " " + call.result());
        call.returnWith(100L);
      }
    }))) {
      Object call = trap.invoke(3, "apple");
      assertEquals(false, Trampoline.isDone(call));

      assertEquals(101L, Trampoline.exit(5L, call));
      assertEquals(Arrays.asList("pre 1", "pre 2", "post 2 state 2 5", "post 1 state 1 100"),
          order);
    }
  }

  @Test
  void onThrow_should_rethrow_the_same_exception_when_no_call_was_trapped() {
    IllegalStateException thrown = new IllegalStateException("body failed");

    assertSame(thrown, assertThrows(IllegalStateException.class,
        () -> Trampoline.onThrow(thrown, null)));
  }

  @Test
  void onThrow_should_not_run_post_hooks_twice_when_a_post_hook_threw() throws Throwable {
    List<String> posts = new ArrayList<>();
    try (Registration registration = Trap.addThreadInterceptor(onPrice(new Interceptor() {
      @Override
      public void post(Call call, Object state) {
        posts.add("post");
        throw new IllegalArgumentException("from post");
      }
    }))) {
      Object call = trap.invoke(3, "apple");
      IllegalArgumentException fromExit = assertThrows(IllegalArgumentException.class,
          () -> Trampoline.exit(1L, call));
      // The woven handler catches what exit threw and hands it to onThrow: it must pass through.
      assertSame(fromExit, assertThrows(IllegalArgumentException.class,
          () -> Trampoline.onThrow(fromExit, call)));
      assertEquals(Arrays.asList("post"), posts);
    }
  }

  @Test
  void argument_should_return_what_pre_set() throws Throwable {
    try (Registration registration = Trap.addThreadInterceptor(onPrice(new Interceptor() {
      @Override
      public Object pre(Call call) {
        call.setArgument(1, "pear");
        return null;
      }
    }))) {
      Object call = trap.invoke(3, "apple");

      assertEquals(3, Trampoline.argument(call, 0));
      assertEquals("pear", Trampoline.argument(call, 1));
    }
  }

  @Test
  void pre_returning_a_value_should_complete_the_call_at_once() throws Throwable {
    try (Registration registration = Trap.addThreadInterceptor(onPrice(new Interceptor() {
      @Override
      public Object pre(Call call) {
        call.returnWith(7L);
        return null;
      }
    }))) {
      Object call = trap.invoke(3, "apple");

      assertTrue(Trampoline.isDone(call));
      assertEquals(7L, Trampoline.outcome(call));
    }
  }

  @Test
  void proceed_should_run_the_body_with_the_arguments_as_they_are_or_others() throws Throwable {
    List<Object> seen = new ArrayList<>();
    try (Registration registration = Trap.addThreadInterceptor(onPrice(new Interceptor() {
      @Override
      public Object pre(Call call) throws Throwable {
        seen.add(call.proceed());
        call.setArgument(0, 5);
        seen.add(call.proceed());
        seen.add(call.proceed(1, "pear"));
        try {
          call.proceed(1, null);
        } catch (IllegalArgumentException e) {
          seen.add(e.getMessage());
        }
        call.returnWith((Long) call.proceed() * 2);
        return null;
      }
    }))) {
      Object call = trap.invoke(3, "apple");

      assertTrue(Trampoline.isDone(call));
      assertEquals(110L, Trampoline.outcome(call));
    }
    assertEquals(Arrays.asList(35L, 55L, 14L, "no item"), seen);
  }

  @Test
  void proceed_should_refuse_what_does_not_fit_and_run_only_from_pre() throws Throwable {
    List<String> errors = new ArrayList<>();
    try (Registration registration = Trap.addThreadInterceptor(onPrice(new Interceptor() {
      @Override
      public Object pre(Call call) throws Throwable {
        try {
          call.proceed(1);
        } catch (IllegalArgumentException e) {
          errors.add(e.getMessage());
        }
        try {
          call.proceed(1, 2);
        } catch (IllegalArgumentException e) {
          errors.add(e.getMessage());
        }
        return null;
      }

      @Override
      public void post(Call call, Object state) throws Throwable {
        try {
          call.proceed();
        } catch (IllegalStateException e) {
          errors.add(e.getMessage());
        }
      }
    }))) {
      Trampoline.exit(0L, trap.invoke(3, "apple"));
    }
    String price = "dev.trap.internal.dispatch.TrampolineTest.price(int, java.lang.String)"
        + " (TrampolineTest.java:42)";
    assertEquals(Arrays.asList(
        "proceed of " + price + " takes 2 argument(s), one per parameter, not 1",
        "Cannot pass a java.lang.Integer (2) as argument 1 (item) of " + price
            + ", which takes java.lang.String",
        "proceed of " + price + " can only run from pre, before the body runs; in post the body"
            + " has run already"), errors);
  }

  @Test
  void hooks_should_not_be_trapped_but_code_run_as_the_caller_should() throws Throwable {
    List<String> seen = new ArrayList<>();
    try (Registration registration = Trap.addThreadInterceptor(onPrice(new Interceptor() {
      @Override
      public Object pre(Call call) throws Throwable {
        if (!call.argument(1).equals("outer")) {
          seen.add("pre " + call.argument(1));
          return null;
        }
        seen.add("from the hook: " + trap.invoke(1, "hook"));
        Object nested = call.callAsCaller(() -> {
          try {
            return trap.invoke(1, "as caller");
          } catch (Throwable e) {
            throw new IllegalStateException(e);
          }
        });
        seen.add("as the caller: " + (nested != null));
        Trampoline.exit(0L, nested);
        return null;
      }
    }))) {
      Trampoline.exit(0L, trap.invoke(1, "outer"));
    }
    assertEquals(Arrays.asList("from the hook: null", "pre as caller", "as the caller: true"),
        seen);
  }

  @Test
  void interceptor_failing_in_appliesTo_should_fail_adding_it_with_a_clear_message()
      throws Throwable {
    trap.invoke(1, "link it first");
    IllegalStateException thrown = assertThrows(IllegalStateException.class,
        () -> Trap.addThreadInterceptor(new Interceptor() {
          @Override
          public Target target() {
            return Target.type(TrampolineTest.class);
          }

          @Override
          public boolean appliesTo(MethodInfo method) {
            throw new UnsupportedOperationException("boom");
          }

          @Override
          public String toString() {
            return "Broken";
          }
        }));

    assertEquals("Interceptor Broken threw from appliesTo(dev.trap.internal.dispatch.TrampolineTest.price(int,"
        + " java.lang.String) (TrampolineTest.java:42)), so it was not added. appliesTo must not"
        + " throw: make it return false for the methods it cannot judge.", thrown.getMessage());
    assertEquals("boom", thrown.getCause().getMessage());
  }
}
