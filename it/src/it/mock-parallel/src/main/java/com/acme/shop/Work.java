package com.acme.shop;

import java.lang.reflect.Method;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The shop's work on other threads, handed over in every way code hands work over. */
public final class Work {

  /** Made before the tests, its threads started: see {@link #warmUp()}. */
  private static final ExecutorService EARLY = Executors.newFixedThreadPool(2, daemon("early"));
  private static ExecutorService lazy;
  private static ScheduledExecutorService scheduler;
  private static Timer timer;

  private Work() {
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Starts the early pool's threads, before any test runs. */
  public static void warmUp() throws Exception {
    EARLY.submit(() -> { }).get();
    EARLY.submit(() -> { }).get();
  }

  public static String onEarlyPool(Checkout checkout) throws Exception {
    return EARLY.submit(() -> checkout.stamp("x")).get();
  }

  /** A pool made on first use: during whichever test comes first. */
  public static String onLazyPool(Checkout checkout) throws Exception {
    synchronized (Work.class) {
      if (lazy == null) {
        lazy = Executors.newFixedThreadPool(2, daemon("lazy"));
      }
    }
    return lazy.submit(() -> checkout.stamp("x")).get();
  }

  /** The task handed over as it is, as execute does. */
  public static String executedOnEarlyPool(Checkout checkout) throws Exception {
    CompletableFuture<String> stamp = new CompletableFuture<>();
    EARLY.execute(() -> stamp.complete(checkout.stamp("x")));
    return stamp.get();
  }

  public static String onScheduler(Checkout checkout) throws Exception {
    synchronized (Work.class) {
      if (scheduler == null) {
        scheduler = Executors.newScheduledThreadPool(2, daemon("scheduler"));
      }
    }
    return scheduler.schedule(() -> checkout.stamp("x"), 1, TimeUnit.MILLISECONDS).get();
  }

  public static String onCompletableChain(Checkout checkout) {
    return CompletableFuture.supplyAsync(() -> checkout.stamp("x"))
        .thenApplyAsync(first -> first + "|" + checkout.stamp("x"))
        .thenCombineAsync(CompletableFuture.supplyAsync(() -> checkout.stamp("x")),
            (two, third) -> two + "|" + third)
        .join();
  }

  /** Every element's stamp, joined when they are all the same. */
  public static String onParallelStream(Checkout checkout) {
    return IntStream.range(0, 64).parallel().mapToObj(i -> checkout.stamp("x")).distinct()
        .collect(Collectors.joining(","));
  }

  public static String onRecursiveTask(Checkout checkout) {
    return ForkJoinPool.commonPool().invoke(new Stamps(checkout, 16));
  }

  /** Stamps, split across a fork-join pool's workers; their stamps joined when the same. */
  static final class Stamps extends RecursiveTask<String> {
    private final Checkout checkout;
    private final int count;

    Stamps(Checkout checkout, int count) {
      this.checkout = checkout;
      this.count = count;
    }

    @Override
    protected String compute() {
      if (count == 1) {
        return checkout.stamp("x");
      }
      Stamps left = new Stamps(checkout, count / 2);
      left.fork();
      String right = new Stamps(checkout, count - count / 2).compute();
      String leftStamp = left.join();
      return leftStamp.equals(right) ? right : leftStamp + "," + right;
    }
  }

  public static String onTimer(Checkout checkout) throws Exception {
    synchronized (Work.class) {
      if (timer == null) {
        timer = new Timer("timer", true);
      }
    }
    CompletableFuture<String> stamp = new CompletableFuture<>();
    timer.schedule(new TimerTask() {
      @Override
      public void run() {
        stamp.complete(checkout.stamp("x"));
      }
    }, 1);
    return stamp.get();
  }

  /** On a virtual thread where the JVM has them (21 and later), else on a platform thread. */
  public static String onVirtualThread(Checkout checkout) throws Exception {
    AtomicReference<String> stamp = new AtomicReference<>();
    Runnable task = () -> stamp.set(checkout.stamp("x"));
    Thread thread;
    try {
      Method start = Thread.class.getMethod("startVirtualThread", Runnable.class);
      thread = (Thread) start.invoke(null, task);
    } catch (NoSuchMethodException e) {
      thread = new Thread(task);
      thread.start();
    }
    thread.join();
    return stamp.get();
  }

  /** @return whether this JVM has virtual threads */
  public static boolean hasVirtualThreads() {
    try {
      Thread.class.getMethod("startVirtualThread", Runnable.class);
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}
