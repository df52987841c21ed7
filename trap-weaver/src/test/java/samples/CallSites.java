package samples;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/** Calls of JDK methods, for call-site traps: static, virtual, interface, method references. */
public class CallSites {

  private static final long LOADED_AT = System.currentTimeMillis();

  /** Static, final, and read at run time: set from a method, it is no constant. */
  public static final String GREETING = greetingText();

  /** A static field that changes. */
  public static int limit = 10;

  /** A compile-time constant: javac copies 3 into every read. */
  public static final int CONSTANT = 3;

  /** An instance field. */
  public int counter;

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

  private static String greetingText() {
    return "hello";
  }

  public static String greeting() {
    return GREETING;
  }

  public static int limit() {
    return limit;
  }

  public static int constant() {
    return CONSTANT;
  }

  public static Random newRandom() {
    return new Random();
  }

  public static String built(String text) {
    return new StringBuilder(text).append('!').toString();
  }

  /** A branch between the new and its constructor call: frames hold the unmade object. */
  public static int builtFromEither(boolean yes) {
    return new StringBuilder(yes ? "yes" : "no").length();
  }

  public static List<String> copyOfCopy(List<String> list) {
    return new ArrayList<>(new ArrayList<>(list));
  }

  public static long loadedAt() {
    return LOADED_AT;
  }

  public long createdAt() {
    return createdAt;
  }

  public static Box box(int size) {
    return new Box(size);
  }

  /** A woven class, whose constructor calls are trapped too. */
  public static final class Box {
    private final int size;

    public Box(int size) {
      this.size = size;
    }

    public int size() {
      return size;
    }
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
