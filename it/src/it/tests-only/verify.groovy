def log = new File(basedir, 'build.log').text
def logHas = { String text -> assert log.contains(text) : "build.log lacks: $text" }
def isWoven = { String path -> new String(new File(basedir, path).bytes, 'ISO-8859-1').contains('dev/trap/internal/dispatch/Trampoline') }

assert log.count('BUILD SUCCESS') == 4
assert log.count('The app says: hello') == 4 : 'the app ran from its classes as compiled, four times'
assert !log.contains('NoClassDefFoundError')
assert log.count('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0') == 2 : 'the test ran against woven classes'
// Only a build that tests hands the woven copy on: one that stops before (Maven 4's test-compile
// runs process-test-classes) weaves it for IDE runs, and says it leaves the build the classes.
def weaves = log.readLines().count { it =~ /Trap [^ ]+ wove (2 classes|0 classes .*; 2 up to date)/ }
def leaves = log.readLines().count { it.contains('Trap leaves this build') }
assert weaves >= 1 && leaves == weaves - 1 : "${weaves} weaving builds, ${leaves} that stop before the tests"
assert !isWoven('target/classes/com/acme/app/Greeting.class')
assert isWoven('target/trap/classes/com/acme/app/Greeting.class')

// The way a person runs the compiled app, with nothing of Trap on the class path.
def java = new File(System.getProperty('java.home'), 'bin/java').path
def app = [java, '-cp', new File(basedir, 'target/classes').path, 'com.acme.app.Main'].execute()
def out = app.text
assert app.waitFor() == 0 : out
assert out.trim() == 'The app says: hello'
