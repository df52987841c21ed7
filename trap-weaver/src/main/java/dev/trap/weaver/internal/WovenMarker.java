package dev.trap.weaver.internal;

import java.nio.charset.StandardCharsets;
import org.objectweb.asm.Attribute;
import org.objectweb.asm.ByteVector;
import org.objectweb.asm.ClassWriter;

/** The class attribute that marks a class as woven; see {@link TrapContract#MARKER_ATTRIBUTE}. */
final class WovenMarker extends Attribute {

  private final String version;

  WovenMarker(String version) {
    super(TrapContract.MARKER_ATTRIBUTE);
    this.version = version;
  }

  @Override
  protected ByteVector write(ClassWriter classWriter, byte[] code, int codeLength, int maxStack,
      int maxLocals) {
    byte[] content = version.getBytes(StandardCharsets.UTF_8);
    return new ByteVector(content.length).putByteArray(content, 0, content.length);
  }
}
