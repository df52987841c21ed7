package dev.trap.weaver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trap.Call;
import dev.trap.Interceptor;
import dev.trap.MethodInfo;
import dev.trap.Registration;
import dev.trap.Trap;
import dev.trap.weaver.testing.WovenClasses;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What interceptors can do to calls of woven methods: the semantics of the trap end to end. */
class InterceptionTest {

  private final WovenClasses woven = WovenClasses.samples();
  private final Class<?> calculator = woven.load("samples.Calculator");
  private final List<Registration> registrations = new ArrayList<>();

  @AfterEach
  void removeInterceptors() {
    registrations.forEach(Registration::close);
  }

  private void onThisThread(Interceptor interceptor) {
    registrations.add(Trap.addThreadInterceptor(interceptor));
  }

  private static Interceptor on(String methodName, Interceptor hooks) {
    return new Interceptor() {
      @Override
      public boolean appliesTo(MethodInfo method) {
        return method.name().equals(methodName);
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

  private Object callStatic(String name, MethodType type, Object... arguments) throws Throwable {
    MethodHandle handle = MethodHandles.publicLookup().findStatic(calculator, name, type);
    return handle.invokeWithArguments(arguments);
  }

  private int add(int a, int b) throws Throwable {
    return (int) callStatic("add", MethodType.methodType(int.class, int.class, int.class), a, b);
  }

  private void addOnAnotherThread(String name) throws InterruptedException {
    Thread other = new Thread(() -> {
      try {
        add(1, 1);
      } catch (Throwable e) {
        throw new AssertionError(e);
      }
    }, name);
    other.start();
    other.join();
  }

  @Test
  void call_should_run_unchanged_when_no_interceptor_applies() throws Throwable {
    onThisThread(on("somethingElse", new Interceptor() { }));
    assertEquals(5, add(2, 3));
  }

  @Test
  void pre_should_see_method_arguments_and_post_the_result() throws Throwable {
    List<String> seen = new ArrayList<>();
    onThisThread(on("add", new Interceptor() {
      @Override
      public Object pre(Call call) {
        MethodInfo method = call.method();
        seen.add("pre " + method.declaringClass().getName() + "." + method.name()
            + method.descriptor() + " " + method.parameterNames() + " static=" + method.isStatic()
            + " " + method.sourceFile() + ":" + method.line() + " " + List.of(call.arguments())
            + " receiver=" + call.receiver() + " done=" + call.isDone());
        return null;
      }

      @Override
      public void post(Call call, Object state) {
        seen.add("post " + call.result() + " thrown=" + call.thrown() + " done=" + call.isDone());
      }
    }));

    assertEquals(5, add(2, 3));

    assertEquals(List.of(
        "pre samples.Calculator.add(II)I [a, b] static=true Calculator.java:13 [2, 3]"
            + " receiver=null done=false",
        "post 5 thrown=null done=true"), seen);
  }

  @Test
  void pre_should_change_arguments_of_every_type() throws Throwable {
    onThisThread(on("scale", new Interceptor() {
      @Override
      public Object pre(Call call) {
        call.setArgument(0, 100L);
        call.setArgument(1, 0.5d);
        call.setArgument(2, 7);
        return null;
      }
    }));
    Object instance = calculator.getConstructor(String.class).newInstance("c");
    MethodHandle scale = MethodHandles.publicLookup().findVirtual(calculator, "scale",
        MethodType.methodType(long.class, long.class, double.class, int.class));

    assertEquals(57L, (long) scale.invoke(instance, 1L, 1.0d, 1));
  }

  @Test
  void returnWith_in_pre_should_skip_the_body() throws Throwable {
    onThisThread(on("divide", new Interceptor() {
      @Override
      public Object pre(Call call) {
        call.returnWith(42);
        return null;
      }
    }));

    int result = (int) callStatic("divide", MethodType.methodType(int.class, int.class, int.class),
        1, 0);

    assertEquals(42, result);
  }

  @Test
  void skipped_body_should_still_run_post_hooks_of_earlier_interceptors() throws Throwable {
    List<String> order = new ArrayList<>();
    onThisThread(on("add", new Interceptor() {
      @Override
      public Object pre(Call call) {
        order.add("pre outer");
        return "outer state";
      }

      @Override
      public void post(Call call, Object state) {
        order.add("post outer " + state + " " + call.result());
      }
    }));
    onThisThread(on("add", new Interceptor() {
      @Override
      public Object pre(Call call) {
        order.add("pre inner");
        call.returnWith(-1);
        return "inner state";
      }

      @Override
      public void post(Call call, Object state) {
        order.add("post inner " + state);
      }
    }));
    onThisThread(on("add", new Interceptor() {
      @Override
      public Object pre(Call call) {
        order.add("never");
        return null;
      }
    }));

    assertEquals(-1, add(1, 1));
    assertEquals(List.of("pre outer", "pre inner", "post inner inner state",
        "post outer outer state -1"), order);
  }

  @Test
  void exception_thrown_by_pre_should_be_thrown_by_the_method_without_running_the_body()
      throws Throwable {
    IOException checked = new IOException("from pre");
    onThisThread(on("divide", new Interceptor() {
      @Override
      public Object pre(Call call) throws IOException {
        throw checked;
      }
    }));

    IOException thrown = assertThrows(IOException.class,
        () -> callStatic("divide", MethodType.methodType(int.class, int.class, int.class), 1, 0));
    assertSame(checked, thrown);
  }

  @Test
  void throwWith_in_pre_should_make_a_void_method_throw() throws Throwable {
    onThisThread(on("nothing", new Interceptor() {
      @Override
      public Object pre(Call call) {
        call.throwWith(new UnsupportedOperationException("patched"));
        return null;
      }
    }));

    UnsupportedOperationException thrown = assertThrows(UnsupportedOperationException.class,
        () -> callStatic("nothing", MethodType.methodType(void.class)));
    assertEquals("patched", thrown.getMessage());
  }

  @Test
  void post_should_see_the_exception_of_the_body_and_may_turn_it_into_a_result()
      throws Throwable {
    AtomicReference<Throwable> seen = new AtomicReference<>();
    onThisThread(on("divide", new Interceptor() {
      @Override
      public void post(Call call, Object state) {
        seen.set(call.thrown());
        call.returnWith(Integer.MAX_VALUE);
      }
    }));

    int result = (int) callStatic("divide", MethodType.methodType(int.class, int.class, int.class),
        1, 0);

    assertEquals(Integer.MAX_VALUE, result);
    assertEquals(ArithmeticException.class, seen.get().getClass());
  }

  @Test
  void exception_of_the_body_should_keep_its_stack_trace_through_the_trap() throws Throwable {
    onThisThread(on("divide", new Interceptor() { }));

    ArithmeticException thrown = assertThrows(ArithmeticException.class,
        () -> callStatic("divide", MethodType.methodType(int.class, int.class, int.class), 1, 0));

    StackTraceElement top = thrown.getStackTrace()[0];
    assertEquals("samples.Calculator.divide(Calculator.java:61)",
        top.getClassName() + "." + top.getMethodName() + "(" + top.getFileName() + ":"
            + top.getLineNumber() + ")");
    for (StackTraceElement element : thrown.getStackTrace()) {
      assertFalse(element.getClassName().startsWith("dev.trap.internal"), element.toString());
    }
  }

  @Test
  void exception_thrown_by_post_should_replace_the_result() throws Throwable {
    onThisThread(on("add", new Interceptor() {
      @Override
      public void post(Call call, Object state) {
        throw new IllegalStateException("post failed after " + call.result());
      }
    }));

    IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> add(1, 2));
    assertEquals("post failed after 3", thrown.getMessage());
  }

  @Test
  void post_should_replace_results_of_every_return_type() throws Throwable {
    onThisThread(new Interceptor() {
      @Override
      public boolean appliesTo(MethodInfo method) {
        return method.declaringClass().getSimpleName().equals("Calculator") && method.isStatic();
      }

      @Override
      public void post(Call call, Object state) {
        Class<?> type = call.method().returnType();
        if (type == boolean.class) {
          call.returnWith(Boolean.TRUE);
        } else if (type == char.class) {
          call.returnWith('z');
        } else if (type == byte.class) {
          call.returnWith((byte) -1);
        } else if (type == short.class) {
          call.returnWith((short) -2);
        } else if (type == float.class) {
          call.returnWith(-3f);
        } else if (type == double.class) {
          call.returnWith(-4d);
        } else if (type == int[].class) {
          call.returnWith(new int[] {9});
        }
      }
    });

    assertEquals(true, callStatic("negate", MethodType.methodType(boolean.class, boolean.class),
        true));
    assertEquals('z', callStatic("next", MethodType.methodType(char.class, char.class), 'a'));
    assertEquals((byte) -1, callStatic("half", MethodType.methodType(byte.class, byte.class),
        (byte) 8));
    assertEquals((short) -2, callStatic("twice", MethodType.methodType(short.class, short.class),
        (short) 8));
    assertEquals(-3f, callStatic("third", MethodType.methodType(float.class, float.class), 9f));
    assertEquals(-4d, callStatic("sqrt", MethodType.methodType(double.class, double.class), 9d));
    assertArrayEquals(new int[] {9},
        (int[]) callStatic("range", MethodType.methodType(int[].class, int.class), 3));
  }

  @Test
  void values_of_the_wrong_type_should_fail_with_a_message_naming_the_method() throws Throwable {
    onThisThread(on("add", new Interceptor() {
      @Override
      public Object pre(Call call) {
        IllegalArgumentException wrongArgument = assertThrows(IllegalArgumentException.class,
            () -> call.setArgument(1, "three"));
        assertEquals("Cannot pass a java.lang.String (three) as argument 1 (b) of"
            + " samples.Calculator.add(int, int) (Calculator.java:13), which takes int",
            wrongArgument.getMessage());
        IllegalArgumentException nullForInt = assertThrows(IllegalArgumentException.class,
            () -> call.returnWith(null));
        assertEquals("Cannot return null from samples.Calculator.add(int, int)"
            + " (Calculator.java:13), which returns int", nullForInt.getMessage());
        return null;
      }
    }));

    assertEquals(3, add(1, 2));
  }

  @Test
  void calls_made_by_interceptors_should_not_be_trapped_again() throws Throwable {
    List<Object> seen = new ArrayList<>();
    MethodHandle add = MethodHandles.publicLookup().findStatic(calculator, "add",
        MethodType.methodType(int.class, int.class, int.class));
    onThisThread(on("add", new Interceptor() {
      @Override
      public Object pre(Call call) throws Throwable {
        seen.add(call.argument(0));
        return (int) add.invoke(10, 10);
      }

      @Override
      public void post(Call call, Object state) throws Throwable {
        seen.add(state);
        seen.add((int) add.invoke(20, 20));
      }
    }));

    assertEquals(3, add(1, 2));
    assertEquals(List.of(1, 20, 40), seen);
  }

  @Test
  void thread_interceptor_should_not_see_calls_of_other_threads() throws Throwable {
    List<String> seen = new ArrayList<>();
    onThisThread(on("add", new Interceptor() {
      @Override
      public Object pre(Call call) {
        seen.add(Thread.currentThread().getName());
        return null;
      }
    }));
    addOnAnotherThread("other");
    add(2, 2);

    assertEquals(List.of(Thread.currentThread().getName()), seen);
  }

  @Test
  void global_interceptor_should_see_calls_of_every_thread() throws Throwable {
    List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    registrations.add(Trap.addGlobalInterceptor(on("add", new Interceptor() {
      @Override
      public Object pre(Call call) {
        seen.add(Thread.currentThread().getName());
        return null;
      }
    })));
    addOnAnotherThread("other");

    assertEquals(List.of("other"), seen);
  }

  @Test
  void closed_registration_should_stop_seeing_calls() throws Throwable {
    List<Object> seen = new ArrayList<>();
    Registration registration = Trap.addThreadInterceptor(on("add", new Interceptor() {
      @Override
      public Object pre(Call call) {
        seen.add(call.argument(0));
        return null;
      }
    }));
    add(1, 0);
    registration.close();
    registration.close();
    add(2, 0);

    assertEquals(List.of(1), seen);
    assertFalse(registration.isActive());
  }

  @Test
  void constructor_trap_should_run_after_super_with_the_new_object_as_receiver()
      throws Throwable {
    Class<?> constructors = woven.load("samples.Constructors");
    List<String> seen = new ArrayList<>();
    onThisThread(new Interceptor() {
      @Override
      public boolean appliesTo(MethodInfo method) {
        return method.declaringClass() == constructors && method.isConstructor();
      }

      @Override
      public Object pre(Call call) throws Exception {
        java.lang.reflect.Field base = call.receiver().getClass().getSuperclass()
            .getDeclaredField("base");
        base.setAccessible(true);
        seen.add(call.method().descriptor() + " base=" + base.get(call.receiver()));
        return null;
      }
    });

    constructors.getConstructor().newInstance();
    IllegalStateException failing = assertThrows(IllegalStateException.class, () -> {
      try {
        constructors.getConstructor(int.class).newInstance(3);
      } catch (java.lang.reflect.InvocationTargetException e) {
        throw e.getCause();
      }
    });

    assertEquals("failing constructor 3", failing.getMessage());
    assertEquals(List.of("(JLjava/lang/String;)V base=seven", "()V base=seven",
        "(I)V base=failing"), seen);
  }

  @Test
  void call_object_should_refuse_use_after_the_call() throws Throwable {
    AtomicReference<Call> kept = new AtomicReference<>();
    onThisThread(on("add", new Interceptor() {
      @Override
      public Object pre(Call call) {
        kept.set(call);
        return null;
      }
    }));
    add(1, 2);

    IllegalStateException thrown = assertThrows(IllegalStateException.class,
        () -> kept.get().returnWith(1));
    assertTrue(thrown.getMessage().startsWith("The call of samples.Calculator.add(int, int)"),
        thrown.getMessage());
    assertNull(kept.get().thrown());
  }
}
