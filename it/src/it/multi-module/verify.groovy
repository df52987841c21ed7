def log = new File(basedir, 'build.log').text
def logHas = { String text -> assert log.contains(text) : "build.log lacks: $text" }
def isWoven = { String path -> new String(new File(basedir, path).bytes, 'ISO-8859-1').contains('dev/trap/internal/Trampoline') }

logHas '[INFO] Trap has no classes to weave: '
assert log.readLines().count { it =~ /Trap [^ ]+ wove 1 class \(\d+ methods\) in \d+ ms/ } == 2 : 'billing and checkout each weave their class'
logHas 'Tests run: 1, Failures: 0, Errors: 0, Skipped: 0'
logHas 'BUILD SUCCESS'
assert isWoven('billing/target/classes/com/acme/billing/PriceCalculator.class')
assert isWoven('checkout/target/classes/com/acme/checkout/Checkout.class')
