package dev.trap.weaver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trap.Call;
import dev.trap.Interceptor;
import dev.trap.MethodInfo;
import dev.trap.Registration;
import dev.trap.Target;
import dev.trap.Trap;
import dev.trap.weaver.testing.WovenClasses;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The reentrancy rule on woven code: an interceptor's hooks are its own bookkeeping and are not
 * trapped; the body that {@code proceed} runs and the code run through {@code callAsCaller} are
 * the caller's, and are. So patches compose.
 */
class ReentrancyTest {

  private final WovenClasses woven = WovenClasses.samples();
  private final Class<?> shop = woven.load("samples.Shop");
  private final List<Registration> registrations = new ArrayList<>();

  @AfterEach
  void removeInterceptors() {
    registrations.forEach(Registration::close);
  }

  private Object newShop(int base) throws Exception {
    return shop.getConstructor(int.class).newInstance(base);
  }

  private static Object invoke(Object receiver, String name, Object... arguments)
      throws Exception {
    for (Method method : receiver.getClass().getMethods()) {
      if (method.getName().equals(name) && method.getParameterCount() == arguments.length) {
        try {
          return method.invoke(receiver, arguments);
        } catch (InvocationTargetException e) {
          throw (Exception) e.getCause();
        }
      }
    }
    throw new NoSuchMethodException(name);
  }

  private int tax(int amount) throws Exception {
    return (int) shop.getMethod("tax", int.class).invoke(null, amount);
  }

  /** Replaces the body of a method of Shop, or Discount. */
  private void replace(Class<?> owner, String name, Replacement replacement) {
    registrations.add(Trap.addThreadInterceptor(new Interceptor() {
      @Override
      public Target target() {
        return Target.type(owner);
      }

      @Override
      public boolean appliesTo(MethodInfo method) {
        return method.name().equals(name);
      }

      @Override
      public Object pre(Call call) throws Throwable {
        call.returnWith(replacement.apply(call));
        return null;
      }
    }));
  }

  private interface Replacement {
    Object apply(Call call) throws Throwable;
  }

  @Test
  void proceed_should_run_the_real_body_of_static_instance_private_and_default_methods()
      throws Exception {
    replace(shop, "tax", call -> (int) call.proceed() + 1000);
    replace(shop, "fee", call -> (int) call.proceed() * 5);
    replace(woven.load("samples.Discount"), "discount", call -> (int) call.proceed() + 1);
    Object shop = newShop(10);

    assertEquals(1002, tax(20));
    assertEquals(17, invoke(shop, "price", "ab"));
    assertEquals(26, invoke(shop, "discount", 50));
  }

  @Test
  void proceed_should_run_the_declaring_class_body_and_not_an_override() throws Exception {
    replace(shop, "price", Call::proceed);
    Object outlet = woven.load("samples.Shop$Outlet").getConstructor().newInstance();

    // Outlet.price returns -super.price, and Shop's body gives 103. Had proceed dispatched to
    // Outlet's body, that would have negated it once more: 103.
    assertEquals(-103, invoke(outlet, "price", "ab"));
  }

  @Test
  void body_run_by_proceed_should_see_the_patches_of_the_methods_it_calls() throws Exception {
    replace(shop, "tax", call -> 7);
    replace(shop, "total", Call::proceed);

    // price("ab") is 13, patched tax 7; the real tax of 13 would be 1.
    assertEquals(20, invoke(newShop(10), "total", "ab"));
  }

  @Test
  void replacement_run_as_the_caller_should_see_other_patches_and_hooks_should_not()
      throws Exception {
    List<Integer> fromHook = new ArrayList<>();
    replace(shop, "tax", call -> 7);
    replace(shop, "fee", call -> {
      fromHook.add(tax(1000));
      return call.callAsCaller(() -> tax(1000));
    });

    assertEquals(10 + 2 + 7, invoke(newShop(10), "price", "ab"));
    assertEquals(List.of(100), fromHook, "a hook's own calls run unpatched");
  }

  @Test
  void proceed_of_a_constructor_should_fail_and_say_what_to_do() throws Exception {
    List<Throwable> thrown = new ArrayList<>();
    registrations.add(Trap.addThreadInterceptor(new Interceptor() {
      @Override
      public Target target() {
        return Target.method(shop, "<init>", "(I)V");
      }

      @Override
      public Object pre(Call call) throws Throwable {
        thrown.add(assertThrows(UnsupportedOperationException.class, call::proceed));
        return null;
      }
    }));

    newShop(1);

    assertEquals("proceed cannot run the body of constructor samples.Shop.<init>(int)"
        + " (Shop.java:8): its trap runs after super(...), within the object's construction."
        + " Let pre return instead, and the body runs.", thrown.get(0).getMessage());
  }
}
