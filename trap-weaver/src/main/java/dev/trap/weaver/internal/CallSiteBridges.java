package dev.trap.weaver.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The bridges of one class's trapped call sites: one private static method per method called,
 * whose body is the original call. Each call site then calls the bridge instead, with the same
 * stack effect (a receiver becomes the first argument), and the bridge is woven like any other
 * method, so its trap is the call site's. Its trap's metadata names the called method, which the
 * runtime files the trap under.
 *
 * <pre>{@code
 * long t = System.currentTimeMillis();   becomes   long t = trap$call$0();
 * private static synthetic long trap$call$0() { <trap>; return System.currentTimeMillis(); }
 * }</pre>
 *
 * <p>A constructor call ({@code new Random()}) goes the same way: its bridge makes the object
 * and returns it, and its trap is filed as the constructor.
 *
 * <p>A read of a static field goes the same way: its bridge reads the field, and its trap is
 * filed as a method of the field's name without parameters ({@code TIMEOUT()I}).
 */
final class CallSiteBridges {

  /** Starts the names of the bridges; no compiler makes such names. */
  static final String PREFIX = "trap$call$";

  private final String owner;
  private final boolean ownerIsInterface;
  private final Map<String, Bridge> bridges = new LinkedHashMap<>();

  CallSiteBridges(String owner, boolean ownerIsInterface) {
    this.owner = owner;
    this.ownerIsInterface = ownerIsInterface;
  }

  /**
   * @param opcode {@code INVOKESTATIC}, {@code INVOKEVIRTUAL}, {@code INVOKEINTERFACE},
   *     {@code NEW} for a constructor call (with the constructor's descriptor), or
   *     {@code GETSTATIC} for a read of a static field, whose descriptor is then the field's
   * @return the bridge for calls of this method this way, made on first request
   */
  Bridge bridge(int opcode, String calleeOwner, String name, String descriptor,
      boolean calleeIsInterface) {
    return bridge(opcode, calleeOwner, name, descriptor, calleeIsInterface, null);
  }

  /**
   * @param nullMessage for a call with a receiver, what the JVM would say if it were null
   *     ({@link NullReceivers}), which the bridge says instead, empty for no message; null to
   *     let the call fail as it fails within the bridge. Calls that the JVM would word otherwise get bridges of their own.
   * @return the bridge for calls of this method this way, made on first request
   */
  Bridge bridge(int opcode, String calleeOwner, String name, String descriptor,
      boolean calleeIsInterface, String nullMessage) {
    String key = opcode + " " + calleeOwner + "." + name + descriptor
        + (nullMessage == null ? "" : " " + nullMessage);
    Bridge bridge = bridges.get(key);
    if (bridge == null) {
      bridge = new Bridge(PREFIX + bridges.size(), opcode, calleeOwner, name, descriptor,
          calleeIsInterface, nullMessage);
      bridges.put(key, bridge);
    }
    return bridge;
  }

  /** @return true if some call site got a bridge */
  boolean isEmpty() {
    return bridges.isEmpty();
  }

  /** @return the methods called through bridges, as {@code owner.name + descriptor} */
  Set<String> callees() {
    Set<String> callees = new TreeSet<>();
    for (Bridge bridge : bridges.values()) {
      callees.add(bridge.calleeOwner + "." + bridge.name + (bridge.opcode == Opcodes.GETSTATIC
          ? bridge.bridgeDescriptor : bridge.descriptor));
    }
    return callees;
  }

  /** @return the bridge of that name, or null */
  Bridge byName(String bridgeName) {
    for (Bridge bridge : bridges.values()) {
      if (bridge.bridgeName.equals(bridgeName)) {
        return bridge;
      }
    }
    return null;
  }

  /**
   * Writes the bridges, through the class visitor that weaves methods, so each gets its trap.
   *
   * @param weaving the class visitor
   */
  void emit(ClassVisitor weaving) {
    for (Bridge bridge : new ArrayList<>(bridges.values())) {
      MethodVisitor method = weaving.visitMethod(
          Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, bridge.bridgeName,
          bridge.bridgeDescriptor, null, null);
      method.visitCode();
      boolean construction = bridge.opcode == Opcodes.NEW;
      if (bridge.nullMessage != null) {
        // Fails on a null receiver as the call itself would, in the caller's frame.
        method.visitVarInsn(Opcodes.ALOAD, 0);
        method.visitLdcInsn(bridge.nullMessage);
        method.visitMethodInsn(Opcodes.INVOKESTATIC, TrapContract.TRAMPOLINE,
            TrapContract.REQUIRE_RECEIVER, TrapContract.REQUIRE_RECEIVER_DESCRIPTOR, false);
      }
      if (construction) {
        method.visitTypeInsn(Opcodes.NEW, bridge.calleeOwner);
        method.visitInsn(Opcodes.DUP);
      }
      int slots = 0;
      for (Type argument : Type.getArgumentTypes(bridge.bridgeDescriptor)) {
        method.visitVarInsn(argument.getOpcode(Opcodes.ILOAD), slots);
        slots += argument.getSize();
      }
      if (bridge.opcode == Opcodes.GETSTATIC) {
        method.visitFieldInsn(Opcodes.GETSTATIC, bridge.calleeOwner, bridge.name,
            bridge.descriptor);
      } else if (construction) {
        method.visitMethodInsn(Opcodes.INVOKESPECIAL, bridge.calleeOwner, "<init>",
            bridge.descriptor, false);
      } else {
        method.visitMethodInsn(bridge.opcode, bridge.calleeOwner, bridge.name, bridge.descriptor,
            bridge.calleeIsInterface);
      }
      Type returnType = Type.getReturnType(bridge.bridgeDescriptor);
      method.visitInsn(returnType.getOpcode(Opcodes.IRETURN));
      method.visitMaxs(Math.max(slots + (construction ? 2 : 0), returnType.getSize()), slots);
      method.visitEnd();
    }
  }

  /** @return the class's internal name */
  String owner() {
    return owner;
  }

  /** @return whether the bridges go into an interface */
  boolean ownerIsInterface() {
    return ownerIsInterface;
  }

  /** One called method, and the bridge its call sites call instead. */
  static final class Bridge {
    final String bridgeName;
    final String bridgeDescriptor;
    final int opcode;
    final String calleeOwner;
    final String name;
    final String descriptor;
    final boolean calleeIsInterface;
    final String nullMessage;

    Bridge(String bridgeName, int opcode, String calleeOwner, String name, String descriptor,
        boolean calleeIsInterface, String nullMessage) {
      this.nullMessage = nullMessage;
      this.bridgeName = bridgeName;
      this.opcode = opcode;
      this.calleeOwner = calleeOwner;
      this.name = name;
      this.descriptor = descriptor;
      this.calleeIsInterface = calleeIsInterface;
      this.bridgeDescriptor = opcode == Opcodes.GETSTATIC ? "()" + descriptor
          : opcode == Opcodes.NEW
              ? descriptor.substring(0, descriptor.indexOf(')') + 1) + "L" + calleeOwner + ";"
          : opcode == Opcodes.INVOKESTATIC ? descriptor
          : "(L" + calleeOwner + ";" + descriptor.substring(1);
    }

    /**
     * The trap's metadata: {@code '>' kind owner ' '} before the usual metadata of the called
     * method, where kind is {@code s}tatic, {@code v}irtual, {@code i}nterface, {@code n}ew (a
     * constructor call) or {@code f}ield (a static field's read, as a method of its name
     * without parameters). Neither line nor
     * source file: those of the calling class would describe another method.
     */
    String metadata() {
      boolean isStatic = opcode == Opcodes.INVOKESTATIC || opcode == Opcodes.GETSTATIC;
      char kind = opcode == Opcodes.GETSTATIC ? 'f' : opcode == Opcodes.NEW ? 'n'
          : opcode == Opcodes.INVOKESTATIC ? 's' : opcode == Opcodes.INVOKEINTERFACE ? 'i' : 'v';
      int access = Opcodes.ACC_PUBLIC | (isStatic ? Opcodes.ACC_STATIC : 0);
      return ">" + kind + calleeOwner + " " + TrapContract.metadata(access, -1, name,
          opcode == Opcodes.GETSTATIC ? bridgeDescriptor : descriptor, null, null);
    }
  }
}
