def log = new File(basedir, 'build.log').text
def logHas = { String text -> assert log.contains(text) : "build.log lacks: $text" }
def isWoven = { String path -> new String(new File(basedir, path).bytes, 'ISO-8859-1').contains('dev/trap/internal/dispatch/Trampoline') }

assert log.count('BUILD SUCCESS') == 4
assert log.count('The app says: hello') == 4 : 'the app ran from its classes as compiled, four times'
assert !log.contains('NoClassDefFoundError')
assert log.count('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0') == 2 : 'the test ran against woven classes'
assert log.readLines().count { it =~ /Trap [^ ]+ wove 2 classes/ } == 1 : 'only the build that tests weaves'
assert !isWoven('target/classes/com/acme/app/Greeting.class')
assert isWoven('target/trap/classes/com/acme/app/Greeting.class')

// The way a person runs the compiled app, with nothing of Trap on the class path.
def java = new File(System.getProperty('java.home'), 'bin/java').path
def app = [java, '-cp', new File(basedir, 'target/classes').path, 'com.acme.app.Main'].execute()
def out = app.text
assert app.waitFor() == 0 : out
assert out.trim() == 'The app says: hello'
