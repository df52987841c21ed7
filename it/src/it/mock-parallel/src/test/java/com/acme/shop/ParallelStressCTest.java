package com.acme.shop;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/** Many tests patching the same methods with values of their own, all at once. */
class ParallelStressCTest {

  @BeforeAll
  static void startPoolsBeforeTheTests() throws Exception {
    StressSupport.warmUp();
  }

  @RepeatedTest(24)
  void each_test_should_see_its_own_patches_in_all_its_work(RepetitionInfo repetition)
      throws Exception {
    StressSupport.patchAndCheck(3000 + repetition.getCurrentRepetition());
  }
}
