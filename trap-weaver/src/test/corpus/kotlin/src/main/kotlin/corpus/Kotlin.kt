package corpus

import kotlin.coroutines.Continuation
import kotlin.coroutines.CoroutineContext
import kotlin.coroutines.EmptyCoroutineContext
import kotlin.coroutines.startCoroutine

/** Kotlin output: data classes, defaults, companions, objects, extensions, when, suspend. */
data class Money(val cents: Long, val currency: String = "EUR") {
    operator fun plus(other: Money): Money = copy(cents = cents + other.cents)

    companion object {
        fun of(amount: Double, currency: String = "EUR") = Money(Math.round(amount * 100), currency)
    }
}

object Registry {
    private val names = mutableListOf<String>()

    fun register(name: String): Int {
        names += name
        return names.size
    }
}

fun String.shout(times: Int = 2): String = uppercase().repeat(times)

sealed class Shape {
    data class Circle(val r: Double) : Shape()
    data class Square(val side: Double) : Shape()
}

fun area(shape: Shape): Double = when (shape) {
    is Shape.Circle -> Math.PI * shape.r * shape.r
    is Shape.Square -> shape.side * shape.side
}

inline fun <T> measure(block: () -> T): T = block()

class Lazy(private val seed: Int) {
    lateinit var label: String
    val doubled: Int by lazy { seed * 2 }

    fun describe(prefix: String = "lazy", suffix: String? = null): String {
        label = prefix
        return "$label:$doubled${suffix ?: ""}"
    }
}

suspend fun fetch(id: Int): Int = id * 10

suspend fun total(ids: List<Int>): Int {
    var sum = 0
    for (id in ids) {
        sum += fetch(id)
    }
    return sum
}

fun runSuspend(block: suspend () -> Int): Int {
    var result = -1
    block.startCoroutine(object : Continuation<Int> {
        override val context: CoroutineContext = EmptyCoroutineContext
        override fun resumeWith(value: Result<Int>) {
            result = value.getOrThrow()
        }
    })
    return result
}

object Kotlin {
    @JvmStatic
    fun run(log: MutableList<String>) {
        log.add("money " + (Money.of(1.5) + Money(25)) + " " + Money(1, "USD").copy(cents = 3))
        log.add("object " + Registry.register("a") + Registry.register("b"))
        log.add("extension " + "ab".shout() + " " + "c".shout(3))
        log.add("when " + area(Shape.Square(3.0)) + " " + Math.round(area(Shape.Circle(1.0))))
        log.add("inline " + measure { 6 * 7 })
        log.add("lazy " + Lazy(4).describe() + " " + Lazy(5).describe("x", "!"))
        log.add("suspend " + runSuspend { total(listOf(1, 2, 3)) })
        log.add("sequence " + sequence { for (i in 1..3) yield(i * i) }.toList())
    }
}
