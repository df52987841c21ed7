package samples;

/** A library class, left unwoven, whose method comes from the more specific of two defaults. */
public final class Diamond {

  private Diamond() {
  }

  public interface I1 {
    default String m() {
      return "I1";
    }
  }

  public interface I2 extends I1 {
    @Override
    default String m() {
      return "I2";
    }
  }

  /** Lists I1 before I2: the JVM still resolves m to I2's, the maximally specific. */
  public static class X implements I1, I2 {
  }
}
