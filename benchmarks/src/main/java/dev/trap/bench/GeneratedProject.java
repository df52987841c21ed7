package dev.trap.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * A generated project to link and patch: classes {@code gen.subject.Subject<i>} of
 * {@value #METHODS} small methods each, of four shapes (static and instance, primitive and
 * reference), and for each a {@code gen.caller.Caller<i>}, a {@link Runnable} that makes one
 * subject and calls each of its methods once. Only the subjects are to be woven.
 */
final class GeneratedProject {

  static final int METHODS = 100;
  /** The include pattern that selects the subjects. */
  static final String SUBJECTS = "gen.subject.**";
  static final String SUBJECT = "gen/subject/Subject";
  static final String CALLER = "gen/caller/Caller";

  private GeneratedProject() {
  }

  /**
   * Defines the classes and initializes them, so that what follows pays for first calls only.
   *
   * @param classes the class files by binary name, subjects and callers
   * @param count how many subjects there are
   * @return the callers, one per subject
   */
  static List<Runnable> load(Map<String, byte[]> classes, int count)
      throws ReflectiveOperationException {
    Loader loader = new Loader(classes);
    List<Runnable> callers = new ArrayList<>();
    for (int c = 0; c < count; c++) {
      Class.forName((SUBJECT + c).replace('/', '.'), true, loader);
      callers.add((Runnable) Class.forName((CALLER + c).replace('/', '.'), true, loader)
          .getConstructor().newInstance());
    }
    return callers;
  }

  /** Four shapes, as in real code: static and instance, primitive and reference, one and two. */
  static String descriptor(int method) {
    switch (method % 4) {
      case 0: return "(I)I";
      case 1: return "(I)I";
      case 2: return "(Ljava/lang/String;)Ljava/lang/String;";
      default: return "(JLjava/lang/Object;)J";
    }
  }

  static boolean isStatic(int method) {
    return method % 4 == 0 || method % 4 == 2;
  }

  static byte[] subject(int index) {
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    writer.visit(Opcodes.V11, Opcodes.ACC_PUBLIC, SUBJECT + index, null, "java/lang/Object", null);
    MethodVisitor init = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
    init.visitCode();
    init.visitVarInsn(Opcodes.ALOAD, 0);
    init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    init.visitInsn(Opcodes.RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();
    for (int m = 0; m < METHODS; m++) {
      String descriptor = descriptor(m);
      int first = isStatic(m) ? 0 : 1;
      MethodVisitor method = writer.visitMethod(
          Opcodes.ACC_PUBLIC | (isStatic(m) ? Opcodes.ACC_STATIC : 0), "m" + m, descriptor, null,
          null);
      method.visitCode();
      Type argument = Type.getArgumentTypes(descriptor)[0];
      method.visitVarInsn(argument.getOpcode(Opcodes.ILOAD), first);
      if (argument.getSort() == Type.INT) {
        method.visitLdcInsn(m);
        method.visitInsn(Opcodes.IADD);
      }
      method.visitInsn(argument.getOpcode(Opcodes.IRETURN));
      method.visitMaxs(0, 0);
      method.visitEnd();
    }
    writer.visitEnd();
    return writer.toByteArray();
  }

  /** {@code Caller<i>.run()} makes one subject and calls each of its methods once. */
  static byte[] caller(int index) {
    String subject = SUBJECT + index;
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    writer.visit(Opcodes.V11, Opcodes.ACC_PUBLIC, CALLER + index, null, "java/lang/Object",
        new String[] {"java/lang/Runnable"});
    MethodVisitor init = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
    init.visitCode();
    init.visitVarInsn(Opcodes.ALOAD, 0);
    init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    init.visitInsn(Opcodes.RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();
    MethodVisitor run = writer.visitMethod(Opcodes.ACC_PUBLIC, "run", "()V", null, null);
    run.visitCode();
    run.visitTypeInsn(Opcodes.NEW, subject);
    run.visitInsn(Opcodes.DUP);
    run.visitMethodInsn(Opcodes.INVOKESPECIAL, subject, "<init>", "()V", false);
    run.visitVarInsn(Opcodes.ASTORE, 1);
    for (int m = 0; m < METHODS; m++) {
      String descriptor = descriptor(m);
      if (!isStatic(m)) {
        run.visitVarInsn(Opcodes.ALOAD, 1);
      }
      switch (m % 4) {
        case 0:
        case 1:
          run.visitLdcInsn(m);
          break;
        case 2:
          run.visitLdcInsn("s");
          break;
        default:
          run.visitLdcInsn((long) m);
          run.visitInsn(Opcodes.ACONST_NULL);
          break;
      }
      run.visitMethodInsn(isStatic(m) ? Opcodes.INVOKESTATIC : Opcodes.INVOKEVIRTUAL, subject,
          "m" + m, descriptor, false);
      run.visitInsn(Type.getReturnType(descriptor).getSize() == 2 ? Opcodes.POP2 : Opcodes.POP);
    }
    run.visitInsn(Opcodes.RETURN);
    run.visitMaxs(0, 0);
    run.visitEnd();
    writer.visitEnd();
    return writer.toByteArray();
  }

  /** Defines the generated classes; everything else, Trap's runtime included, from its parent. */
  private static final class Loader extends ClassLoader {

    private final Map<String, byte[]> classes;

    Loader(Map<String, byte[]> classes) {
      super(GeneratedProject.class.getClassLoader());
      this.classes = classes;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      byte[] bytes = classes.get(name);
      if (bytes == null) {
        throw new ClassNotFoundException(name);
      }
      return defineClass(name, bytes, 0, bytes.length);
    }
  }
}
