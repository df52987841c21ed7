package dev.trap.weaver.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.objectweb.asm.Attribute;
import org.objectweb.asm.ByteVector;
import org.objectweb.asm.ClassWriter;

/**
 * The class attribute that marks a class as woven; see {@link TrapContract#MARKER_ATTRIBUTE}:
 * the Trap version, then one line per method with code that has no trap,
 * {@code name + descriptor}, so the runtime can tell a patch of such a method that it cannot
 * take effect.
 */
final class WovenMarker extends Attribute {

  private final String content;

  WovenMarker(String version) {
    this(version, List.of());
  }

  WovenMarker(String version, List<String> untrapped) {
    super(TrapContract.MARKER_ATTRIBUTE);
    StringBuilder text = new StringBuilder(version);
    for (String method : untrapped) {
      text.append('\n').append(method);
    }
    this.content = text.toString();
  }

  /** @return the marker's text: the version, then a line per method without a trap */
  String content() {
    return content;
  }

  @Override
  protected ByteVector write(ClassWriter classWriter, byte[] code, int codeLength, int maxStack,
      int maxLocals) {
    byte[] content = this.content.getBytes(StandardCharsets.UTF_8);
    return new ByteVector(content.length).putByteArray(content, 0, content.length);
  }
}
