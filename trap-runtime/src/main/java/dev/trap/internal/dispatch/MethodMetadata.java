package dev.trap.internal.dispatch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a woven method's trap knows of the method: the one constant its {@code invokedynamic}
 * passes to the bootstrap. One string rather than six constants, because the JVM hands a single
 * constant to a bootstrap directly and several in an array it must box and adapt: that halves
 * what linking a trap costs. The weaver writes it ({@code TrapContract.metadata}); change both
 * together.
 *
 * <pre>
 * metadata := callSite? access ' ' line ' ' name '/' descriptor names sourceFile
 * callSite := '&gt;' kind owner ' '         the trap of calls of owner's method, kind being
 *                                       's'tatic, 'v'irtual, 'i'nterface or 'n'ew (a
 *                                       constructor call); or 'f' for reads
 *                                       of a static field, as a method of its name and no
 *                                       parameters
 * names    := '-'                         no names in the class file
 *           | '+' (parameterName '/')*    one per parameter
 * </pre>
 *
 * <p>Unambiguous without escapes: JVM names never contain {@code '/'}, a descriptor ends where its
 * structure ends, and the source file, which may hold anything, comes last. Linking reads the
 * numbers, the name and the descriptor; the rest is read on first use.
 */
final class MethodMetadata {

  final String metadata;
  /** For the trap of a call site: {@code 's'}, {@code 'v'}, {@code 'i'}, {@code 'n'} or {@code 'f'}; else 0. */
  final char callKind;
  /** For the trap of a call site: the called method's class, an internal name; else null. */
  final String callee;
  final int access;
  final int line;
  final String name;
  final String descriptor;
  private final int namesStart;

  MethodMetadata(String metadata) {
    try {
      this.metadata = metadata;
      int start = 0;
      if (metadata.charAt(0) == '>') {
        this.callKind = metadata.charAt(1);
        if ("svinf".indexOf(callKind) < 0) {
          throw new IllegalArgumentException("unknown call kind " + callKind);
        }
        start = metadata.indexOf(' ');
        this.callee = metadata.substring(2, start);
        start++;
      } else {
        this.callKind = 0;
        this.callee = null;
      }
      int space = metadata.indexOf(' ', start);
      int secondSpace = metadata.indexOf(' ', space + 1);
      this.access = number(metadata, start, space);
      this.line = number(metadata, space + 1, secondSpace);
      int slash = metadata.indexOf('/', secondSpace + 1);
      int descriptorEnd = descriptorEnd(metadata, slash + 1);
      this.name = metadata.substring(secondSpace + 1, slash);
      this.descriptor = metadata.substring(slash + 1, descriptorEnd);
      this.namesStart = descriptorEnd;
      char names = metadata.charAt(namesStart);
      if (names != '-' && names != '+') {
        throw new IllegalArgumentException("no names marker");
      }
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Malformed trap metadata '" + metadata + "': the class"
          + " was woven by another version of Trap than this runtime. Use the same version of"
          + " trap-maven-plugin and trap-runtime, and rebuild (mvn clean).", e);
    }
  }

  /** Writes metadata as the weaver does; for tests, which link traps by hand. */
  static String encode(int access, int line, String name, String descriptor,
      List<String> parameterNames, String sourceFile) {
    StringBuilder text = new StringBuilder().append(access).append(' ').append(line).append(' ')
        .append(name).append('/').append(descriptor);
    if (parameterNames == null) {
      text.append('-');
    } else {
      text.append('+');
      for (String parameter : parameterNames) {
        text.append(parameter).append('/');
      }
    }
    return text.append(sourceFile == null ? "" : sourceFile).toString();
  }

  /** @return the parameter names, or null if the class file has none */
  List<String> parameterNames(int count) {
    if (metadata.charAt(namesStart) == '-') {
      return null;
    }
    List<String> names = new ArrayList<String>(count);
    int start = namesStart + 1;
    for (int i = 0; i < count; i++) {
      int end = metadata.indexOf('/', start);
      names.add(metadata.substring(start, end));
      start = end + 1;
    }
    return Collections.unmodifiableList(names);
  }

  /** @return the source file, or null */
  String sourceFile() {
    int start = namesStart + 1;
    if (metadata.charAt(namesStart) == '+') {
      for (int i = DescriptorParameters.count(descriptor); i > 0; i--) {
        start = metadata.indexOf('/', start) + 1;
      }
    }
    return start == metadata.length() ? null : metadata.substring(start);
  }

  private static int number(String text, int start, int end) {
    boolean negative = text.charAt(start) == '-';
    int value = 0;
    for (int i = negative ? start + 1 : start; i < end; i++) {
      char digit = text.charAt(i);
      if (digit < '0' || digit > '9') {
        throw new IllegalArgumentException("not a number at " + i);
      }
      value = value * 10 + digit - '0';
    }
    return negative ? -value : value;
  }

  /** @return the index after the descriptor that starts at {@code start} */
  private static int descriptorEnd(String text, int start) {
    if (text.charAt(start) != '(') {
      throw new IllegalArgumentException("no descriptor at " + start);
    }
    int i = start + 1;
    while (text.charAt(i) != ')') {
      i = fieldTypeEnd(text, i);
    }
    return fieldTypeEnd(text, i + 1);
  }

  private static int fieldTypeEnd(String text, int i) {
    while (text.charAt(i) == '[') {
      i++;
    }
    return text.charAt(i) == 'L' ? text.indexOf(';', i) + 1 : i + 1;
  }
}
