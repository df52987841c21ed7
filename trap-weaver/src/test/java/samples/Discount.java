package samples;

/** A default method, whose body proceed runs through the interface. */
public interface Discount {

  default int discount(int price) {
    return price / 2;
  }
}
