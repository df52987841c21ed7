package dev.trap.it.real;

import dev.trap.Call;
import dev.trap.Interceptor;
import dev.trap.MethodInfo;
import dev.trap.Registration;
import dev.trap.Trap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.atomic.LongAdder;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Installs, for the whole test run, a global interceptor that counts every trapped call, and
 * writes the counts to the file named by the system property {@value #COUNT_FILE} when the
 * launcher session closes.
 *
 * <p>Surefire may open more than one launcher session in a fork (discovery, execution), so the
 * interceptor is added once per JVM and the file is rewritten, with the totals so far, at every
 * close. In the run against the original classes the same interceptor is installed and must see
 * nothing.
 */
public final class CountingSessionListener implements LauncherSessionListener {

  /**
   * System property naming the file the counts go to; without it, or empty, this listener does
   * nothing.
   */
  static final String COUNT_FILE = "trap.it.countFile";

  private static final LongAdder CALLS = new LongAdder();
  private static final LongAdder METHODS = new LongAdder();
  private static Registration registration;

  private static String countFile() {
    String file = System.getProperty(COUNT_FILE);
    return file == null || file.isEmpty() ? null : file;
  }

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (countFile() == null) {
      return;
    }
    synchronized (CountingSessionListener.class) {
      if (registration == null) {
        registration = Trap.addGlobalInterceptor(new Interceptor() {
          @Override
          public boolean appliesTo(MethodInfo method) {
            METHODS.increment();
            return true;
          }

          @Override
          public Object pre(Call call) {
            CALLS.increment();
            return null;
          }
        });
      }
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    String file = countFile();
    if (file == null) {
      return;
    }
    String counts = "calls=" + CALLS.sum() + "\nmethods=" + METHODS.sum() + "\n";
    try {
      Path path = Paths.get(file);
      Files.createDirectories(path.toAbsolutePath().getParent());
      Files.write(path, counts.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the trapped-call counts to " + file, e);
    }
  }
}
