// The test passed, so the interceptor saw the calls of the woven PriceCalculator.
def log = new File(basedir, 'build.log').text
def logHas = { String text -> assert log.contains(text) : "build.log lacks: $text" }

assert log =~ /Trap [^ ]+ wove 2 classes \(\d+ methods\) in \d+ ms/ : 'no summary line in build.log'
logHas 'Trap intercepted PriceCalculator.net[1000, 10]'
logHas 'Trap intercepted PriceCalculator.currency[]'
logHas 'Tests run: 1, Failures: 0, Errors: 0, Skipped: 0'

def woven = new File(basedir, 'target/classes/com/acme/billing/PriceCalculator.class')
assert new String(woven.bytes, 'ISO-8859-1').contains('dev/trap/internal/Trampoline')
assert new File(basedir, 'target/trap/originals/com/acme/billing/PriceCalculator.class').isFile()

// Where a person looks next (the demo command of README.md ends here).
println ''
println 'Trap at work on the quick start:'
println "  the test and what it intercepted:  ${new File(basedir, 'build.log')}"
println "  a woven class (javap -c shows the trap): ${woven}"
println "  its original, for the jar:          ${new File(basedir, 'target/trap/originals/com/acme/billing/PriceCalculator.class')}"
println ''
