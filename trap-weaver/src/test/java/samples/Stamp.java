package samples;

import java.util.stream.IntStream;

/** Reads the clock, on the caller's thread and on the common pool's. */
public final class Stamp {

  private Stamp() {
  }

  public static long now() {
    return System.currentTimeMillis();
  }

  public static long[] nowOnCommonPool() {
    return IntStream.range(0, 64).parallel().mapToLong(i -> System.currentTimeMillis())
        .toArray();
  }
}
