package dev.trap.bench;

import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Weaving throughput: one operation transforms every class file of the corpus (Guava, Jackson
 * databind, Spring Core) once, in memory. Trap is compared with a plain ASM copy, the floor of
 * any ASM transformer, and with JaCoCo's offline instrumentation. {@link WeaveCpuTime} measures
 * the same in thread CPU time, which the noise of other processes disturbs less.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(3)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
public class WeaveBenchmark {

  private Corpus corpus;

  /**
   * Reads the corpus.
   *
   * @throws Exception if the jars cannot be read
   */
  @Setup(Level.Trial)
  public void setUp() throws Exception {
    corpus = Corpus.load();
    System.out.println();
    System.out.println(corpus.summary());
  }

  /**
   * @param blackhole receives every transformed class file
   * @throws Exception never, as the corpus holds only class files every contender accepts
   */
  @Benchmark
  public void asmCopy(Blackhole blackhole) throws Exception {
    run(Contender.ASM_COPY, blackhole);
  }

  /**
   * @param blackhole receives every woven class file
   * @throws Exception never, as the corpus holds only class files every contender accepts
   */
  @Benchmark
  public void trap(Blackhole blackhole) throws Exception {
    run(Contender.TRAP, blackhole);
  }

  /**
   * @param blackhole receives every instrumented class file
   * @throws Exception never, as the corpus holds only class files every contender accepts
   */
  @Benchmark
  public void jacoco(Blackhole blackhole) throws Exception {
    run(Contender.JACOCO, blackhole);
  }

  private void run(Contender contender, Blackhole blackhole) throws Exception {
    for (Corpus.ClassFile classFile : corpus.all) {
      blackhole.consume(contender.transform(classFile.bytes, classFile.name));
    }
  }
}
