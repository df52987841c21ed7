// A named module whose tests Surefire runs patched into it, on the module path: the woven
// classes reach the runtime, and the module descriptor requires dev.trap for the tests only.
def log = new File(basedir, 'build.log').text
def logHas = { String text -> assert log.contains(text) : "build.log lacks: $text" }

logHas 'Tests run: 1, Failures: 0, Errors: 0, Skipped: 0'
logHas '; module-info.class requires dev.trap'
def woven = new File(basedir, 'target/trap/classes/com/acme/billing/PriceCalculator.class')
assert new String(woven.bytes, 'ISO-8859-1').contains('dev/trap/internal/dispatch/Trampoline')
def moduleInfo = new File(basedir, 'target/trap/classes/module-info.class')
assert new String(moduleInfo.bytes, 'ISO-8859-1').contains('dev.trap') : 'woven for the tests'
def original = new File(basedir, 'target/classes/module-info.class')
assert !new String(original.bytes, 'ISO-8859-1').contains('dev.trap') : 'target/classes stays as compiled'
