// Every form of Mock passed, and 72 tests patching the same methods at once each saw their own
// values in all their work, however it was handed over; a patch ended with its test. On JDK 17
// and on JDK 25, no call ran without its test's scope.
def log = new File(basedir, 'build.log').text
def builds = log.split(/\[INFO\] Building mock-parallel 1.0-SNAPSHOT/).drop(1)
assert builds.size() == 2 : "two builds, got ${builds.size()}"

builds.eachWithIndex { build, i ->
  def where = i == 0 ? 'JDK 17' : 'JDK 25'
  def has = { String text -> assert build.contains(text) : "$where: build.log lacks: $text" }
  has 'Tests run: 8, Failures: 0, Errors: 0, Skipped: 0, Time elapsed'
  has 'Tests run: 2, Failures: 0, Errors: 0, Skipped: 1, Time elapsed'
  has 'Tests run: 82, Failures: 0, Errors: 0, Skipped: 1'
  assert !build.contains('[Trap] WARNING') : "$where: some work ran without its test's scope"
  has '[Trap] Calls of patched or recorded methods that ran the real method for want of their' +
      ' test\'s scope: 0 in no test while tests ran in parallel, 0 by work of tests that had ended'
  def atOnce = (build =~ /Stress tests at once, at most so far: (\d+)/).collect { it[1] as int }.max()
  assert atOnce >= 2 : "$where: the stress tests did not run in parallel (at most ${atOnce} at once)"
  println "$where: stress tests ran ${atOnce} at once at most"
}
assert builds[0] =~ /Stress tests on Java 17\./ : 'the first build ran on JDK 17'
assert builds[1] =~ /Stress tests on Java 25\./ : 'the second build ran on JDK 25'
