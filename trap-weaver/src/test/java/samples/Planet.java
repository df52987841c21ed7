package samples;

/** An enum with a constructor, fields and a constant-specific body. */
public enum Planet {
  MERCURY(3.303e+23, 2.4397e6),
  EARTH(5.976e+24, 6.37814e6) {
    @Override
    public String describe() {
      return "home";
    }
  };

  private final double mass;
  private final double radius;

  Planet(double mass, double radius) {
    this.mass = mass;
    this.radius = radius;
  }

  public double surfaceGravity() {
    return 6.67300E-11 * mass / (radius * radius);
  }

  public String describe() {
    return name().toLowerCase();
  }
}
