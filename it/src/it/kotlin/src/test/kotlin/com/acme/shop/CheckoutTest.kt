package com.acme.shop

import dev.trap.Mock
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class CheckoutTest {

  private val checkout = Checkout()

  @Test
  fun `a top-level function is patched through its file class`() {
    Mock.patchByName(Class.forName("com.acme.shop.ShopKt"), "vatPercent") { 0 }

    assertEquals(Money(1000), checkout.total(1000))
  }

  @Test
  fun `an object's method is patched`() {
    Mock.patchByName(Rates::class.java, "euroToDollar") { 2.0 }

    assertEquals(200.0, checkout.inDollars(100))
  }

  @Test
  fun `a function with default arguments is patched, whichever way it is called`() {
    Mock.patchByName(Class.forName("com.acme.shop.ShopKt"), "greet") { call ->
      "Hi, " + call.argument(0)
    }

    assertEquals("Hi, you", checkout.welcome())
    assertEquals("Hi, Ada", greet("Ada"))
  }

  @Test
  fun `a companion object's method and a data class's operator are patched`() {
    Mock.patchByName(Money.Companion::class.java, "zero") { Money(41) }

    assertEquals(Money(42), checkout.start())
  }

  @Test
  fun `a suspend function is patched, and the caller gets its value`() {
    Mock.patchByName(Warehouse::class.java, "stock") { 0 }

    assertFalse(runBlocking { checkout.available("apple") })
  }

  @Test
  fun `the real functions run once the patching tests are over`() {
    assertEquals(Money(1200), checkout.total(1000))
    assertEquals("Hello, you", checkout.welcome())
    assertTrue(runBlocking { checkout.available("apple") })
  }
}
