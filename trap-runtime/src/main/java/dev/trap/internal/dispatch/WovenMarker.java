package dev.trap.internal.dispatch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Trap's marker as a loaded class's class file holds it: whether the class was woven, by which
 * version, and which of its methods with code got no trap. The weaver writes it as the class
 * attribute {@code dev.trap.Woven}, holding the version and then one line per such method,
 * {@code name + descriptor} ({@code dev.trap.weaver.internal.WovenMarker}); change both together.
 *
 * <p>Read from the class file the class's loader serves as a resource, the file the class was
 * defined from in every build Trap supports (a classes directory or a jar on the class path).
 * A class that Trap's agent wove as it loaded has an unwoven file: the agent, on the system class
 * path as every agent is, hands its marker over through {@code
 * dev.trap.weaver.TrapAgent.wovenMarkers()}; change both together.
 */
public final class WovenMarker {

  /** What the class file said, or could not. */
  public enum State { WOVEN, NOT_WOVEN, UNREADABLE }

  private static final String ATTRIBUTE = "dev.trap.Woven";
  private static final String AGENT = "dev.trap.weaver.TrapAgent";
  /** The agent's markers, once looked up; empty without the agent. */
  private static volatile Map<?, ?> agentMarkers;

  public final State state;
  final String version;
  private final Set<String> untrapped;

  private WovenMarker(State state, String version, Set<String> untrapped) {
    this.state = state;
    this.version = version;
    this.untrapped = untrapped;
  }

  /** @return the marker of a loaded class, read from its class file */
  static WovenMarker of(Class<?> type) {
    String resource = type.getName().replace('.', '/') + ".class";
    ClassLoader loader = type.getClassLoader();
    try (InputStream in = loader == null ? ClassLoader.getSystemResourceAsStream(resource)
        : loader.getResourceAsStream(resource)) {
      WovenMarker marker = in == null
          ? new WovenMarker(State.UNREADABLE, null, Collections.<String>emptySet())
          : read(readAll(in));
      return marker.state == State.WOVEN ? marker : ofAgent(type, marker);
    } catch (IOException | RuntimeException e) {
      return ofAgent(type,
          new WovenMarker(State.UNREADABLE, null, Collections.<String>emptySet()));
    }
  }

  /** @return the marker Trap's agent gave the class as it loaded, or {@code otherwise} */
  private static WovenMarker ofAgent(Class<?> type, WovenMarker otherwise) {
    Object text = agentMarkers().get(type.getName());
    return text instanceof String ? fromContent((String) text) : otherwise;
  }

  /** An agent is started before any class is loaded: one look suffices. */
  private static Map<?, ?> agentMarkers() {
    Map<?, ?> markers = agentMarkers;
    if (markers == null) {
      try {
        markers = (Map<?, ?>) Class.forName(AGENT, false, ClassLoader.getSystemClassLoader())
            .getMethod("wovenMarkers").invoke(null);
      } catch (ReflectiveOperationException | RuntimeException | LinkageError noAgent) {
        markers = Collections.emptyMap();
      }
      agentMarkers = markers;
    }
    return markers;
  }

  /** @return true if the method, {@code name + descriptor}, has a trap in a woven class */
  public boolean trapped(String nameAndDescriptor) {
    return state == State.WOVEN && !untrapped.contains(nameAndDescriptor);
  }

  static WovenMarker read(byte[] classFile) {
    ClassFileReader reader = new ClassFileReader(classFile);
    String content = reader.classAttribute(ATTRIBUTE);
    if (content == null) {
      return new WovenMarker(State.NOT_WOVEN, null, Collections.<String>emptySet());
    }
    return fromContent(content);
  }

  private static WovenMarker fromContent(String content) {
    String[] lines = content.split("\n", -1);
    Set<String> untrapped = new HashSet<String>(Arrays.asList(lines).subList(1, lines.length));
    return new WovenMarker(State.WOVEN, lines[0], untrapped);
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  /** Just enough of the class file format (JVMS 4) to find a class attribute by name. */
  private static final class ClassFileReader {

    private final byte[] bytes;
    private final int[] constants;
    /** Where the constant pool ends and the class's access flags begin. */
    private final int end;

    ClassFileReader(byte[] bytes) {
      this.bytes = bytes;
      int count = u2(8);
      this.constants = new int[count];
      int offset = 10;
      for (int i = 1; i < count; i++) {
        constants[i] = offset;
        int tag = bytes[offset] & 0xFF;
        switch (tag) {
          case 1: // Utf8
            offset += 3 + u2(offset + 1);
            break;
          case 5: // Long
          case 6: // Double
            offset += 9;
            i++;
            break;
          case 3: // Integer
          case 4: // Float
          case 9: // Fieldref
          case 10: // Methodref
          case 11: // InterfaceMethodref
          case 12: // NameAndType
          case 17: // Dynamic
          case 18: // InvokeDynamic
            offset += 5;
            break;
          case 7: // Class
          case 8: // String
          case 16: // MethodType
          case 19: // Module
          case 20: // Package
            offset += 3;
            break;
          case 15: // MethodHandle
            offset += 4;
            break;
          default:
            throw new IllegalArgumentException("Unknown constant tag " + tag);
        }
      }
      this.end = offset;
    }

    /** @return the content of the named class attribute as UTF-8, or null */
    String classAttribute(String name) {
      int offset = end + 6;
      offset += 2 + 2 * u2(offset);
      for (int members = 0; members < 2; members++) {
        int count = u2(offset);
        offset += 2;
        for (int i = 0; i < count; i++) {
          offset = skipAttributes(offset + 6);
        }
      }
      int attributes = u2(offset);
      offset += 2;
      for (int i = 0; i < attributes; i++) {
        int length = u4(offset + 2);
        if (name.equals(utf8(u2(offset)))) {
          return new String(bytes, offset + 6, length, StandardCharsets.UTF_8);
        }
        offset += 6 + length;
      }
      return null;
    }

    private int skipAttributes(int offset) {
      int attributes = u2(offset);
      offset += 2;
      for (int i = 0; i < attributes; i++) {
        offset += 6 + u4(offset + 2);
      }
      return offset;
    }

    /** Attribute names are plain ASCII in practice; modified UTF-8 matters not for this one. */
    private String utf8(int index) {
      int offset = constants[index];
      return new String(bytes, offset + 3, u2(offset + 1), StandardCharsets.UTF_8);
    }

    private int u2(int offset) {
      return (bytes[offset] & 0xFF) << 8 | bytes[offset + 1] & 0xFF;
    }

    private int u4(int offset) {
      return u2(offset) << 16 | u2(offset + 2);
    }
  }
}
