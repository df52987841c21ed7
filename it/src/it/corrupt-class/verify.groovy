def log = new File(basedir, 'build.log').text
def logHas = { String text -> assert log.contains(text) : "build.log lacks: $text" }
def isWoven = { String path -> new String(new File(basedir, path).bytes, 'ISO-8859-1').contains('dev/trap/internal/dispatch/Trampoline') }

def errors = log.readLines().findAll { it.startsWith('[ERROR]') && it.contains('target/classes/com/acme/billing/Broken.class') }
assert errors : 'no [ERROR] line names the corrupt class file'
logHas 'To leave such classes unwoven and go on, set <failOnError>false</failOnError> (-Dtrap.failOnError=false).'
def warnings = log.readLines().findAll { it.startsWith('[WARNING]') && it.contains('target/classes/com/acme/billing/Broken.class') }
assert warnings : 'with failOnError=false, a [WARNING] names the corrupt class file'
assert log =~ /Trap [^ ]+ wove 0 classes in \d+ ms; 1 up to date; 1 failed and left unwoven/
logHas 'BUILD SUCCESS'
