package samples;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Static fields read through a class that inherits them; a JDK method that reads the stack. */
public final class InheritedStatics {

  private InheritedStatics() {
  }

  public interface Consts {
    List<String> NAMES = new ArrayList<>(List.of("real"));
  }

  public static class Base {
    public static List<String> BASE_NAMES = new ArrayList<>(List.of("real"));
  }

  public static class Impl extends Base implements Consts {
  }

  public static List<String> namesThroughImpl() {
    return Impl.NAMES;
  }

  public static List<String> baseNamesThroughImpl() {
    return Impl.BASE_NAMES;
  }

  /** java.util.logging infers the calling method from the stack. */
  public static String loggedFrom() {
    Logger logger = Logger.getLogger("samples.InheritedStatics");
    logger.setUseParentHandlers(false);
    String[] source = new String[1];
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        source[0] = record.getSourceClassName() + "." + record.getSourceMethodName();
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
    logger.addHandler(handler);
    try {
      logger.info("hello");
    } finally {
      logger.removeHandler(handler);
    }
    return source[0];
  }
}
