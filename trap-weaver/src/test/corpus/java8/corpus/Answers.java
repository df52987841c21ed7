package corpus;

import java.util.List;

/** Methods whose bodies a test skips, one per return kind, and their callers. */
public class Answers {

  static void run(List<String> log) {
    log.add("answers " + answerInt() + " " + answerLong() + " " + answerDouble() + " "
        + answerBoolean() + " " + answerString() + " " + new Answers().answerInstance(1));
  }

  static int answerInt() {
    return 1;
  }

  static long answerLong() {
    return 2L;
  }

  static double answerDouble() {
    return 3.0;
  }

  static boolean answerBoolean() {
    return false;
  }

  static String answerString() {
    return "four";
  }

  int answerInstance(int x) {
    return x + 4;
  }
}
