package samples;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/** Calls through trapped call sites (CallSitePrecisionTest), on receivers that may be null. */
public final class Receivers {

  static ArrayList<String> STATIC_LIST;

  ArrayList<String> field;
  Receivers next;

  private Receivers() {
  }

  // Resolution: the same ArrayList, named as a List or as an ArrayList.

  public static int sizeThroughList(ArrayList<String> names) {
    List<String> list = names;
    return list.size();
  }

  public static int sizeThroughArrayList(ArrayList<String> names) {
    return names.size();
  }

  public static int sizeOfAList(List<String> names) {
    return names.size();
  }

  // Null receivers, in expressions of several shapes.

  static Receivers holder() {
    return new Receivers();
  }

  static ArrayList<String>[] arrayOfNulls() {
    @SuppressWarnings("unchecked")
    ArrayList<String>[] lists = new ArrayList[3];
    return lists;
  }

  public static int computedIndex() {
    ArrayList<String>[] lists = arrayOfNulls();
    int i = 0;
    return lists[i + 1].size();
  }

  public static int elementOfAReturnedArray() {
    return arrayOfNulls()[0].size();
  }

  public static int fieldOfAReturnedObject() {
    return holder().field.size();
  }

  public static int fieldChain() {
    Receivers h = holder();
    h.next = holder();
    h.next.next = holder();
    return h.next.next.field.size();
  }

  public static int nullLiteral() {
    return ((ArrayList<String>) null).size();
  }

  public static int assignedInPlace() {
    ArrayList<String> a;
    ArrayList<String> b = STATIC_LIST;
    return (a = b).size();
  }

  public static int castOfAnObject() {
    Object o = STATIC_LIST;
    return ((ArrayList<?>) o).size();
  }

  public static int ternary(boolean flag) {
    ArrayList<String> a = STATIC_LIST;
    ArrayList<String> b = STATIC_LIST;
    return (flag ? a : b).size();
  }

  public static int staticField() {
    return STATIC_LIST.size();
  }

  public static int methodReferenceOnNull() {
    ToIntFunction<ArrayList<String>> size = ArrayList::size;
    return size.applyAsInt(null);
  }

  public static int boundMethodReferenceOnNull() {
    ArrayList<String> none = STATIC_LIST;
    java.util.function.IntSupplier size = none::size;
    return size.getAsInt();
  }

  public static int reassignedParameter(ArrayList<String> names) {
    names = STATIC_LIST;
    return names.size();
  }

  public static int inALambda() {
    ArrayList<String> captured = STATIC_LIST;
    java.util.function.IntSupplier size = () -> captured.size();
    return size.getAsInt();
  }

  public static int twoDimensional() {
    @SuppressWarnings("unchecked")
    ArrayList<String>[][] grid = new ArrayList[2][2];
    return grid[1][0].size();
  }

  public static int longChain() {
    Receivers h = holder();
    h.next = holder();
    h.next.next = holder();
    h.next.next.next = holder();
    h.next.next.next.next = holder();
    h.next.next.next.next.next = holder();
    return h.next.next.next.next.next.field.size();
  }
}
