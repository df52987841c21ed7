package dev.trap;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Traces a test, or every test of a class, when the run as a whole is not traced: Trap writes the
 * tree of its calls of woven methods under {@code target/trap-traces/} (see {@link Trace}).
 *
 * @since 0.2.0
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Traced {

  /** @return {@code true} to keep the trace only if the test fails */
  boolean failuresOnly() default false;
}
