package samples;

/** Methods that call one another: for patches that compose, and bodies run by proceed. */
public class Shop implements Discount {

  private final int base;

  public Shop(int base) {
    this.base = base;
  }

  public static int tax(int amount) {
    return amount / 10;
  }

  public int price(String sku) {
    return base + sku.length() + fee();
  }

  public int total(String sku) {
    int price = price(sku);
    return price + tax(price);
  }

  private int fee() {
    return 1;
  }

  @Deprecated
  public static synchronized int legacy(int... values) {
    return values.length;
  }

  /**
   * Overrides {@code price} and calls Shop's: proceed of {@code Shop.price} on an outlet must run
   * Shop's body, not dispatch to this one.
   */
  public static class Outlet extends Shop {

    public Outlet() {
      super(100);
    }

    @Override
    public int price(String sku) {
      return -super.price(sku);
    }
  }
}
