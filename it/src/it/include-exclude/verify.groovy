def log = new File(basedir, 'build.log').text
def logHas = { String text -> assert log.contains(text) : "build.log lacks: $text" }
def isWoven = { String path -> new String(new File(basedir, path).bytes, 'ISO-8859-1').contains('dev/trap/internal/dispatch/Trampoline') }

logHas "[WARNING] Trap's include pattern 'com.acme.shipping.**' matches no class in"
assert log =~ /Trap [^ ]+ wove 1 class \(2 methods\) in \d+ ms/ : 'summary: 1 class woven'
logHas 'Tests run: 1, Failures: 0, Errors: 0, Skipped: 0'
assert isWoven('target/trap/classes/com/acme/billing/Invoice.class')
assert !isWoven('target/trap/classes/com/acme/billing/generated/InvoiceDto.class')
assert !isWoven('target/trap/classes/com/acme/reporting/Report.class')
assert !isWoven('target/classes/com/acme/billing/Invoice.class') : 'target/classes stays as compiled'
