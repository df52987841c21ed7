package dev.trap.weaver.internal;

import dev.trap.weaver.AlreadyWovenException;
import dev.trap.weaver.WeaveException;
import dev.trap.weaver.WeaveResult.Status;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ModuleVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Makes a module descriptor ({@code module-info.class}) require Trap's runtime module, so that
 * the woven classes of a named module can call it: the JVM checks that a module reads the module
 * of every class it links to, and a module's own descriptor is the one place that says so for
 * every way the tests may run (Surefire's patched main module, a test module of its own).
 * Nothing else of the descriptor changes; it carries Trap's marker like a woven class.
 */
public final class ModuleReading {

  private final byte[] classFile;
  private final String name;

  /**
   * @param classFile the module descriptor
   * @param name its name, for messages
   */
  public ModuleReading(byte[] classFile, String name) {
    this.classFile = classFile;
    this.name = name;
  }

  /**
   * @return the descriptor requiring {@link TrapContract#RUNTIME_MODULE}, or left alone if it
   *     does already
   * @throws WeaveException if the bytes are no module descriptor Trap can read
   */
  public ClassWeaving.Outcome run() throws WeaveException {
    ClassReader reader;
    ClassFileScanner facts;
    try {
      reader = new ClassReader(classFile);
      facts = ClassFileScanner.scan(reader, classFile);
    } catch (RuntimeException e) {
      throw new WeaveException(name, prefix() + "the class file is corrupt or truncated ("
          + e + "). Recompile it (mvn clean compile).", e);
    }
    if ((reader.getAccess() & Opcodes.ACC_MODULE) == 0) {
      throw new WeaveException(name, prefix() + "it is no module descriptor, but class "
          + reader.getClassName().replace('/', '.') + ".", null);
    }
    if (facts.markerVersion() != null) {
      throw new AlreadyWovenException(name, prefix() + "Trap " + facts.markerVersion()
          + " made it require " + TrapContract.RUNTIME_MODULE + " already. Rebuild it from"
          + " source (mvn clean).");
    }
    boolean[] reads = new boolean[1];
    ClassWriter writer = new ClassWriter(reader, 0);
    reader.accept(new ClassVisitor(TrapContract.ASM_API, writer) {
      private String module;

      @Override
      public ModuleVisitor visitModule(String moduleName, int access, String version) {
        module = moduleName;
        return new ModuleVisitor(TrapContract.ASM_API,
            super.visitModule(moduleName, access, version)) {
          @Override
          public void visitRequire(String required, int requireAccess, String requireVersion) {
            reads[0] |= required.equals(TrapContract.RUNTIME_MODULE)
                && (requireAccess & Opcodes.ACC_STATIC_PHASE) == 0;
            super.visitRequire(required, requireAccess, requireVersion);
          }

          @Override
          public void visitEnd() {
            if (!reads[0]) {
              super.visitRequire(TrapContract.RUNTIME_MODULE, 0, null);
            }
            super.visitEnd();
          }
        };
      }

      @Override
      public void visitEnd() {
        super.visitAttribute(new WovenMarker(ClassWeaving.TRAP_VERSION));
        super.visitEnd();
      }
    }, 0);
    String moduleName = "module-info";
    if (reads[0]) {
      return new ClassWeaving.Outcome(Status.LEFT_ALONE, classFile, moduleName, 0,
          "the module requires " + TrapContract.RUNTIME_MODULE + " already", List.of(),
          Set.of());
    }
    return new ClassWeaving.Outcome(Status.WOVEN, writer.toByteArray(), moduleName, 0, null,
        List.of(), Set.of());
  }

  private String prefix() {
    return "Trap " + ClassWeaving.TRAP_VERSION + " cannot open the module of " + name + " to its"
        + " runtime: ";
  }
}
