package dev.trap.weaver.internal;

import dev.trap.weaver.AlreadyWovenException;
import dev.trap.weaver.CallSiteSelector;
import dev.trap.weaver.ClassSelector;
import dev.trap.weaver.WeaveException;
import dev.trap.weaver.WeaveResult.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Weaves one class file: checks it, decides whether it is to be woven, runs the visitor chain
 * {@code ClassReader -> TrapClassVisitor -> ClassWriter}, and handles methods that would outgrow
 * the JVM's code size limit by weaving the class again without them.
 */
public final class ClassWeaving {

  /** The version of Trap, recorded in every woven class's marker. */
  public static final String TRAP_VERSION = readVersion();

  private static final int MAGIC = 0xCAFEBABE;

  private final ClassSelector selector;
  private final CallSiteSelector callSites;
  private final boolean weaveLambdas;
  private final byte[] classFile;
  private final String name;

  /**
   * @param selector which classes to weave
   * @param callSites which calls of other classes' methods get traps
   * @param weaveLambdas whether lambda bodies get traps
   * @param classFile the class file
   * @param name its name, for messages
   */
  public ClassWeaving(ClassSelector selector, CallSiteSelector callSites, boolean weaveLambdas,
      byte[] classFile, String name) {
    this.selector = selector;
    this.callSites = callSites;
    this.weaveLambdas = weaveLambdas;
    this.classFile = classFile;
    this.name = name;
  }

  /**
   * @param classFile a class file
   * @return true if it carries Trap's marker; false for anything that is no readable class file
   */
  public static boolean isWoven(byte[] classFile) {
    try {
      return classFile.length >= 10 && readInt(classFile, 0) == MAGIC
          && readUnsignedShort(classFile, 6) <= TrapContract.MAX_CLASS_VERSION
          && ClassFileScanner.isWoven(classFile);
    } catch (RuntimeException corrupt) {
      return false;
    }
  }

  /**
   * @return what was done
   * @throws WeaveException if the input is not a class file Trap can weave
   */
  public Outcome run() throws WeaveException {
    checkHeader();
    ClassReader reader;
    ClassFileScanner facts;
    try {
      reader = new ClassReader(classFile);
      facts = ClassFileScanner.scan(reader, classFile);
    } catch (RuntimeException e) {
      throw corrupt(e);
    }
    String className = reader.getClassName().replace('/', '.');
    if (facts.markerVersion() != null) {
      throw new AlreadyWovenException(name, prefix() + "it was woven by Trap "
          + facts.markerVersion() + " already, and Trap weaves only original class files."
          + " Rebuild the classes from source (mvn clean) and weave them again.");
    }
    if (!selector.selects(className)) {
      return result(Status.NOT_SELECTED, classFile, className, 0, null, List.of());
    }
    int version = readUnsignedShort(classFile, 6);
    if ((reader.getAccess() & Opcodes.ACC_MODULE) != 0) {
      return leftAlone(className, "a module descriptor has no methods");
    }
    if (version < TrapContract.MIN_CLASS_VERSION) {
      return leftAlone(className, "class file version " + version + " (Java "
          + javaName(version) + ") predates invokedynamic, which traps are made of;"
          + " compile it for Java 7 or later to weave it");
    }
    try {
      return weave(reader, facts, className);
    } catch (RuntimeException e) {
      throw corrupt(e);
    }
  }

  private Outcome weave(ClassReader reader, ClassFileScanner facts, String className) {
    Set<String> leftAlone = new HashSet<>();
    List<String> warnings = new ArrayList<>();
    Map<String, List<String>> nullMessages = callSites.isEmpty() ? Map.of()
        : NullReceivers.of(reader, (opcode, owner, name, descriptor) ->
            CallSiteAdapter.selects(callSites, selector, owner, name, descriptor));
    while (true) {
      ClassWriter writer = new ClassWriter(0);
      TrapClassVisitor trap = new TrapClassVisitor(writer, facts, weaveLambdas, leftAlone,
          TRAP_VERSION, callSites, selector, nullMessages);
      reader.accept(trap, 0);
      try {
        byte[] woven = writer.toByteArray();
        for (Map.Entry<String, Integer> method : trap.tooWide().entrySet()) {
          warnings.add("Left " + describe(className, method.getKey()) + " unwoven: its "
              + method.getValue() + " parameter slots leave no room for the trap, which takes the arguments and one"
              + " slot more (the JVM's limit is 255). Pass fewer or narrower arguments to weave it");
        }
        for (String method : trap.untrapped()) {
          warnings.add("Left " + describe(className, method) + " unwoven: its super(...) call"
              + " leaves values on the operand stack, which Trap does not handle");
        }
        int methods = trap.wovenMethods();
        if (methods == 0) {
          return result(Status.LEFT_ALONE, classFile, className, 0,
              "no method with code to weave", warnings);
        }
        return new Outcome(Status.WOVEN, woven, className, trap.wovenOwnMethods(), null,
            warnings, trap.callees(), trap.markerText());
      } catch (MethodTooLargeException e) {
        String method = e.getMethodName() + e.getDescriptor();
        if (!leftAlone.add(method)) {
          throw e;
        }
        warnings.add("Left " + describe(className, method) + " unwoven: with a trap its code would"
            + " take " + e.getCodeSize() + " bytes, past the JVM's limit of 65535."
            + " Split the method to weave it");
      } catch (ClassTooLargeException e) {
        return result(Status.LEFT_ALONE, classFile, className, 0,
            "with traps its constant pool would pass the JVM's limit of 65535 entries", warnings);
      }
    }
  }

  private void checkHeader() throws WeaveException {
    if (classFile.length < 4 || readInt(classFile, 0) != MAGIC) {
      String start = classFile.length < 4 ? "is " + classFile.length + " bytes long"
          : String.format("starts with 0x%08X, not 0xCAFEBABE", readInt(classFile, 0));
      throw new WeaveException(name, prefix() + "it is not a class file (it " + start
          + "). Only class files can be woven: remove it from the classes directory or exclude"
          + " it.", null);
    }
    if (classFile.length < 10) {
      throw corrupt(new ArrayIndexOutOfBoundsException("only " + classFile.length + " bytes"));
    }
    int version = readUnsignedShort(classFile, 6);
    if (version > TrapContract.MAX_CLASS_VERSION) {
      throw new WeaveException(name, prefix() + "it is compiled for Java " + javaName(version)
          + " (class file version " + version + "), and this Trap reads class files up to Java "
          + javaName(TrapContract.MAX_CLASS_VERSION) + " (version "
          + TrapContract.MAX_CLASS_VERSION + "). Compile for an older release (--release), or"
          + " use a newer Trap.", null);
    }
  }

  private WeaveException corrupt(RuntimeException e) {
    return new WeaveException(name, prefix() + "the class file is corrupt or truncated ("
        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
        + "). Recompile it (mvn clean compile), or exclude it from weaving.", e);
  }

  private String prefix() {
    return "Trap " + TRAP_VERSION + " cannot weave " + name + ": ";
  }

  private Outcome leftAlone(String className, String reason) {
    return result(Status.LEFT_ALONE, classFile, className, 0, reason, List.of());
  }

  private static Outcome result(Status status, byte[] bytes, String className, int methods,
      String reason, List<String> warnings) {
    return new Outcome(status, bytes, className, methods, reason, warnings, Set.of());
  }

  /** What weaving one class gave; the public {@code WeaveResult} reads it. */
  public static final class Outcome {
    /** What was done. */
    public final Status status;
    /** The class file to use. */
    public final byte[] bytes;
    /** The binary class name. */
    public final String className;
    /** How many methods got a trap. */
    public final int wovenMethods;
    /** Why a selected class was left alone, or null. */
    public final String reason;
    /** Methods left unwoven, and why. */
    public final List<String> warnings;
    /** The methods of other classes whose calls got traps, as {@code owner.name + descriptor}. */
    public final Set<String> callees;
    /** The text of the woven class's marker, or null. */
    public final String markerText;

    Outcome(Status status, byte[] bytes, String className, int wovenMethods, String reason,
        List<String> warnings, Set<String> callees) {
      this(status, bytes, className, wovenMethods, reason, warnings, callees, null);
    }

    Outcome(Status status, byte[] bytes, String className, int wovenMethods, String reason,
        List<String> warnings, Set<String> callees, String markerText) {
      this.callees = callees;
      this.markerText = markerText;
      this.status = status;
      this.bytes = bytes;
      this.className = className;
      this.wovenMethods = wovenMethods;
      this.reason = reason;
      this.warnings = warnings;
    }
  }

  private static String describe(String className, String method) {
    int parameters = method.indexOf('(');
    StringBuilder text = new StringBuilder(className).append('.')
        .append(method, 0, parameters).append('(');
    Type[] types = Type.getArgumentTypes(method.substring(parameters));
    for (int i = 0; i < types.length; i++) {
      if (types.length > 8 && i > 0 && i < types.length - 1) {
        // A warning about a method of 200 parameters need not list them all.
        if (i == 1) {
          text.append(", ...");
        }
        continue;
      }
      text.append(i == 0 ? "" : ", ").append(types[i].getClassName());
    }
    return text.append(')').toString();
  }

  private static String javaName(int classVersion) {
    int release = TrapContract.javaRelease(classVersion);
    return release <= 4 ? "1." + release : String.valueOf(release);
  }

  private static int readInt(byte[] b, int offset) {
    return ((b[offset] & 0xFF) << 24) | ((b[offset + 1] & 0xFF) << 16)
        | ((b[offset + 2] & 0xFF) << 8) | (b[offset + 3] & 0xFF);
  }

  private static int readUnsignedShort(byte[] b, int offset) {
    return ((b[offset] & 0xFF) << 8) | (b[offset + 1] & 0xFF);
  }

  private static String readVersion() {
    Properties properties = new Properties();
    try (InputStream in = ClassWeaving.class.getResourceAsStream("/dev/trap/weaver/trap.properties")) {
      if (in == null) {
        throw new IllegalStateException("trap.properties is missing from trap-weaver's jar");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version");
  }
}
