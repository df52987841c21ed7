// Every form of Mock passed, and 60 tests patching the same methods at once each saw their own
// values on every thread; a patch ended with its test. No thread ran in no test's scope.
def log = new File(basedir, 'build.log').text
def logHas = { String text -> assert log.contains(text) : "build.log lacks: $text" }

logHas 'Tests run: 8, Failures: 0, Errors: 0, Skipped: 0, Time elapsed'
logHas 'Tests run: 2, Failures: 0, Errors: 0, Skipped: 1, Time elapsed'
logHas 'Tests run: 70, Failures: 0, Errors: 0, Skipped: 1'
assert !log.contains('[Trap] WARNING') : 'a thread ran in no test\'s scope'
def atOnce = (log =~ /Stress tests at once, at most so far: (\d+)/).collect { it[1] as int }.max()
assert atOnce >= 2 : "the stress tests did not run in parallel (at most ${atOnce} at once)"
println "Stress tests ran ${atOnce} at once at most"
