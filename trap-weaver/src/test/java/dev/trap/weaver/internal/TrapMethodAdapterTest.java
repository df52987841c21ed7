package dev.trap.weaver.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trap.weaver.Weaver;
import dev.trap.weaver.testing.WovenClasses;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.Textifier;
import org.objectweb.asm.util.TraceClassVisitor;

/** The woven bytecode itself, as text: what the trap looks like to a reader of javap. */
class TrapMethodAdapterTest {

  private static final String BOOTSTRAP = "      // handle kind 0x6 : INVOKESTATIC\n"
      + "      dev/trap/internal/dispatch/Trampoline.bootstrap(Ljava/lang/invoke/MethodHandles$Lookup;"
      + "Ljava/lang/String;Ljava/lang/invoke/MethodType;Ljava/lang/String;)"
      + "Ljava/lang/invoke/CallSite;\n";

  @Test
  void static_method_should_get_prologue_exit_and_handler() {
    assertEquals("public static add(II)I\n"
        + "    TRYCATCHBLOCK L0 L1 L1 null\n"
        + "    ACONST_NULL\n"
        + "    ASTORE 2\n"
        + "   L2\n"
        + "    LINENUMBER 13 L2\n"
        + "    ILOAD 0\n"
        + "    ILOAD 1\n"
        + "    INVOKEDYNAMIC trap(II)Ljava/lang/Object; [\n"
        + BOOTSTRAP
        + "      // arguments:\n"
        + "      \"9 13 add/(II)I+a/b/Calculator.java\"\n"
        + "    ]\n"
        + "    DUP\n"
        + "    ASTORE 2\n"
        + "    IFNULL L0\n"
        + "    ALOAD 2\n"
        + "    INVOKESTATIC dev/trap/internal/dispatch/Trampoline.isDone (Ljava/lang/Object;)Z\n"
        + "    IFEQ L3\n"
        + "    ALOAD 2\n"
        + "    INVOKESTATIC dev/trap/internal/dispatch/Trampoline.outcome (Ljava/lang/Object;)"
        + "Ljava/lang/Object;\n"
        + "    CHECKCAST java/lang/Integer\n"
        + "    INVOKEVIRTUAL java/lang/Integer.intValue ()I\n"
        + "    IRETURN\n"
        + "   L3\n"
        + "   FRAME APPEND [java/lang/Object]\n"
        + "    ALOAD 2\n"
        + "    ICONST_0\n"
        + "    INVOKESTATIC dev/trap/internal/dispatch/Trampoline.argument (Ljava/lang/Object;I)"
        + "Ljava/lang/Object;\n"
        + "    CHECKCAST java/lang/Integer\n"
        + "    INVOKEVIRTUAL java/lang/Integer.intValue ()I\n"
        + "    ISTORE 0\n"
        + "    ALOAD 2\n"
        + "    ICONST_1\n"
        + "    INVOKESTATIC dev/trap/internal/dispatch/Trampoline.argument (Ljava/lang/Object;I)"
        + "Ljava/lang/Object;\n"
        + "    CHECKCAST java/lang/Integer\n"
        + "    INVOKEVIRTUAL java/lang/Integer.intValue ()I\n"
        + "    ISTORE 1\n"
        + "   L0\n"
        + "    LINENUMBER 13 L0\n"
        + "   FRAME SAME\n"
        + "    ILOAD 0\n"
        + "    ILOAD 1\n"
        + "    IADD\n"
        + "    ALOAD 2\n"
        + "    INVOKESTATIC dev/trap/internal/dispatch/Trampoline.exit (ILjava/lang/Object;)I\n"
        + "    IRETURN\n"
        + "   L1\n"
        + "   FRAME FULL [T T java/lang/Object] [java/lang/Throwable]\n"
        + "    ALOAD 2\n"
        + "    INVOKESTATIC dev/trap/internal/dispatch/Trampoline.onThrow (Ljava/lang/Throwable;"
        + "Ljava/lang/Object;)Ljava/lang/Object;\n"
        + "    CHECKCAST java/lang/Integer\n"
        + "    INVOKEVIRTUAL java/lang/Integer.intValue ()I\n"
        + "    IRETURN\n"
        + "    LOCALVARIABLE a I L0 L1 0\n"
        + "    LOCALVARIABLE b I L0 L1 1\n"
        + "    MAXSTACK = 4\n"
        + "    MAXLOCALS = 3", wovenMethod("samples.Calculator", "public static add(II)I"));
  }

  @Test
  void constructor_should_get_its_trap_after_the_super_call() {
    String constructor = wovenMethod("samples.Calculator", "public <init>(Ljava/lang/String;)V");

    assertEquals("public <init>(Ljava/lang/String;)V\n"
        + "    TRYCATCHBLOCK L0 L1 L1 null\n"
        + "    ACONST_NULL\n"
        + "    ASTORE 2\n"
        + "   L2\n"
        + "    LINENUMBER 8 L2\n"
        + "    ALOAD 0\n"
        + "    INVOKESPECIAL java/lang/Object.<init> ()V\n"
        + "    ALOAD 0\n"
        + "    ALOAD 1\n"
        + "    INVOKEDYNAMIC trap(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object; [",
        constructor.substring(0, constructor.indexOf("\n" + BOOTSTRAP)));
    assertEquals("   L3\n"
        + "   FRAME FULL [samples/Calculator java/lang/String java/lang/Object] []\n"
        + "    ALOAD 2\n"
        + "    ICONST_0\n"
        + "    INVOKESTATIC dev/trap/internal/dispatch/Trampoline.argument (Ljava/lang/Object;I)"
        + "Ljava/lang/Object;\n"
        + "    CHECKCAST java/lang/String\n"
        + "    ASTORE 1\n"
        + "   L0\n"
        + "    LINENUMBER 9 L0\n"
        + "   FRAME SAME\n"
        + "    ALOAD 0\n"
        + "    ALOAD 1\n"
        + "    PUTFIELD samples/Calculator.name : Ljava/lang/String;\n"
        + "   L4\n"
        + "    LINENUMBER 10 L4\n"
        + "    ALOAD 2\n"
        + "    INVOKESTATIC dev/trap/internal/dispatch/Trampoline.exit (Ljava/lang/Object;)V\n"
        + "    RETURN\n"
        + "   L1\n"
        + "   FRAME FULL [T T java/lang/Object] [java/lang/Throwable]\n"
        + "    ALOAD 2\n"
        + "    INVOKESTATIC dev/trap/internal/dispatch/Trampoline.onThrow (Ljava/lang/Throwable;"
        + "Ljava/lang/Object;)Ljava/lang/Object;\n"
        + "    POP\n"
        + "    RETURN\n"
        + "    LOCALVARIABLE this Lsamples/Calculator; L2 L1 0\n"
        + "    LOCALVARIABLE name Ljava/lang/String; L2 L1 1\n"
        + "    MAXSTACK = 4\n"
        + "    MAXLOCALS = 3", constructor.substring(constructor.indexOf("   L3\n")));
  }

  @Test
  void locals_after_the_parameters_should_move_up_one_slot() {
    String scale = wovenMethod("samples.Calculator", "public scale(JDI)J");

    assertTrue(scale.contains("LOCALVARIABLE offset I L0 L1 5\n"), scale);
    assertTrue(scale.contains("LOCALVARIABLE local J L4 L1 7\n"), scale);
    assertTrue(scale.contains("    LSTORE 7\n"), scale);
    assertTrue(scale.contains("    ASTORE 6\n"), scale);
  }

  private static String wovenMethod(String className, String header) {
    try {
      byte[] woven = Weaver.builder().include("samples.**").build()
          .weave(WovenClasses.original(className), className).bytes();
      StringWriter text = new StringWriter();
      new ClassReader(woven).accept(
          new TraceClassVisitor(null, new Textifier(), new PrintWriter(text)), 0);
      String all = text.toString();
      int start = all.indexOf(header);
      return all.substring(start, all.indexOf("\n\n", start));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
