package corpus;

import java.util.List;

/** Exceptions through try, catch, finally, nested handlers and constructors. */
public class Errors {

  static void run(List<String> log) {
    log.add("caught " + caught(0) + " " + caught(2));
    log.add("finally " + withFinally(true) + " " + withFinally(false));
    log.add("nested " + nested());
    try {
      new Errors(-1);
    } catch (IllegalArgumentException e) {
      log.add("constructor threw " + e.getMessage() + " at " + e.getStackTrace()[0].getMethodName());
    }
    try {
      rethrow();
    } catch (IllegalStateException e) {
      log.add("rethrown " + e.getMessage() + " cause " + e.getCause().getMessage());
    }
  }

  Errors(int value) {
    if (value < 0) {
      throw new IllegalArgumentException("negative " + value);
    }
  }

  static String caught(int divisor) {
    try {
      return "ok " + (10 / divisor);
    } catch (ArithmeticException e) {
      return "caught " + e.getMessage();
    }
  }

  static int withFinally(boolean early) {
    int value = 1;
    try {
      if (early) {
        return value;
      }
      value = 2;
    } finally {
      value = value * 10;
    }
    return value;
  }

  static String nested() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      try {
        try {
          if (i == 1) {
            throw new IllegalStateException("inner " + i);
          }
          text.append(i);
        } finally {
          text.append('f');
        }
      } catch (IllegalStateException e) {
        text.append('c');
      }
    }
    return text.toString();
  }

  static void rethrow() {
    try {
      Integer.parseInt("x");
    } catch (NumberFormatException e) {
      throw new IllegalStateException("wrapped", e);
    }
  }
}
