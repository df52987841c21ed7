package corpus;

import java.util.ArrayList;
import java.util.List;

/** Runs every scenario of the corpus and logs what each returned; woven or not, same log. */
public class Main {

  public static List<String> run() throws Exception {
    List<String> log = new ArrayList<String>();
    Basics.run(log);
    Shapes.run(log);
    log.add("suit " + Suit.HEARTS.symbol() + Suit.SPADES.symbol() + Suit.CLUBS.symbol() + " "
        + Suit.describe(Suit.CLUBS));
    Lambdas.run(log);
    Errors.run(log);
    Answers.run(log);
    for (String level : new String[] {"Java11", "Java17", "Java21", "Java25", "Kotlin"}) {
      Class<?> scenarios;
      try {
        scenarios = Class.forName("corpus." + level, true, Main.class.getClassLoader());
      } catch (ClassNotFoundException notCompiledAtThisLevel) {
        continue;
      }
      scenarios.getMethod("run", List.class).invoke(null, log);
    }
    return log;
  }
}
