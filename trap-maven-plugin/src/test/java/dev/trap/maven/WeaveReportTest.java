package dev.trap.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WeaveReportTest {

  @Test
  void summary_should_countWovenClassesAndMethods() {
    WeaveReport report = new WeaveReport("0.1.0");
    report.woven(3);
    report.woven(1);
    report.millis(143);

    assertEquals("Trap 0.1.0 wove 2 classes (4 methods) in 143 ms", report.summary());
  }

  @Test
  void summary_should_sayWhatWasUpToDate_leftAloneAndFailed() {
    WeaveReport report = new WeaveReport("0.1.0");
    report.woven(1);
    report.upToDate();
    report.upToDate();
    report.leftAlone("interface without code");
    report.leftAlone("enum");
    report.leftAlone("interface without code");
    report.failed("A.class", "bad", null);
    report.millis(7);

    assertEquals("Trap 0.1.0 wove 1 class (1 method) in 7 ms; 2 up to date; 3 left alone"
        + " (1 enum, 2 interface without code); 1 failed and left unwoven", report.summary());
    assertEquals(7, report.selectedClasses());
  }

  @Test
  void summary_should_sayNothingWasWoven_whenAllIsUpToDate() {
    WeaveReport report = new WeaveReport("0.1.0");
    report.upToDate();

    assertEquals("Trap 0.1.0 wove 0 classes in 0 ms; 1 up to date", report.summary());
  }

  @Test
  void summary_should_nameWhatWasWoven_forADependency() {
    WeaveReport report = new WeaveReport("0.1.0", "com.acme:billing:1.0");
    report.woven(3);

    assertEquals("Trap 0.1.0 wove 1 class (3 methods) of com.acme:billing:1.0 in 0 ms",
        report.summary());
  }
}
