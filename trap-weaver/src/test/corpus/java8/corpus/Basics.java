package corpus;

import java.io.Serializable;
import java.util.List;

/** Methods of every modifier, parameter and return kind, and constructors that delegate. */
public class Basics extends Parent implements Serializable {

  private final long id;
  private double weight;

  public Basics() {
    this(42L, 1.5);
  }

  public Basics(long id, double weight) {
    super(id > 0 ? "positive" : "other");
    this.id = id;
    this.weight = weight;
  }

  static void run(List<String> log) {
    Basics b = new Basics();
    log.add("add " + add(2, 3));
    log.add("wide " + b.wide(1L, 2.5, 3, 4L, 5.5f));
    log.add("varargs " + join("-", "a", "b", "c") + " " + join("-"));
    log.add("locked " + b.locked(3));
    log.add("final " + b.finalMethod());
    log.add("private " + b.privateMethod('x'));
    log.add("types " + flag(true) + " " + oneByte((byte) 3) + " " + oneShort((short) 4) + " "
        + oneChar('a') + " " + oneFloat(1.5f) + " " + oneDouble(2.5) + " " + oneLong(7L));
    log.add("array " + array(3).length + " " + matrix()[1][1]);
    b.voidMethod();
    log.add("void " + b.weight);
    log.add("generic " + Basics.<String>first(java.util.Arrays.asList("g", "h")));
    log.add("parent " + b.parent() + " " + b.id);
    log.add("static init " + Holder.VALUE);
  }

  public static int add(int a, int b) {
    return a + b;
  }

  public double wide(long a, double b, int c, long d, float e) {
    long sum = a + c + d;
    double product = b * e;
    return sum + product;
  }

  public static String join(String separator, String... parts) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      text.append(i == 0 ? "" : separator).append(parts[i]);
    }
    return text.length() == 0 ? "(none)" : text.toString();
  }

  public synchronized int locked(int a) {
    synchronized (this) {
      return a * 2;
    }
  }

  public final String finalMethod() {
    return "final";
  }

  private String privateMethod(char c) {
    return String.valueOf(c) + c;
  }

  static boolean flag(boolean b) {
    return !b;
  }

  static byte oneByte(byte b) {
    return (byte) (b + 1);
  }

  static short oneShort(short s) {
    return (short) (s + 1);
  }

  static char oneChar(char c) {
    return (char) (c + 1);
  }

  static float oneFloat(float f) {
    return f * 2;
  }

  static double oneDouble(double d) {
    return d * 2;
  }

  static long oneLong(long l) {
    return l * 2;
  }

  static int[] array(int n) {
    return new int[n];
  }

  static long[][] matrix() {
    return new long[][] {{1, 2}, {3, 4}};
  }

  void voidMethod() {
    weight = weight * 2;
    if (weight > 100) {
      return;
    }
    weight = weight + 1;
  }

  static <T> T first(List<T> values) {
    return values.get(0);
  }

  static class Holder {
    static final String VALUE;

    static {
      VALUE = "holder";
    }
  }
}

class Parent implements Serializable {
  private static final long serialVersionUID = 1L;
  private final String kind;

  Parent(String kind) {
    this.kind = kind;
  }

  String parent() {
    return kind;
  }
}
