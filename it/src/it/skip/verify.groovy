def log = new File(basedir, 'build.log').text
def logHas = { String text -> assert log.contains(text) : "build.log lacks: $text" }
def isWoven = { String path -> new String(new File(basedir, path).bytes, 'ISO-8859-1').contains('dev/trap/internal/dispatch/Trampoline') }

assert log =~ /Trap [^ ]+ wove 1 class / : 'the first build weaves'
assert log.count('[INFO] Skipping Trap: trap.skip is set') == 2 : 'weave and restore both skip'
assert log.count('Trap handed the build back') == 1 : 'a skipped weave hands the tests nothing'
assert !isWoven('target/classes/com/acme/billing/Invoice.class')
def jar = new java.util.jar.JarFile(new File(basedir, 'target/skip-1.0-SNAPSHOT.jar'))
try {
  def bytes = jar.getInputStream(jar.getEntry('com/acme/billing/Invoice.class')).bytes
  assert !new String(bytes, 'ISO-8859-1').contains('dev/trap/internal/dispatch/Trampoline')
} finally {
  jar.close()
}
logHas 'BUILD SUCCESS'
