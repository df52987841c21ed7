package samples;

import java.util.function.IntSupplier;
import java.util.function.IntUnaryOperator;

/** Nestmates, an anonymous class, lambdas and a generic method. */
public class Nest {

  private int secret = 41;

  public class Inner {
    public int reveal() {
      return secret + 1;
    }
  }

  public static class Box<T extends Comparable<T>> implements Comparable<Box<T>> {
    private final T value;

    public Box(T value) {
      this.value = value;
    }

    @Override
    public int compareTo(Box<T> other) {
      return value.compareTo(other.value);
    }

    public static <U extends Comparable<U>> U max(U a, U b) {
      return a.compareTo(b) >= 0 ? a : b;
    }
  }

  public int viaAnonymous() {
    IntSupplier supplier = new IntSupplier() {
      @Override
      public int getAsInt() {
        return secret * 2;
      }
    };
    return supplier.getAsInt();
  }

  public int viaLambda(int add) {
    IntUnaryOperator op = v -> v + add + secret;
    return op.applyAsInt(1);
  }
}
