package com.acme.shop;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/** Many tests patching the same methods with values of their own, all at once. */
class ParallelStressBTest {

  @RepeatedTest(20)
  void each_test_should_see_its_own_patches_on_every_thread(RepetitionInfo repetition)
      throws Exception {
    StressSupport.patchAndCheck(2000 + repetition.getCurrentRepetition());
  }
}
