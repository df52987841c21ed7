package samples.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trap.Mock;
import dev.trap.Patch;
import dev.trap.Recording;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import samples.Calculator;
import samples.Discount;
import samples.Greeter;
import samples.Nest;
import samples.Family;
import samples.Level;
import samples.Op;
import samples.Shop;
import samples.Suppliers;
import java.util.function.Supplier;

/**
 * Mock's forms on woven samples. Loaded beside the woven samples by MockTest (dev.trap.weaver),
 * so that its method references name the woven classes; each public static method is one
 * scenario, run inside a JUnit test, whose scope its patches end with.
 */
public final class MockScenarios {

  private MockScenarios() {
  }

  public static void patchOfAStaticMethod() {
    try (Patch patch = Mock.patch(Calculator::add, (a, b) -> a * b)) {
      assertEquals(6, Calculator.add(2, 3));
      assertTrue(patch.isActive());
      assertEquals("samples.Calculator.add(int, int)", patch.method());
    }
    assertEquals(5, Calculator.add(2, 3));
  }

  public static void patchOfAnInstanceMethodForEveryInstance() {
    Mock.patch(Shop::price, (shop, sku) -> sku.length() * 100);

    assertEquals(200, new Shop(1).price("ab"));
    assertEquals(300, new Shop(7).price("abc"));
  }

  public static void patchesOfSeveralInstancesShouldEachHold() {
    Shop first = new Shop(1);
    Shop second = new Shop(2);
    Shop third = new Shop(3);
    Mock.patch(first::price, sku -> 100);
    Mock.patch(second::price, sku -> 200);

    assertEquals(100, first.price("ab"));
    assertEquals(200, second.price("ab"));
    assertEquals(6, third.price("ab"), "an instance not patched runs the real method");
  }

  public static void laterPatchShouldWinAndClosingItRestoreTheOneBefore() {
    Mock.patch(Shop::tax, amount -> 1);
    Patch later = Mock.patch(Shop::tax, amount -> 2);

    assertEquals(2, Shop.tax(500));
    later.close();
    assertEquals(1, Shop.tax(500));
  }

  public static void interceptShouldRunTheRealBodyOnDemand() {
    Mock.intercept(Shop::tax, call -> (int) call.proceed() + (int) call.proceed(1000));

    assertEquals(50 + 100, Shop.tax(500));
  }

  public static void replacementMayThrowWhatTheCallerThenCatches() {
    // A body that only throws fits a void method too: a method with a value takes it.
    Mock.patch(Greeter::named, name -> {
      throw new UncheckedIOException(new IOException("no greeter for " + name));
    });

    UncheckedIOException thrown =
        assertThrows(UncheckedIOException.class, () -> Greeter.named("Ada"));
    assertEquals("no greeter for Ada", thrown.getCause().getMessage());
  }

  public static void patchesShouldComposeThroughReplacementsAndRealBodies() {
    Mock.patch(Shop::price, (shop, sku) -> 1000);
    Mock.intercept(Shop::total, call -> call.proceed());

    // total's real body calls the patched price, and the real tax.
    assertEquals(1000 + 100, new Shop(1).total("ab"));
    Mock.patch(Shop::total, (shop, sku) -> shop.price(sku) + 1);
    assertEquals(1001, new Shop(1).total("ab"), "a replacement calling a patched method");
  }

  public static void patchByNameShouldReachAPrivateMethod() {
    Mock.patchByName(Shop.class, "fee", call -> 50);

    assertEquals(1 + 2 + 50, new Shop(1).price("ab"));
  }

  public static void defaultMethodOfAnInterfaceShouldBePatchable() {
    Mock.patch(Discount::discount, (discount, price) -> price);

    assertEquals(80, new Shop(1).discount(80));
  }

  public static void recordingShouldSeeCallsAsTheCallerDoes() {
    Recording<Integer> taxes = Mock.record(Shop::tax);
    Mock.patch(Shop::tax, amount -> amount / 2);

    new Shop(10).total("abc");   // price 14, patched tax 7
    Shop.tax(100);

    assertEquals(List.of(List.of(14), List.of(100)), taxes.arguments());
    assertEquals(List.of(7, 50), taxes.results());
    assertEquals(Thread.currentThread().getName(), taxes.last().thread());
    assertTrue(taxes.calls().get(0).sequence() < taxes.calls().get(1).sequence());
    assertTrue(taxes.toString().startsWith("Recording of samples.Shop.tax(int), 2 calls:\n  #"),
        taxes.toString());
    taxes.close();
    Shop.tax(1);
    assertEquals(2, taxes.count(), "a closed recording records no more");
  }

  public static void recordingOfAClassShouldSeeEveryMethodAndThrownExceptions() {
    Recording<Object> calculator = Mock.record(Calculator.class);

    Calculator.add(1, 2);
    assertThrows(ArithmeticException.class, () -> Calculator.divide(1, 0));

    assertEquals(2, calculator.count());
    assertEquals("add", calculator.calls().get(0).method().name());
    assertTrue(calculator.last().thrown() instanceof ArithmeticException);
    IllegalStateException notSingle = assertThrows(IllegalStateException.class,
        calculator::single);
    assertTrue(notSingle.getMessage().startsWith("Expected one call of the methods of"
        + " samples.Calculator, but there were 2:\n  #"), notSingle.getMessage());
  }

  public static void globalPatchShouldBeSeenOnEveryThread() throws Exception {
    AtomicInteger seen = new AtomicInteger();
    Patch patch = Mock.globally(() -> Mock.patch(Shop::tax, amount -> 9));
    try {
      Thread other = new Thread(() -> seen.set(Shop.tax(500)));
      other.start();
      other.join();
      assertEquals(9, seen.get());
      assertSame(dev.trap.Scope.global(), patch.scope());
    } finally {
      patch.close();
    }
  }

  public static void closedTwiceShouldDoNothing() {
    Patch patch = Mock.patch(Shop::tax, amount -> 0);
    Patch later = Mock.patch(Shop::tax, amount -> 1);
    later.close();
    later.close();

    assertFalse(later.isActive());
    assertEquals(0, Shop.tax(500), "the second close closed no other patch");
    patch.close();
    assertEquals(50, Shop.tax(500));
  }

  public static void referenceThroughASubclassShouldPatchAndRecordItsInstancesOnly() {
    Mock.patch(Family.Sub::m, sub -> "patched");
    Recording<String> calls = Mock.record(Family.Sub::m);

    assertEquals("patched", new Family.Sub().m());
    assertEquals("base", new Family().m(), "not the class that declares it");
    assertEquals("base", new Family.Sub2().m(), "not another subclass");
    assertEquals(1, calls.count(), calls.toString());
  }

  public static void boundReferenceShouldPatchWhatItsReceiverRuns() {
    Mock.patch(Level.HIGH::label, () -> "patched");
    Mock.patch(Op.PLUS::apply, (a, b) -> 0);

    assertEquals("patched", Level.HIGH.label(), "the constant's own body");
    assertEquals("low", Level.LOW.label());
    assertEquals(0, Op.PLUS.apply(2, 3), "a constant's body of an abstract method");
    assertEquals(6, Op.TIMES.apply(2, 3));
  }

  public static void patchByNameShouldTakeTheMethodWithABodyNotTheCompilersBridge() {
    Supplier<String> greeting = Suppliers.greeting();
    Mock.patchByName(greeting.getClass(), "get", call -> "patched");

    assertEquals("patched", greeting.get());
  }

  public static void patchByNameShouldReachAnInheritedMethodForTheClassNamed() {
    Mock.patchByName(Family.Sub.class, "m", call -> "patched");

    assertEquals("patched", new Family.Sub().m());
    assertEquals("base", new Family.Sub2().m());
  }

  public static String misspelledName() {
    return assertThrows(IllegalArgumentException.class,
        () -> Mock.patchByName(Shop.class, "prise", call -> 0)).getMessage();
  }

  public static String recursiveReplacement() {
    Mock.patch(Suppliers::twice, n -> Suppliers.twice(n) + 1);
    return assertThrows(StackOverflowError.class, () -> Suppliers.twice(1)).getMessage();
  }

  public static String undeclaredCheckedException() {
    Mock.patch(Suppliers::twice, n -> {
      throw new IOException("disk full");
    });
    IllegalStateException thrown =
        assertThrows(IllegalStateException.class, () -> Suppliers.twice(1));
    assertTrue(thrown.getCause() instanceof IOException);
    return thrown.getMessage();
  }

  public static void declaredCheckedExceptionShouldReachTheCaller() {
    Mock.patch(Suppliers::read, path -> {
      throw new IOException("no " + path);
    });

    IOException thrown = assertThrows(IOException.class, () -> Suppliers.read("a.txt"));
    assertEquals("no a.txt", thrown.getMessage());
  }

  /** Each form compiled as written, with no type witness or cast. */
  public static void formsShouldCompileAsWritten() {
    Mock.patch(Suppliers::twice, n -> {
      throw new IllegalStateException("replaced by one that throws");
    });
    assertThrows(IllegalStateException.class, () -> Suppliers.twice(1));
    // A statement expression fits a void method too: a method with a value takes it.
    Mock.patch(Shop::price, (shop, sku) -> Shop.tax(sku.length() * 100));
    assertEquals(20, new Shop(1).price("ab"));
    Mock.intercept(Shop::tax, call -> call.proceed());
    assertEquals(50, Shop.tax(500));
  }

  public static String unwovenClass() {
    return assertThrows(IllegalArgumentException.class,
        () -> Mock.patch(Unwoven::value, () -> 2)).getMessage();
  }

  public static String lambdaInsteadOfAReference() {
    return assertThrows(IllegalArgumentException.class,
        () -> Mock.patch(() -> Calculator.add(1, 2), () -> 0)).getMessage();
  }

  public static String constructorReference() {
    return assertThrows(IllegalArgumentException.class,
        () -> Mock.patch(Shop::new, base -> null)).getMessage();
  }

  public static String abstractMethod() {
    return assertThrows(IllegalArgumentException.class,
        () -> Mock.patch(Greeter::name, greeter -> "x")).getMessage();
  }

  public static String methodWithoutATrap() {
    return assertThrows(IllegalArgumentException.class,
        () -> Mock.patchByName(Nest.class, "lambda$viaLambda$0", call -> 0)).getMessage();
  }

  public static String overloadedName() {
    return assertThrows(IllegalArgumentException.class,
        () -> Mock.patchByName(Math.class, "max", call -> 0)).getMessage();
  }

  public static String absentName() {
    return assertThrows(IllegalArgumentException.class,
        () -> Mock.patchByName(Shop.class, "nothing", call -> 0)).getMessage();
  }

  public static String constructorByName() {
    return assertThrows(IllegalArgumentException.class,
        () -> Mock.patchByName(Shop.class, "<init>", call -> null)).getMessage();
  }

  public static String wrongResultType() {
    Mock.patchByName(Shop.class, "fee", call -> "free");
    return assertThrows(IllegalArgumentException.class, () -> new Shop(1).price("ab"))
        .getMessage();
  }
}
