package com.acme.ops;

import java.time.Duration;

/** Settings read at run time. */
public final class Config {

  /** Static and final, but set from a method: a field that is read, not a constant. */
  public static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("ops.timeout", 30));

  private Config() {
  }
}
