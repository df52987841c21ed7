package samples;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/** Hand-overs the review expects to hold. */
public final class Held {
  private Held() {
  }

  public static long groupingBy() {
    Map<Long, List<Integer>> groups = IntStream.range(0, 200).boxed().parallel()
        .collect(Collectors.groupingBy(i -> Rates.rate()));
    return groups.size() == 1 ? groups.keySet().iterator().next() : -1;
  }

  public static long toMapMerge() {
    Map<Integer, Long> m = IntStream.range(0, 200).boxed().parallel()
        .collect(Collectors.toMap(i -> i % 3, i -> Rates.rate(), (a, b) -> a.equals(b) ? a : Long.valueOf(-1)));
    long v = m.get(0);
    return m.values().stream().allMatch(x -> x == v) ? v : -1;
  }

  public static long reduceCombiner() {
    return IntStream.range(0, 200).boxed().parallel()
        .reduce(0L, (acc, i) -> acc + Rates.rate(), (a, b) -> a + b) / 200;
  }

  public static long flatMapNested() {
    long[] all = LongStream.range(0, 20).parallel()
        .flatMap(i -> LongStream.range(0, 20).parallel().map(j -> Rates.rate())).toArray();
    return same(all);
  }

  public static long sortedWithComparator() {
    long[] out = new long[1];
    List<Integer> l = IntStream.range(0, 500).boxed().parallel()
        .sorted((a, b) -> { out[0] = Rates.rate(); return Integer.compare(b, a); })
        .collect(Collectors.toList());
    return out[0];
  }

  public static long iterateLimit() {
    return same(Stream.iterate(0L, i -> i + 1).parallel().limit(100)
        .mapToLong(i -> Rates.rate()).toArray());
  }

  public static long parallelStreamOfList() {
    List<Integer> list = Arrays.asList(new Integer[300]);
    return same(list.parallelStream().mapToLong(i -> Rates.rate()).toArray());
  }

  public static long findAny() {
    return IntStream.range(0, 1000).parallel().mapToLong(i -> Rates.rate()).filter(x -> true)
        .findAny().getAsLong();
  }

  public static long arraysParallelSetAll() {
    long[] a = new long[1000];
    Arrays.parallelSetAll(a, i -> Rates.rate());
    return same(a);
  }

  public static long chmForEach() {
    ConcurrentHashMap<Integer, Integer> m = new ConcurrentHashMap<>();
    for (int i = 0; i < 1000; i++) {
      m.put(i, i);
    }
    AtomicLong bad = new AtomicLong();
    AtomicLong v = new AtomicLong(-2);
    m.forEach(1, (k, x) -> {
      long r = Rates.rate();
      v.compareAndSet(-2, r);
      if (v.get() != r) {
        bad.incrementAndGet();
      }
    });
    return bad.get() == 0 ? v.get() : -1;
  }

  public static long parallelStreamInPoolTask(ExecutorService pool) throws Exception {
    return pool.submit(() -> same(IntStream.range(0, 200).parallel()
        .mapToLong(i -> Rates.rate()).toArray())).get();
  }

  public static long invokeAny(ExecutorService pool) throws Exception {
    Callable<Long> c = () -> Rates.rate();
    return pool.invokeAny(List.of(c, c));
  }

  public static long invokeAllNamed(ExecutorService pool) throws Exception {
    return pool.invokeAll(List.of(new Job(), new Job())).get(1).get();
  }

  public static long checked(ExecutorService pool) throws Exception {
    Callable<Long> c = () -> {
      throw new java.io.IOException("checked " + Rates.rate());
    };
    try {
      return pool.submit(c).get();
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause() instanceof java.io.IOException ? 1 : -1;
    }
  }

  public static CompletableFuture<Long> thenApplyOn(CompletableFuture<Long> source) {
    return source.thenApply(x -> x + Rates.rate());
  }

  public static ScheduledFuture<?> everyMs(ScheduledExecutorService s, List<Long> seen) {
    return s.scheduleAtFixedRate(() -> seen.add(Rates.rate()), 0, 1, TimeUnit.MILLISECONDS);
  }

  public static void execute(ExecutorService pool, Runnable r) {
    pool.execute(r);
  }

  private static long same(long[] values) {
    for (long x : values) {
      if (x != values[0]) {
        return -1;
      }
    }
    return values[0];
  }
}
