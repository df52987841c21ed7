package dev.trap.weaver;

import dev.trap.weaver.internal.ClassWeaving;
import dev.trap.weaver.internal.ModuleReading;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts a trap at the start of every method of the selected classes. The one entry point of
 * {@code trap-weaver}: class file bytes in, class file bytes out. Thread-safe and stateless, so
 * one weaver can weave many classes at once.
 *
 * <pre>{@code
 * Weaver weaver = Weaver.builder()
 *     .include("com.acme.billing.**")
 *     .exclude("com.acme.billing.generated.**")
 *     .build();
 * WeaveResult result = weaver.weave(bytes, "target/classes/com/acme/billing/Invoice.class");
 * Files.write(path, result.bytes());
 * }</pre>
 *
 * <p>Every {@code name} parameter is used only in messages: pass what a person would recognise,
 * such as a path, or {@code lib.jar@com/acme/Invoice.class} for an archive entry.
 *
 * @since 0.1.0
 */
public final class Weaver {

  private final ClassSelector selector;
  private final CallSiteSelector callSites;
  private final boolean weaveLambdas;

  private Weaver(Builder builder) {
    this.selector = ClassSelector.of(builder.includes, builder.excludes);
    this.callSites = CallSiteSelector.of(builder.callSites);
    this.weaveLambdas = builder.weaveLambdas;
  }

  /** @return a builder for a weaver */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the version of Trap, as the woven classes' marker records it */
  public static String version() {
    return ClassWeaving.TRAP_VERSION;
  }

  /**
   * Tells whether a class file carries Trap's marker, without parsing more of it than needed.
   *
   * @param classFile the class file
   * @return true if Trap has woven it
   */
  public static boolean isWoven(byte[] classFile) {
    return ClassWeaving.isWoven(classFile);
  }

  /**
   * Weaves one class file.
   *
   * @param classFile the class file's bytes; not modified
   * @param name the class file's name, for messages
   * @return what was done, with the bytes to use
   * @throws AlreadyWovenException if Trap has woven the class before
   * @throws WeaveException if the bytes are no class file, are corrupt, or are of a class file
   *     version this Trap cannot read
   */
  public WeaveResult weave(byte[] classFile, String name) throws WeaveException {
    return new WeaveResult(
        new ClassWeaving(selector, callSites, weaveLambdas, classFile, name).run());
  }

  /**
   * Makes a module descriptor ({@code module-info.class}) require Trap's runtime module,
   * {@code dev.trap}, so that the woven classes of a named module can call it: the JVM lets a
   * module link only to the modules it reads. Use it when some class of the module is woven.
   * Nothing else of the descriptor changes; the result carries Trap's marker like a woven class.
   *
   * @param moduleDescriptor the {@code module-info.class} bytes; not modified
   * @param name its name, for messages
   * @return {@link WeaveResult.Status#WOVEN} with the new descriptor, or
   *     {@link WeaveResult.Status#LEFT_ALONE} if it requires {@code dev.trap} already
   * @throws AlreadyWovenException if Trap has woven it before
   * @throws WeaveException if the bytes are no module descriptor
   * @since 0.2.0
   */
  public WeaveResult weaveModuleDescriptor(byte[] moduleDescriptor, String name)
      throws WeaveException {
    return new WeaveResult(new ModuleReading(moduleDescriptor, name).run());
  }

  /**
   * Weaves one class file from a stream to another. The output receives the woven class, or the
   * input unchanged when the class is not woven. Neither stream is closed.
   *
   * @param in the class file
   * @param out where the class file to use goes
   * @param name the class file's name, for messages
   * @return what was done
   * @throws IOException if a stream fails, or as {@link #weave(byte[], String)}
   */
  public WeaveResult weave(InputStream in, OutputStream out, String name) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    in.transferTo(buffer);
    WeaveResult result = weave(buffer.toByteArray(), name);
    out.write(result.bytes());
    return result;
  }

  /** @return the selector of the classes this weaver weaves */
  public ClassSelector selector() {
    return selector;
  }

  /**
   * @return the methods of other classes whose calls from woven classes get traps
   * @since 0.2.0
   */
  public CallSiteSelector callSites() {
    return callSites;
  }

  /** @return true if lambda bodies are woven too */
  public boolean weavesLambdas() {
    return weaveLambdas;
  }

  /** Configures a {@link Weaver}. */
  public static final class Builder {

    private final List<String> includes = new ArrayList<>();
    private final List<String> excludes = new ArrayList<>();
    private final List<String> callSites = new ArrayList<>();
    private boolean weaveLambdas;

    private Builder() {
    }

    /**
     * @param pattern classes to weave, as {@link ClassSelector} reads patterns
     * @return this builder
     */
    public Builder include(String pattern) {
      includes.add(pattern);
      return this;
    }

    /**
     * @param patterns classes to weave
     * @return this builder
     */
    public Builder includes(List<String> patterns) {
      includes.addAll(patterns);
      return this;
    }

    /**
     * @param pattern classes not to weave even though included
     * @return this builder
     */
    public Builder exclude(String pattern) {
      excludes.add(pattern);
      return this;
    }

    /**
     * @param patterns classes not to weave even though included
     * @return this builder
     */
    public Builder excludes(List<String> patterns) {
      excludes.addAll(patterns);
      return this;
    }

    /**
     * Gives the calls from woven classes to methods of other classes, such as the JDK's, traps
     * of their own, which interceptors of the called method see.
     *
     * @param patterns the methods, as {@link CallSiteSelector} reads patterns
     * @return this builder
     * @since 0.2.0
     */
    public Builder callSites(List<String> patterns) {
      callSites.addAll(patterns);
      return this;
    }

    /**
     * Lambda bodies are synthetic methods ({@code lambda$name$0}) and are left alone unless asked
     * for: the method that creates the lambda is woven either way.
     *
     * @param weave true to weave lambda bodies too
     * @return this builder
     */
    public Builder weaveLambdas(boolean weave) {
      this.weaveLambdas = weave;
      return this;
    }

    /**
     * @return the weaver
     * @throws IllegalArgumentException if there is no include, or a pattern is malformed
     */
    public Weaver build() {
      return new Weaver(this);
    }
  }
}
