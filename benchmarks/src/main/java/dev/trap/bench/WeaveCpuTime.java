package dev.trap.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Weaving throughput in thread CPU time, the measure that the other processes of a busy machine
 * disturb least: each contender transforms each jar of the corpus, in rounds, and the CPU time of
 * this thread is taken around every jar. The contenders take turns within each round, in an order
 * that rotates from round to round, so that slow drifts of the machine (frequency, another
 * build) fall on all of them alike. The report gives medians, and the Trap/copy and JaCoCo/copy
 * ratios of each round, whose median is robust to a disturbed round.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.trap.bench.WeaveCpuTime \
 *     [warm-up rounds] [rounds] [--diagnose] [--only CONTENDER]
 * }</pre>
 *
 * <p>{@code --diagnose} adds the copy variants that take weaving's cost apart;
 * {@code --only TRAP} runs one contender alone, for a profiler.
 *
 * <p>Not a JMH benchmark, on purpose: JMH forks measure wall-clock time, and one contender per
 * fork never meets the others in the same JVM state.
 */
public final class WeaveCpuTime {

  private WeaveCpuTime() {
  }

  /**
   * @param args optional: warm-up rounds (default 10), measured rounds (default 21), then
   *     {@code --diagnose} or {@code --only CONTENDER}
   * @throws Exception if the corpus cannot be read
   */
  public static void main(String[] args) throws Exception {
    List<String> arguments = new ArrayList<>(Arrays.asList(args));
    List<Contender> chosen = new ArrayList<>();
    int only = arguments.indexOf("--only");
    if (only >= 0) {
      chosen.add(Contender.valueOf(arguments.get(only + 1)));
      arguments.subList(only, only + 2).clear();
    } else {
      boolean diagnose = arguments.remove("--diagnose");
      for (Contender contender : Contender.values()) {
        if (diagnose || !contender.isDiagnostic()) {
          chosen.add(contender);
        }
      }
    }
    Contender[] contenders = chosen.toArray(new Contender[0]);
    int warmUpRounds = arguments.size() > 0 ? Integer.parseInt(arguments.get(0)) : 10;
    int rounds = arguments.size() > 1 ? Integer.parseInt(arguments.get(1)) : 21;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    if (!threads.isCurrentThreadCpuTimeSupported()) {
      throw new IllegalStateException("This JVM cannot measure thread CPU time");
    }
    threads.setThreadCpuTimeEnabled(true);

    Corpus corpus = Corpus.load();
    System.out.println(corpus.summary());
    System.out.printf("JVM: %s %s, %d processors; %d warm-up rounds, %d measured rounds%n",
        System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
        Runtime.getRuntime().availableProcessors(), warmUpRounds, rounds);

    List<Corpus.Jar> jars = corpus.jars;
    // [round][jar][contender], in nanoseconds of this thread's CPU time.
    long[][][] times = new long[rounds][jars.size()][contenders.length];
    long sink = 0;
    for (int round = -warmUpRounds; round < rounds; round++) {
      for (int turn = 0; turn < contenders.length; turn++) {
        int contender = Math.floorMod(round + turn, contenders.length);
        for (int jar = 0; jar < jars.size(); jar++) {
          long start = threads.getCurrentThreadCpuTime();
          for (Corpus.ClassFile classFile : jars.get(jar).classes) {
            sink += contenders[contender].transform(classFile.bytes, classFile.name).length;
          }
          long elapsed = threads.getCurrentThreadCpuTime() - start;
          if (round >= 0) {
            times[round][jar][contender] = elapsed;
          }
        }
      }
    }

    System.out.printf("%nThread CPU time per pass, ms: median [min, max] of %d rounds%n", rounds);
    StringBuilder header = new StringBuilder(String.format("%-32s", "jar"));
    for (Contender contender : contenders) {
      header.append(String.format(" %-24s", contender));
    }
    System.out.println(header);
    for (int jar = 0; jar <= jars.size(); jar++) {
      String name = jar < jars.size() ? jars.get(jar).name : "all";
      StringBuilder line = new StringBuilder(String.format("%-32s", name));
      for (int contender = 0; contender < contenders.length; contender++) {
        double[] ms = new double[rounds];
        for (int round = 0; round < rounds; round++) {
          ms[round] = total(times[round], jar, contender) / 1e6;
        }
        line.append(String.format(" %-24s", stats(ms, "%.1f")));
      }
      System.out.println(line);
    }

    int copy = chosen.indexOf(Contender.ASM_COPY);
    if (copy >= 0 && contenders.length > 1) {
      System.out.printf("%nRatio to %s in the same round: median [min, max]%n", Contender.ASM_COPY);
      System.out.println(header);
      for (int jar = 0; jar <= jars.size(); jar++) {
        String name = jar < jars.size() ? jars.get(jar).name : "all";
        StringBuilder line = new StringBuilder(String.format("%-32s", name));
        for (int contender = 0; contender < contenders.length; contender++) {
          double[] ratios = new double[rounds];
          for (int round = 0; round < rounds; round++) {
            ratios[round] = (double) total(times[round], jar, contender)
                / total(times[round], jar, copy);
          }
          line.append(String.format(" %-24s", stats(ratios, "%.2f")));
        }
        System.out.println(line);
      }
    }
    // Printed so that no JIT can prove the transformations useless.
    System.out.printf("%n(%d bytes written in all)%n", sink);
  }

  /** @return the time of one jar, or of all jars when {@code jar} is past the last */
  private static long total(long[][] round, int jar, int contender) {
    if (jar < round.length) {
      return round[jar][contender];
    }
    long sum = 0;
    for (long[] perJar : round) {
      sum += perJar[contender];
    }
    return sum;
  }

  private static String stats(double[] values, String format) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    return String.format(format + " [" + format + ", " + format + "]", median, sorted[0],
        sorted[sorted.length - 1]);
  }
}
