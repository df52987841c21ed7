package dev.trap.internal.dispatch;

import java.util.ArrayList;
import java.util.List;

/** Reads the parameter list of a method descriptor without loading any class. */
public final class DescriptorParameters {

  private DescriptorParameters() {
  }

  static int count(String descriptor) {
    return typeNames(descriptor).size();
  }

  /** @return the parameters' Java type names, such as {@code int} or {@code java.lang.String[]} */
  public static List<String> typeNames(String descriptor) {
    List<String> names = new ArrayList<String>();
    int i = 1;
    while (descriptor.charAt(i) != ')') {
      int dimensions = 0;
      while (descriptor.charAt(i) == '[') {
        dimensions++;
        i++;
      }
      String element;
      char c = descriptor.charAt(i);
      if (c == 'L') {
        int end = descriptor.indexOf(';', i);
        element = descriptor.substring(i + 1, end).replace('/', '.');
        i = end + 1;
      } else {
        element = primitiveName(c);
        i++;
      }
      StringBuilder name = new StringBuilder(element);
      for (int d = 0; d < dimensions; d++) {
        name.append("[]");
      }
      names.add(name.toString());
    }
    return names;
  }

  private static String primitiveName(char c) {
    switch (c) {
      case 'Z': return "boolean";
      case 'B': return "byte";
      case 'C': return "char";
      case 'S': return "short";
      case 'I': return "int";
      case 'J': return "long";
      case 'F': return "float";
      case 'D': return "double";
      default: throw new IllegalArgumentException("Not a field type: " + c);
    }
  }
}
