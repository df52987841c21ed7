package dev.trap.bench;

import dev.trap.weaver.Weaver;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntBinaryOperator;
import java.util.function.LongSupplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of a trapped call site with no patch active: a woven class's calls of
 * {@code Math.floorMod} (cheap, so the trap's share shows) and {@code System.nanoTime} (the
 * clock), in three copies of the same class loaded side by side: as compiled ({@code plain*}),
 * woven ({@code woven*}, its methods' own traps), and woven with the two call sites opened
 * ({@code callSite*}). Each benchmark calls its copy through an interface that sees one receiver
 * class, so the JIT inlines the copy.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(3)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class CallSiteBenchmark {

  private static final String SUBJECT = "bench.callsite.JdkCalls";

  // Fields, not constants, so the JIT cannot fold the calls away.
  private int a = 1_000_003;
  private int b = 97;

  private IntBinaryOperator plainMod;
  private IntBinaryOperator wovenMod;
  private IntBinaryOperator callSiteMod;
  private LongSupplier plainClock;
  private LongSupplier wovenClock;
  private LongSupplier callSiteClock;

  /** @throws Exception if the copies cannot be woven or loaded */
  @Setup(Level.Trial)
  public void setUp() throws Exception {
    Object plain = load(null);
    Object woven = load(Weaver.builder().include("bench.callsite.**").build());
    Object callSite = load(Weaver.builder().include("bench.callsite.**")
        .callSites(List.of("java.lang.Math#floorMod", "java.lang.System#nanoTime")).build());
    plainMod = (IntBinaryOperator) plain;
    wovenMod = (IntBinaryOperator) woven;
    callSiteMod = (IntBinaryOperator) callSite;
    plainClock = (LongSupplier) plain;
    wovenClock = (LongSupplier) woven;
    callSiteClock = (LongSupplier) callSite;
    if (plainMod.applyAsInt(a, b) != callSiteMod.applyAsInt(a, b)) {
      throw new IllegalStateException("The copies compute different results");
    }
  }

  private static Object load(Weaver weaver) throws Exception {
    return Subjects.loader(weaver, SUBJECT).loadClass(SUBJECT).getConstructor().newInstance();
  }

  @Benchmark
  public int plainFloorMod() {
    return plainMod.applyAsInt(a, b);
  }

  @Benchmark
  public int wovenFloorMod() {
    return wovenMod.applyAsInt(a, b);
  }

  @Benchmark
  public int callSiteFloorMod() {
    return callSiteMod.applyAsInt(a, b);
  }

  @Benchmark
  public long plainNanoTime() {
    return plainClock.getAsLong();
  }

  @Benchmark
  public long wovenNanoTime() {
    return wovenClock.getAsLong();
  }

  @Benchmark
  public long callSiteNanoTime() {
    return callSiteClock.getAsLong();
  }
}
