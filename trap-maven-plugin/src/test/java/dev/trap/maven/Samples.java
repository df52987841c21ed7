package dev.trap.maven;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ModuleVisitor;
import org.objectweb.asm.Opcodes;

/** Class files of the sample classes in {@code com.acme.billing}, for tests to weave. */
final class Samples {

  static final String INVOICE = "com/acme/billing/Invoice.class";
  static final String LINE = "com/acme/billing/Invoice$Line.class";
  static final String DTO = "com/acme/billing/generated/InvoiceDto.class";

  static final String MODULE = "module-info.class";

  private Samples() {
  }

  /** @return the descriptor of module {@code com.acme.billing}, as javac would compile it */
  static byte[] moduleDescriptor() {
    ClassWriter writer = new ClassWriter(0);
    writer.visit(Opcodes.V11, Opcodes.ACC_MODULE, "module-info", null, null, null);
    ModuleVisitor module = writer.visitModule("com.acme.billing", 0, null);
    module.visitRequire("java.base", Opcodes.ACC_MANDATED, null);
    module.visitExport("com/acme/billing", 0);
    module.visitEnd();
    writer.visitEnd();
    return writer.toByteArray();
  }

  /**
   * @param relativePath a class file's path on the test class path
   * @return its bytes
   */
  static byte[] bytes(String relativePath) {
    try (InputStream in = Samples.class.getResourceAsStream("/" + relativePath)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Copies sample class files into a classes directory, as the compiler would have written them.
   *
   * @param classes the classes directory
   * @param relativePaths the class files
   */
  static void compile(Path classes, String... relativePaths) throws IOException {
    for (String relativePath : relativePaths) {
      Path file = classes.resolve(relativePath);
      Files.createDirectories(file.getParent());
      Files.write(file, bytes(relativePath));
    }
  }
}
