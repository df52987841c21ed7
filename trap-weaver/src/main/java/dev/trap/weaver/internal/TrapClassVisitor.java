package dev.trap.weaver.internal;

import dev.trap.weaver.CallSiteSelector;
import dev.trap.weaver.ClassSelector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.AnalyzerAdapter;

/**
 * Chooses the methods that get a trap and assembles, for each, the chain that weaves it:
 * {@code [FrameExpander -> ConstructorHead -> AnalyzerAdapter (constructors)] -> TrapMethodAdapter
 * -> InvocationSlot -> [CallSiteAdapter] -> LambdaCarrier -> HandoffAdapter -> writer}; methods
 * without a trap get the part from {@link CallSiteAdapter} on. Frames stay compressed except in
 * constructors. The bridges that call sites ask for ({@link CallSiteBridges}) are woven as methods
 * of their own at the end, where the class is marked as woven.
 */
final class TrapClassVisitor extends ClassVisitor {

  private final ClassFileScanner facts;
  private final boolean weaveLambdas;
  private final Set<String> leftAlone;
  private final String version;
  private final CallSiteSelector callSites;
  private final ClassSelector selector;
  /** Per method, what the JVM would say of each bridged call's null receiver. */
  private final Map<String, List<String>> nullMessages;
  private CallSiteBridges bridges;
  private String markerText;
  private final List<TrapMethodAdapter> adapters = new ArrayList<>();
  private final Map<String, Integer> tooWide = new LinkedHashMap<>();
  /** Methods with code that get no trap, for the marker. */
  private final List<String> withoutTrap = new ArrayList<>();
  private String owner;
  private String sourceFile;

  /**
   * @param leftAlone methods ({@code name + descriptor}) not to weave, such as ones too large
   */
  TrapClassVisitor(ClassVisitor next, ClassFileScanner facts, boolean weaveLambdas,
      Set<String> leftAlone, String version, CallSiteSelector callSites, ClassSelector selector,
      Map<String, List<String>> nullMessages) {
    super(TrapContract.ASM_API, next);
    this.nullMessages = nullMessages;
    this.facts = facts;
    this.weaveLambdas = weaveLambdas;
    this.leftAlone = leftAlone;
    this.version = version;
    this.callSites = callSites;
    this.selector = selector;
  }

  @Override
  public void visit(int classVersion, int access, String name, String signature, String superName,
      String[] interfaces) {
    this.owner = name;
    boolean isInterface = (access & Opcodes.ACC_INTERFACE) != 0;
    // Interfaces may hold private static methods, the bridges, from Java 8's class files on.
    if (!callSites.isEmpty() && (!isInterface || (classVersion & 0xFFFF) >= Opcodes.V1_8)) {
      bridges = new CallSiteBridges(name, isInterface);
    }
    super.visit(classVersion, access, name, signature, superName, interfaces);
  }

  @Override
  public void visitSource(String source, String debug) {
    this.sourceFile = source;
    super.visitSource(source, debug);
  }

  @Override
  public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
      String[] exceptions) {
    // Tasks handed to other threads follow the caller's scope, from woven methods and others;
    // lambdas follow the scope they are made in, except those that every test shares.
    MethodVisitor writer = new HandoffAdapter(
        super.visitMethod(access, name, descriptor, signature, exceptions));
    if (!"<clinit>".equals(name)) {
      writer = new LambdaCarrier(writer);
    }
    CallSiteBridges.Bridge bridge = bridges == null || !name.startsWith(CallSiteBridges.PREFIX)
        ? null : bridges.byName(name);
    if (bridges != null && bridge == null) {
      writer = new CallSiteAdapter(writer, callSites, selector, bridges,
          nullMessages.get(name + descriptor));
    }
    boolean hasCode = (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0;
    if ((bridge == null && !isWoven(access, name)) || leftAlone.contains(name + descriptor)) {
      if (hasCode) {
        withoutTrap.add(name + descriptor);
      }
      return writer;
    }
    int slots = TrapContract.parameterSlots(access, descriptor);
    if (slots > TrapContract.MAX_TRAPPED_SLOTS) {
      tooWide.put(name + descriptor, slots);
      withoutTrap.add(name + descriptor);
      return writer;
    }
    boolean constructor = "<init>".equals(name);
    InvocationSlot slot = new InvocationSlot(owner, access, descriptor, constructor, writer);
    TrapMethodAdapter trap = new TrapMethodAdapter(owner, access, name, descriptor, sourceFile,
        facts.method(name, descriptor), slot);
    adapters.add(trap);
    if (bridge != null) {
      trap.setCallSite(bridge.metadata(), bridge.opcode == Opcodes.INVOKEVIRTUAL
          || bridge.opcode == Opcodes.INVOKEINTERFACE);
    }
    if (!constructor) {
      return trap;
    }
    AnalyzerAdapter analyzer = new AnalyzerAdapter(owner, access, name, descriptor, trap);
    ConstructorHead head = new ConstructorHead(analyzer);
    trap.setAnalyzer(analyzer, head);
    return new FrameExpander(owner, access, name, descriptor, head);
  }

  /**
   * What gets a trap: every method with code, except class initializers (they run once, before
   * any interceptor could want them, and a trap there would make the runtime part of class
   * initialization), bridges (they only forward to the woven method) and other compiler-made
   * synthetic methods; lambda bodies on request.
   */
  private boolean isWoven(int access, String name) {
    if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_BRIDGE)) != 0
        || "<clinit>".equals(name)) {
      return false;
    }
    if ((access & Opcodes.ACC_SYNTHETIC) != 0) {
      return weaveLambdas && name.startsWith("lambda$");
    }
    return true;
  }

  @Override
  public void visitEnd() {
    if (bridges != null) {
      bridges.emit(this);
    }
    if (wovenMethods() > 0) {
      List<String> untrapped = new ArrayList<>(withoutTrap);
      untrapped.addAll(untrapped());
      WovenMarker marker = new WovenMarker(version, untrapped);
      markerText = marker.content();
      super.visitAttribute(marker);
    }
    super.visitEnd();
  }

  /** @return the methods called through trapped call sites, as {@code owner.name + descriptor} */
  Set<String> callees() {
    return bridges == null ? Set.of() : bridges.callees();
  }

  /** @return the text of the marker the class got, or null if it got none */
  String markerText() {
    return markerText;
  }

  int wovenMethods() {
    int woven = 0;
    for (TrapMethodAdapter adapter : adapters) {
      if (adapter.isTrapped()) {
        woven++;
      }
    }
    return woven;
  }

  /** @return the class's own methods that got a trap, not the bridges of its trapped calls */
  int wovenOwnMethods() {
    int woven = 0;
    for (TrapMethodAdapter adapter : adapters) {
      if (adapter.isTrapped() && !adapter.method().startsWith(CallSiteBridges.PREFIX)) {
        woven++;
      }
    }
    return woven;
  }

  /**
   * @return the methods ({@code name + descriptor}) left alone for their many parameters, with
   *     their parameter slots
   */
  Map<String, Integer> tooWide() {
    return tooWide;
  }

  /** @return the methods chosen for a trap that could not take one */
  List<String> untrapped() {
    List<String> methods = new ArrayList<>();
    for (TrapMethodAdapter adapter : adapters) {
      if (!adapter.isTrapped()) {
        methods.add(adapter.method());
      }
    }
    return methods;
  }
}
