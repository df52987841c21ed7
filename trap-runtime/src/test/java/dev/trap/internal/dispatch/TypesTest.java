package dev.trap.internal.dispatch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TypesTest {

  @Test
  void fits_should_accept_exact_boxes_for_primitives_only() {
    assertTrue(Types.fits(int.class, 1));
    assertFalse(Types.fits(int.class, 1L));
    assertFalse(Types.fits(int.class, null));
    assertTrue(Types.fits(char.class, 'c'));
    assertFalse(Types.fits(long.class, 1));
  }

  @Test
  void fits_should_accept_null_and_subtypes_for_references() {
    assertTrue(Types.fits(CharSequence.class, "text"));
    assertTrue(Types.fits(String.class, null));
    assertFalse(Types.fits(String.class, 1));
  }

  @Test
  void fits_should_accept_only_null_for_void() {
    assertTrue(Types.fits(void.class, null));
    assertFalse(Types.fits(void.class, 0));
  }
}
