package dev.trap.internal.trace;

/**
 * An interceptor that says how a trace names it, where it replaced, changed or recorded a call:
 * a patch by what it patches and where the test made it.
 */
public interface TraceMark {

  /** @return such as {@code Mock.patch of com.acme.Price.tax(int) at PriceTest.java:14} */
  String traceMark();
}
