package corpus;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Lambdas, method references, anonymous and inner classes reaching private members. */
public class Lambdas {

  private int hidden = 5;

  static void run(List<String> log) throws Exception {
    Lambdas lambdas = new Lambdas();
    log.add("lambda " + lambdas.capture(3));
    log.add("stream " + Arrays.asList("b", "a", "c").stream().map(String::toUpperCase).sorted()
        .collect(Collectors.joining()));
    log.add("anonymous " + lambdas.anonymous().call());
    log.add("inner " + lambdas.new Inner().peek());
    Supplier<Lambdas> constructor = Lambdas::new;
    log.add("constructor ref " + constructor.get().hidden);
  }

  int capture(int add) {
    Function<Integer, Integer> f = v -> v + add + hidden;
    return f.apply(1);
  }

  Callable<String> anonymous() {
    return new Callable<String>() {
      @Override
      public String call() {
        return "called " + hidden;
      }
    };
  }

  class Inner {
    int peek() {
      return hidden * 10;
    }
  }
}
