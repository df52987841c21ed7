package com.acme.shop;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Totals that the shop works out on other threads: on a pool it makes once, when the class is
 * loaded, and on the common pool.
 */
public class Checkout {

  private static final ExecutorService POOL = Executors.newFixedThreadPool(2, task -> {
    Thread thread = new Thread(task, "checkout-pool");
    thread.setDaemon(true);
    return thread;
  });

  private final PriceService prices;

  public Checkout(PriceService prices) {
    this.prices = prices;
  }

  /** @return the quote and the time, as "quote@millis" */
  public String stamp(String sku) {
    return prices.quote(sku) + "@" + Clock.nowMillis();
  }

  public String stampOnPool(String sku) throws Exception {
    return POOL.submit(() -> stamp(sku)).get();
  }

  public String stampAsync(String sku) {
    return CompletableFuture.supplyAsync(() -> stamp(sku)).join();
  }

  public int total(String sku) {
    int quote = prices.quote(sku);
    return quote + PriceService.tax(quote);
  }
}
