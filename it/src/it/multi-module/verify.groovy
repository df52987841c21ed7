def log = new File(basedir, 'build.log').text
def logHas = { String text -> assert log.contains(text) : "build.log lacks: $text" }
def isWoven = { File file -> new String(file.bytes, 'ISO-8859-1').contains('dev/trap/internal/dispatch/Trampoline') }
def jarEntryWoven = { File jar, String entry ->
  def zip = new java.util.jar.JarFile(jar)
  try {
    new String(zip.getInputStream(zip.getEntry(entry)).bytes, 'ISO-8859-1').contains('dev/trap/internal/dispatch/Trampoline')
  } finally {
    zip.close()
  }
}

// Three builds: test, verify, install. Each time checkout's tests patch billing's class.
assert log.count('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0') == 6 : 'checkout tests pass in all three builds'
assert log.count('BUILD SUCCESS') == 3
assert log.readLines().count { it =~ /Trap [^ ]+ wove 1 class \(\d+ methods\) of com.acme:billing:1.0-SNAPSHOT in \d+ ms$/ } >= 2 :
    'checkout weaves billing from its classes (test) and from its jar (verify, install)'
logHas '[INFO] Trap has no classes to weave: '

// Woven copies for the tests; the compiler's output, the jars and the installed jars as compiled.
assert isWoven(new File(basedir, 'billing/target/trap/classes/com/acme/billing/PriceCalculator.class'))
assert isWoven(new File(basedir, 'checkout/target/trap/classes/com/acme/checkout/Checkout.class'))
assert isWoven(new File(basedir, 'checkout/target/trap/dependencies/com.acme/billing-1.0-SNAPSHOT/com/acme/billing/PriceCalculator.class'))
assert !isWoven(new File(basedir, 'billing/target/classes/com/acme/billing/PriceCalculator.class'))
assert !isWoven(new File(basedir, 'checkout/target/classes/com/acme/checkout/Checkout.class'))
assert !jarEntryWoven(new File(basedir, 'billing/target/billing-1.0-SNAPSHOT.jar'), 'com/acme/billing/PriceCalculator.class')
assert !jarEntryWoven(new File(basedir, 'checkout/target/checkout-1.0-SNAPSHOT.jar'), 'com/acme/checkout/Checkout.class')
def installed = new File(basedir, '../../local-repo/com/acme/billing/1.0-SNAPSHOT/billing-1.0-SNAPSHOT.jar')
assert installed.isFile() : "not installed: $installed"
assert !jarEntryWoven(installed, 'com/acme/billing/PriceCalculator.class')
