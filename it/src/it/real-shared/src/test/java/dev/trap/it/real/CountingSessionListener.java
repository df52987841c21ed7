package dev.trap.it.real;

import dev.trap.Call;
import dev.trap.Interceptor;
import dev.trap.MethodInfo;
import dev.trap.Registration;
import dev.trap.Trap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
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
 * launcher session closes. Writes the CPU time the test JVM has used by then, all its threads
 * (JIT compilers and garbage collectors too), with the JIT's compile time, the classes loaded and
 * the collectors' time, to the file named by {@value #CPU_FILE}: what
 * benchmarks/real-suites.sh compares, as wall time swings with the suites' sleeps and the
 * machine's load.
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

  /** System property naming the file the JVM's CPU time goes to; without it, nowhere. */
  static final String CPU_FILE = "trap.it.cpuFile";

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
    if (file != null) {
      write(file, "calls=" + CALLS.sum() + "\nmethods=" + METHODS.sum() + "\n");
    }
    String cpuFile = System.getProperty(CPU_FILE);
    if (cpuFile != null && !cpuFile.isEmpty()) {
      long nanos = ((com.sun.management.OperatingSystemMXBean)
          ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
      write(cpuFile, "cpuNanos=" + nanos + "\ncompileMillis="
          + ManagementFactory.getCompilationMXBean().getTotalCompilationTime()
          + "\nloadedClasses="
          + ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount()
          + "\ngcMillis=" + gcMillis() + "\n");
    }
  }

  private static long gcMillis() {
    long millis = 0;
    for (java.lang.management.GarbageCollectorMXBean gc
        : ManagementFactory.getGarbageCollectorMXBeans()) {
      millis += Math.max(0, gc.getCollectionTime());
    }
    return millis;
  }

  private static void write(String file, String text) {
    try {
      Path path = Paths.get(file);
      Files.createDirectories(path.toAbsolutePath().getParent());
      Files.write(path, text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }
}
