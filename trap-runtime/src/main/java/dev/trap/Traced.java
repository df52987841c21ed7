package dev.trap;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Traces a test, or every test of a class, in a run that does not trace it otherwise: Trap writes
 * the tree of its calls of woven methods under {@code target/trap-traces/} (see {@link Trace}).
 * In a run that keeps the traces of failed tests only ({@code -Dtrap.trace=failures}), a test
 * annotated {@code @Traced} keeps its trace when it passes too.
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
