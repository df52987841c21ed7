package dev.trap.weaver.internal;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reads what the weaver needs before it weaves, straight from the class file's structure and
 * without decoding any bytecode: Trap's marker, and per method its first line and parameter names.
 * The trap of a method is emitted before its code is visited, so these must be known first.
 */
final class ClassFileScanner {

  /** What the scan found for one method. */
  static final class MethodFacts {
    final int line;
    /** The names, or null if the class file has none. */
    final String[] parameterNames;

    MethodFacts(int line, String[] parameterNames) {
      this.line = line;
      this.parameterNames = parameterNames;
    }
  }

  static final MethodFacts UNKNOWN = new MethodFacts(-1, null);

  private final ClassReader reader;
  private final byte[] classFile;
  private final char[] buffer;
  private final Map<MethodKey, MethodFacts> methods = new HashMap<>();
  private String markerVersion;

  private ClassFileScanner(ClassReader reader, byte[] classFile) {
    this.reader = reader;
    this.classFile = classFile;
    this.buffer = new char[reader.getMaxStringLength()];
  }

  static ClassFileScanner scan(ClassReader reader, byte[] classFile) {
    ClassFileScanner scanner = new ClassFileScanner(reader, classFile);
    scanner.run();
    return scanner;
  }

  /** @return the version of Trap that wove the class, or null if it is not woven */
  String markerVersion() {
    return markerVersion;
  }

  MethodFacts method(String name, String descriptor) {
    MethodFacts facts = methods.get(new MethodKey(name, descriptor));
    return facts == null ? UNKNOWN : facts;
  }

  /** Keys by the reader's own strings: no concatenation, and their hash codes are cached. */
  private static final class MethodKey {
    private final String name;
    private final String descriptor;

    MethodKey(String name, String descriptor) {
      this.name = name;
      this.descriptor = descriptor;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof MethodKey && ((MethodKey) other).name.equals(name)
          && ((MethodKey) other).descriptor.equals(descriptor);
    }

    @Override
    public int hashCode() {
      return name.hashCode() * 31 + descriptor.hashCode();
    }
  }

  /** @return true if the class file carries Trap's marker; reads only the class attributes */
  static boolean isWoven(byte[] classFile) {
    return scan(new ClassReader(classFile), classFile).markerVersion != null;
  }

  private void run() {
    int offset = reader.header + 6;
    offset += 2 + 2 * reader.readUnsignedShort(offset);
    int fields = reader.readUnsignedShort(offset);
    offset += 2;
    for (int i = 0; i < fields; i++) {
      offset = skipAttributes(offset + 6);
    }
    int methodCount = reader.readUnsignedShort(offset);
    offset += 2;
    for (int i = 0; i < methodCount; i++) {
      offset = readMethod(offset);
    }
    int attributes = reader.readUnsignedShort(offset);
    offset += 2;
    for (int i = 0; i < attributes; i++) {
      String name = reader.readUTF8(offset, buffer);
      int length = reader.readInt(offset + 2);
      if (TrapContract.MARKER_ATTRIBUTE.equals(name)) {
        String content = new String(classFile, offset + 6, length, StandardCharsets.UTF_8);
        int lineEnd = content.indexOf('\n');
        markerVersion = lineEnd < 0 ? content : content.substring(0, lineEnd);
      }
      offset += 6 + length;
    }
  }

  private int skipAttributes(int offset) {
    int attributes = reader.readUnsignedShort(offset);
    offset += 2;
    for (int i = 0; i < attributes; i++) {
      offset += 6 + reader.readInt(offset + 2);
    }
    return offset;
  }

  private int readMethod(int offset) {
    int access = reader.readUnsignedShort(offset);
    String name = reader.readUTF8(offset + 2, buffer);
    String descriptor = reader.readUTF8(offset + 4, buffer);
    int attributes = reader.readUnsignedShort(offset + 6);
    offset += 8;
    Type[] arguments = Type.getArgumentTypes(descriptor);
    String[] fromMethodParameters = null;
    String[] fromLocalVariables = null;
    int line = -1;
    for (int i = 0; i < attributes; i++) {
      String attribute = reader.readUTF8(offset, buffer);
      int length = reader.readInt(offset + 2);
      int start = offset + 6;
      if ("Code".equals(attribute)) {
        int codeLength = reader.readInt(start + 4);
        int codeAttributes = start + 8 + codeLength;
        codeAttributes += 2 + 8 * reader.readUnsignedShort(codeAttributes);
        CodeFacts code = readCodeAttributes(codeAttributes, access, arguments);
        line = code.line;
        fromLocalVariables = code.names;
      } else if ("MethodParameters".equals(attribute)) {
        fromMethodParameters = readMethodParameters(start, arguments.length);
      }
      offset = start + length;
    }
    String[] names = fromMethodParameters != null ? fromMethodParameters : fromLocalVariables;
    methods.put(new MethodKey(name, descriptor), new MethodFacts(line, names));
    return offset;
  }

  private static final class CodeFacts {
    int line = -1;
    String[] names;
  }

  private CodeFacts readCodeAttributes(int offset, int access, Type[] arguments) {
    CodeFacts facts = new CodeFacts();
    int firstPc = Integer.MAX_VALUE;
    int[] slots = parameterSlots(access, arguments);
    String[] names = new String[arguments.length];
    int found = 0;
    int attributes = reader.readUnsignedShort(offset);
    offset += 2;
    for (int i = 0; i < attributes; i++) {
      String attribute = reader.readUTF8(offset, buffer);
      int length = reader.readInt(offset + 2);
      int start = offset + 6;
      if ("LineNumberTable".equals(attribute)) {
        int entries = reader.readUnsignedShort(start);
        for (int e = 0; e < entries; e++) {
          int pc = reader.readUnsignedShort(start + 2 + 4 * e);
          if (pc < firstPc) {
            firstPc = pc;
            facts.line = reader.readUnsignedShort(start + 4 + 4 * e);
          }
        }
      } else if ("LocalVariableTable".equals(attribute)) {
        int entries = reader.readUnsignedShort(start);
        for (int e = 0; e < entries; e++) {
          int entry = start + 2 + 10 * e;
          if (reader.readUnsignedShort(entry) != 0) {
            continue;
          }
          int slot = reader.readUnsignedShort(entry + 8);
          for (int p = 0; p < slots.length; p++) {
            if (slots[p] == slot && names[p] == null) {
              names[p] = reader.readUTF8(entry + 4, buffer);
              found++;
            }
          }
        }
      }
      offset = start + length;
    }
    facts.names = found == arguments.length ? names : null;
    return facts;
  }

  private String[] readMethodParameters(int offset, int expected) {
    int count = reader.readByte(offset);
    if (count != expected) {
      return null;
    }
    String[] names = new String[count];
    for (int i = 0; i < count; i++) {
      int nameIndex = reader.readUnsignedShort(offset + 1 + 4 * i);
      if (nameIndex == 0) {
        return null;
      }
      names[i] = reader.readUTF8(offset + 1 + 4 * i, buffer);
    }
    return names;
  }

  private static int[] parameterSlots(int access, Type[] arguments) {
    int[] slots = new int[arguments.length];
    int slot = (access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
    for (int i = 0; i < arguments.length; i++) {
      slots[i] = slot;
      slot += arguments[i].getSize();
    }
    return slots;
  }
}
