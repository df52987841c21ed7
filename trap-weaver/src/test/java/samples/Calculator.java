package samples;

/** Plain static and instance methods of every return kind. */
public class Calculator {

  private final String name;

  public Calculator(String name) {
    this.name = name;
  }

  public static int add(int a, int b) {
    return a + b;
  }

  public String greet(String who) {
    return name + " greets " + who;
  }

  public long scale(long value, double factor, int offset) {
    long local = (long) (value * factor);
    return local + offset;
  }

  public static void nothing() {
  }

  public static boolean negate(boolean b) {
    return !b;
  }

  public static char next(char c) {
    return (char) (c + 1);
  }

  public static byte half(byte b) {
    return (byte) (b / 2);
  }

  public static short twice(short s) {
    return (short) (s * 2);
  }

  public static float third(float f) {
    return f / 3;
  }

  public static double sqrt(double d) {
    return Math.sqrt(d);
  }

  public static int[] range(int n) {
    int[] values = new int[n];
    for (int i = 0; i < n; i++) {
      values[i] = i;
    }
    return values;
  }

  public static int divide(int a, int b) {
    return a / b;
  }

  public static int sum(int... values) {
    int total = 0;
    for (int value : values) {
      total += value;
    }
    return total;
  }

  public synchronized int locked(int a) {
    synchronized (this) {
      return a + 1;
    }
  }

  public static int loopsFromStart(int n) {
    int i = 0;
    while (i < n) {
      i += 2;
    }
    return i;
  }

  public static String caught(String s) {
    try {
      return s.toUpperCase();
    } catch (NullPointerException e) {
      return "null!";
    } finally {
      s = "done";
    }
  }
}
