package samples;

/** An enum whose method is abstract: each constant implements it. */
public enum Op {
  PLUS {
    @Override
    public int apply(int a, int b) {
      return a + b;
    }
  },
  TIMES {
    @Override
    public int apply(int a, int b) {
      return a * b;
    }
  };

  public abstract int apply(int a, int b);
}
