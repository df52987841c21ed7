package com.acme.shop

import kotlinx.coroutines.delay

/** A top-level function: a static method of ShopKt. */
fun vatPercent(): Int = 20

/** Default arguments: greet() calls greet$default, which calls greet(String). */
fun greet(name: String = "you"): String = "Hello, $name"

/** An object: its methods are instance methods of the one INSTANCE. */
object Rates {
  fun euroToDollar(): Double = 1.1
}

/** A data class, with a companion object. */
data class Money(val cents: Long) {
  operator fun plus(other: Money): Money = Money(cents + other.cents)

  fun withVat(): Money = Money(cents + cents * vatPercent() / 100)

  companion object {
    fun zero(): Money = Money(0)
  }
}

/** A suspend function: a method that takes a Continuation. */
class Warehouse {
  suspend fun stock(item: String): Int {
    delay(1)
    return item.length
  }
}

/** What the tests call: each uses one of the forms above. */
class Checkout(private val warehouse: Warehouse = Warehouse()) {
  fun total(cents: Long): Money = Money(cents).withVat()

  fun inDollars(cents: Long): Double = cents * Rates.euroToDollar()

  fun welcome(): String = greet()

  fun start(): Money = Money.zero() + Money(1)

  suspend fun available(item: String): Boolean = warehouse.stock(item) > 0
}
