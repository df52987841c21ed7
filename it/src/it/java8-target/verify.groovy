def log = new File(basedir, 'build.log').text
def logHas = { String text -> assert log.contains(text) : "build.log lacks: $text" }
def isWoven = { String path -> new String(new File(basedir, path).bytes, 'ISO-8859-1').contains('dev/trap/internal/dispatch/Trampoline') }

logHas 'Tests run: 1, Failures: 0, Errors: 0, Skipped: 0'
def bytes = new File(basedir, 'target/trap/classes/com/acme/billing/Invoice.class').bytes
assert isWoven('target/trap/classes/com/acme/billing/Invoice.class')
assert ((bytes[6] & 0xff) << 8 | (bytes[7] & 0xff)) == 52 : 'woven, still a Java 8 class file'
assert !isWoven('target/classes/com/acme/billing/Invoice.class') : 'target/classes stays as compiled'
