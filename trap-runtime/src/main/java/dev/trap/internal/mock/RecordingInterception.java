package dev.trap.internal.mock;

import dev.trap.Call;
import dev.trap.Interceptor;
import dev.trap.MethodInfo;
import dev.trap.Recording;
import dev.trap.Registration;
import dev.trap.Scope;
import dev.trap.Target;
import dev.trap.internal.trace.TraceMark;
import dev.trap.internal.trace.ValueText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Recording}: an interceptor that takes note of calls and changes nothing. It runs before
 * any patch of the method, so it sees the calls as their callers do.
 */
final class RecordingInterception<R> implements Interceptor, Recording<R>, TraceMark {

  private static final AtomicLong SEQUENCE = new AtomicLong();

  private final Target target;
  private final MethodReference reference;
  private final String what;
  private final List<Entry<R>> calls = new ArrayList<Entry<R>>();
  private Registration registration;

  /** Where the test made it, for traces; null when no trace would show it. */
  private final String origin = Origin.ofCaller();

  /** @param reference the method, or null for every method of the target's class */
  RecordingInterception(Target target, MethodReference reference, String what) {
    this.target = target;
    this.reference = reference;
    this.what = what;
  }

  Recording<R> addTo(Scope scope) {
    registration = scope.add(this);
    return this;
  }

  @Override
  public String traceMark() {
    return "Mock.record of " + what + (origin == null ? "" : " at " + origin);
  }

  @Override
  public Target target() {
    return target;
  }

  @Override
  public Object pre(Call call) {
    if (reference != null && !reference.covers(call.receiver())) {
      return null;
    }
    Recorded<R> entry = new Recorded<R>(call.method(), call.receiver(),
        Collections.unmodifiableList(Arrays.asList(call.arguments())),
        Thread.currentThread().getName(), SEQUENCE.incrementAndGet());
    synchronized (calls) {
      calls.add(entry);
    }
    return entry;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void post(Call call, Object state) {
    if (state != null) {
      ((Recorded<R>) state).finish((R) call.result(), call.thrown());
    }
  }

  @Override
  public List<Entry<R>> calls() {
    synchronized (calls) {
      return Collections.unmodifiableList(new ArrayList<Entry<R>>(calls));
    }
  }

  @Override
  public int count() {
    synchronized (calls) {
      return calls.size();
    }
  }

  @Override
  public List<List<Object>> arguments() {
    List<List<Object>> arguments = new ArrayList<List<Object>>();
    for (Entry<R> call : calls()) {
      arguments.add(call.arguments());
    }
    return Collections.unmodifiableList(arguments);
  }

  @Override
  public List<R> results() {
    List<R> results = new ArrayList<R>();
    for (Entry<R> call : calls()) {
      if (call.isFinished() && call.thrown() == null) {
        results.add(call.result());
      }
    }
    return Collections.unmodifiableList(results);
  }

  @Override
  public Entry<R> single() {
    List<Entry<R>> all = calls();
    if (all.size() != 1) {
      throw new IllegalStateException("Expected one call of " + what + ", but there were "
          + all.size() + describe(all));
    }
    return all.get(0);
  }

  @Override
  public Entry<R> last() {
    List<Entry<R>> all = calls();
    if (all.isEmpty()) {
      throw new IllegalStateException("No call of " + what + " was recorded");
    }
    return all.get(all.size() - 1);
  }

  @Override
  public boolean isActive() {
    return registration.isActive();
  }

  @Override
  public void close() {
    registration.close();
  }

  @Override
  public String toString() {
    List<Entry<R>> all = calls();
    return "Recording of " + what + ", " + all.size() + (all.size() == 1 ? " call" : " calls")
        + describe(all);
  }

  private static String describe(List<? extends Entry<?>> calls) {
    StringBuilder text = new StringBuilder(calls.isEmpty() ? "" : ":");
    for (Entry<?> call : calls) {
      text.append("\n  ").append(call);
    }
    return text.toString();
  }

  /** One call, finished when its post hook runs. */
  private static final class Recorded<R> implements Entry<R> {

    private final MethodInfo method;
    private final Object receiver;
    private final List<Object> arguments;
    private final String thread;
    private final long sequence;
    private volatile boolean finished;
    private volatile R result;
    private volatile Throwable thrown;

    Recorded(MethodInfo method, Object receiver, List<Object> arguments, String thread,
        long sequence) {
      this.method = method;
      this.receiver = receiver;
      this.arguments = arguments;
      this.thread = thread;
      this.sequence = sequence;
    }

    void finish(R result, Throwable thrown) {
      this.result = result;
      this.thrown = thrown;
      this.finished = true;
    }

    @Override
    public MethodInfo method() {
      return method;
    }

    @Override
    public Object receiver() {
      return receiver;
    }

    @Override
    public List<Object> arguments() {
      return arguments;
    }

    @Override
    public R result() {
      return result;
    }

    @Override
    public Throwable thrown() {
      return thrown;
    }

    @Override
    public boolean isFinished() {
      return finished;
    }

    @Override
    public String thread() {
      return thread;
    }

    @Override
    public long sequence() {
      return sequence;
    }

    @Override
    public String toString() {
      StringBuilder text = new StringBuilder("#").append(sequence).append(' ')
          .append(method.declaringClass().getSimpleName()).append('.').append(method.name())
          .append('(');
      // Values as traces show them: strings quoted, objects by their fields.
      for (int i = 0; i < arguments.size(); i++) {
        text.append(i == 0 ? "" : ", ").append(ValueText.of(arguments.get(i)));
      }
      text.append(')');
      if (!finished) {
        text.append(" (running)");
      } else if (thrown != null) {
        text.append(" threw ").append(thrown);
      } else if (method.returnType() != void.class) {
        text.append(" -> ").append(ValueText.of(result));
      }
      return text.append(" on ").append(thread).toString();
    }
  }
}
