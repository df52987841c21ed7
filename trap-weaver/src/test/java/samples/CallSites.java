package samples;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/** Calls of JDK methods, for call-site traps: static, virtual, interface, method references. */
public class CallSites {

  private static final long LOADED_AT = System.currentTimeMillis();

  private final long createdAt;

  public CallSites() {
    createdAt = System.currentTimeMillis();
  }

  public static long millis() {
    return System.currentTimeMillis();
  }

  public static String property(String name) {
    return System.getProperty(name);
  }

  public static int roll(Random random, int sides) {
    return random.nextInt(sides) + 1;
  }

  public static int size(List<String> list) {
    return list.size();
  }

  public static Instant nowThroughReference() {
    Supplier<Instant> clock = Instant::now;
    return clock.get();
  }

  public static int rollThroughBoundReference(Random random) {
    IntUnaryOperator roll = random::nextInt;
    return roll.applyAsInt(6);
  }

  /** A serializable reference must deserialize to the method it names: left as it is. */
  public static long millisThroughSerializableReference() {
    SerializableClock clock = System::currentTimeMillis;
    return clock.get();
  }

  public static long loadedAt() {
    return LOADED_AT;
  }

  public long createdAt() {
    return createdAt;
  }

  /** A clock whose lambdas serialize. */
  public interface SerializableClock extends Serializable {
    long get();
  }

  /** Default methods call through bridges of the interface. */
  public interface Timed {
    default long time() {
      return System.currentTimeMillis();
    }
  }

  /** Implements {@link Timed}. */
  public static class Timer implements Timed {
  }
}
