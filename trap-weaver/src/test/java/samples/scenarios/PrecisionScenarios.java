package samples.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trap.Mock;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;
import samples.Precise;
import samples.Suppliers;

/**
 * Patches that must mean exactly what they name, and fail saying why where they cannot; run by
 * dev.trap.weaver.PatchPrecisionTest in the woven loader.
 */
public final class PrecisionScenarios {

  private PrecisionScenarios() {
  }

  /** The object runs StringBox.get()String, which the compiler's bridge get()Object calls. */
  public static void boundReferenceThroughAGenericBase() {
    Precise.Box<String> box = new Precise.StringBox();
    Mock.patch(box::get, () -> "patched");
    assertEquals("patched", box.get(), "the body that object runs");
    assertEquals("real", new Precise.StringBox().get(), "another object");
  }

  /** A bound reference through a JDK generic interface, to a woven anonymous class. */
  public static void boundReferenceThroughAGenericInterface() {
    Supplier<String> greeting = Suppliers.greeting();
    Mock.patch(greeting::get, () -> "patched");
    assertEquals("patched", greeting.get());
  }

  /** The object runs the default of a sub-interface, the most specific. */
  public static void boundReferenceToADefaultOverriddenInASubInterface() {
    Precise.A c = new Precise.C();
    Mock.patch(c::m, () -> "patched");
    assertEquals("patched", c.m());
  }

  public static String boundReferenceToALambda() {
    Supplier<String> lambda = () -> "lambda";
    return assertThrows(IllegalArgumentException.class,
        () -> Mock.patch(lambda::get, () -> "patched")).getMessage();
  }

  public static String boundReferenceToAProxy() {
    Precise.Greeting proxy = (Precise.Greeting) Proxy.newProxyInstance(
        Precise.Greeting.class.getClassLoader(), new Class<?>[] {Precise.Greeting.class},
        (p, method, args) -> "proxied");
    return assertThrows(IllegalArgumentException.class,
        () -> Mock.patch(proxy::hello, () -> "patched")).getMessage();
  }

  /** Sub declares n(int), Base n(String): by name alone, Sub's n is either. */
  public static String patchByNameOverloadsSpreadOverClassAndSuperclass() {
    return assertThrows(IllegalArgumentException.class,
        () -> Mock.patchByName(Precise.Sub.class, "n", call -> "patched")).getMessage();
  }

  /** Base declares both o's; Sub declares none. */
  public static String patchByNameOverloadsInheritedOnly() {
    return assertThrows(IllegalArgumentException.class,
        () -> Mock.patchByName(Precise.Sub.class, "o", call -> "patched")).getMessage();
  }

  /** Named by descriptor, an inherited overload patches Sub's calls of it only. */
  public static void patchByNameOfAnInheritedOverloadByDescriptor() {
    Mock.patchByName(Precise.Sub.class, "o", "(I)Ljava/lang/String;", call -> "patched");
    assertEquals("patched", new Precise.Sub().o(1));
    assertEquals("o string", new Precise.Sub().o("s"));
    assertEquals("o int", new Precise.Base().o(1));
  }

  /** What the real body throws through proceed is the method's own, declared or not. */
  public static void interceptProceedingToARealBodyThatSneakyThrows() {
    assertThrows(IOException.class, Precise::sneaky, "unpatched");
    Mock.intercept(Precise::sneaky, call -> call.proceed());
    Throwable thrown = assertThrows(Throwable.class, Precise::sneaky);
    assertEquals(IOException.class, thrown.getClass(), String.valueOf(thrown));
  }

  /** A replacement's own undeclared checked exception is still refused. */
  public static String replacementThrowingAnUndeclaredCheckedException() {
    Mock.intercept(Precise::sneaky, call -> {
      throw new IOException("the replacement's");
    });
    return assertThrows(IllegalStateException.class, Precise::sneaky).getMessage();
  }

  /** A deep recursion of the real body, intercepted with proceed, is the body's own. */
  public static String deepRealRecursionIntercepted() {
    Mock.intercept(Precise::depth, call -> call.proceed());
    return assertThrows(StackOverflowError.class, () -> Precise.depth(10_000_000)).getMessage();
  }

  /** A replacement of the wrong result type compiles (Java infers a common type): it fails. */
  public static String replacementOfTheWrongResultType() {
    Mock.patch(samples.Shop::price, (shop, sku) -> "free");
    return assertThrows(RuntimeException.class, () -> new samples.Shop(1).price("ab"))
        .toString();
  }

  /** What held before, and must go on holding. */
  public static void held() {
    try (var p = Mock.patch(samples.Level.LOW::label, () -> "patched")) {
      assertEquals("patched", samples.Level.LOW.label());
      assertEquals("high!", samples.Level.HIGH.label());
    }
    try (var p = Mock.patch(Precise::depth, n -> n == 0 ? 100 : Precise.depth(n - 1))) {
      assertEquals(100, Precise.depth(50), "a recursive replacement that ends");
    }
    Precise.Pair pair = new Precise.Pair("l", "r");
    Precise.Pair other = new Precise.Pair("l", "r");
    try (var p = Mock.patch(pair::left, () -> "patched")) {
      assertEquals("patched", pair.left());
      assertEquals("l", other.left());
    }
    try (var p = Mock.patch(Precise.StaticSub::staticOfBase, () -> "patched")) {
      assertEquals("patched", Precise.StaticSub.callThroughSub());
    }
    try (var p = Mock.patch(Precise.Sub::n, (Precise.Sub sub, String s) -> "patched")) {
      assertEquals("patched", new Precise.Sub().n("x"));
      assertEquals("base x", new Precise.Base().n("x"));
    }
    samples.Shop.Outlet outlet = new samples.Shop.Outlet();
    try (var p = Mock.patch(outlet::price, sku -> 7)) {
      assertEquals(7, outlet.price("ab"));
      assertEquals(-103, new samples.Shop.Outlet().price("ab"), "another outlet");
    }
  }
}
