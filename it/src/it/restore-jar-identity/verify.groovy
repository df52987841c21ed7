def log = new File(basedir, 'build.log').text
def logHas = { String text -> assert log.contains(text) : "build.log lacks: $text" }
def isWoven = { String path -> new String(new File(basedir, path).bytes, 'ISO-8859-1').contains('dev/trap/internal/Trampoline') }
import java.util.jar.JarFile

// Tests ran against woven classes, which restore then replaced with the originals.
logHas 'Tests run: 1, Failures: 0, Errors: 0, Skipped: 0'
logHas 'Trap restored 2 original classes in '
assert !new File(basedir, 'target/trap/originals').exists()
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
