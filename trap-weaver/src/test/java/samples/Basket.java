package samples;

import java.util.List;

/** Changes what it is given: a trace must show arguments as they were when the call began. */
public class Basket {

  public static int add(List<String> items, String item) {
    items.add(item);
    return items.size();
  }
}
