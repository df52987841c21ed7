def log = new File(basedir, 'build.log').text
def logHas = { String text -> assert log.contains(text) : "build.log lacks: $text" }
def isWoven = { String path -> new String(new File(basedir, path).bytes, 'ISO-8859-1').contains('dev/trap/internal/dispatch/Trampoline') }
import java.util.jar.JarFile

// Tests ran against a woven copy; target/classes, which the jar is made of, stayed as compiled.
logHas 'Tests run: 1, Failures: 0, Errors: 0, Skipped: 0'
logHas '[INFO] Trap handed the build back target/classes as compiled'
assert isWoven('target/trap/classes/com/acme/billing/Invoice.class')
assert !isWoven('target/classes/com/acme/billing/Invoice.class')

def entries = { File file ->
  def jar = new JarFile(file)
  try {
    jar.entries().toList().collectEntries { [(it.name): jar.getInputStream(it).bytes.encodeHex().toString()] }
  } finally {
    jar.close()
  }
}
def withTrap = new File(basedir, 'target/restore-jar-identity-1.0-SNAPSHOT.jar')
def withoutTrap = new File(basedir, 'target-plain/restore-jar-identity-1.0-SNAPSHOT.jar')
def woven = entries(withTrap)
def plain = entries(withoutTrap)
assert woven.keySet() == plain.keySet()
assert woven.containsKey('com/acme/billing/Invoice.class')
woven.each { name, bytes -> assert bytes == plain[name] : "$name differs from the build without Trap" }
assert withTrap.bytes == withoutTrap.bytes : 'the jars differ'
