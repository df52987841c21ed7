// The build stopped before the tests: it left the classes as compiled, and named the IDE's line.
def log = new File(basedir, 'build.log').text
assert log.contains('Trap leaves this build (process-test-classes) the classes as compiled, as it'
    + ' stops before the tests. For test runs from an IDE, it wrote target/trap/javaagent.txt'.replace('/', File.separator))
assert !log.contains('Tests run:') : 'no test ran in the build'
def isWoven = { File f -> new String(f.bytes, 'ISO-8859-1').contains('dev/trap/internal/dispatch/Trampoline') }
assert !isWoven(new File(basedir, 'target/classes/com/acme/billing/PriceCalculator.class'))

// The IDE's run: its own JVM, the classes as compiled, the line of javaagent.txt in the VM options.
String agent = new File(basedir, 'target/trap/javaagent.txt').text.trim()
assert agent.startsWith('-javaagent:') : agent
String classPath = [new File(basedir, 'target/test-classes').path, new File(basedir, 'target/classes').path,
    new File(basedir, 'target/ide/classpath.txt').text.trim()].join(File.pathSeparator)
def java = new File(System.getProperty('java.home'), 'bin/java').path
def command = [java, agent, '-jar', new File(basedir, 'target/ide/junit-console.jar').path,
    'execute', '--class-path', classPath, '--select-class', 'com.acme.billing.InvoiceTest',
    '--disable-banner', '--details=summary']
def run = command.execute(null, basedir)
def out = new StringBuilder()
run.consumeProcessOutput(out, out)
assert run.waitFor() == 0 : "the IDE's run failed:\n${out}"
assert out.contains('1 tests successful') : out

// The pom's <trace>true</trace> reached the run: the test's call tree is written.
def trace = new File(basedir, 'target/trap-traces/com.acme.billing.InvoiceTest/render_should_show_the_currency_that_the_patch_returns.json')
assert trace.isFile() : "no trace of the IDE's run:\n${out}"
assert out.contains('[Trap] Traces of 1 test') : out
