// The tests passed: the patch replaced PriceCalculator.currency() in its test and in no other,
// and the recording saw the call of net.
def log = new File(basedir, 'build.log').text
def logHas = { String text -> assert log.contains(text) : "build.log lacks: $text" }

assert log =~ /Trap [^ ]+ wove 2 classes \(\d+ methods\) in \d+ ms/ : 'no summary line in build.log'
logHas 'Trap patched PriceCalculator.currency() to return USD, and recorded:'
logHas 'Recording of com.acme.billing.PriceCalculator.net(int, int), 1 call:'
logHas 'PriceCalculator.net(1000, 10) -> 900 on main'
logHas 'Tests run: 2, Failures: 0, Errors: 0, Skipped: 0'

def woven = new File(basedir, 'target/trap/classes/com/acme/billing/PriceCalculator.class')
assert new String(woven.bytes, 'ISO-8859-1').contains('dev/trap/internal/dispatch/Trampoline')
def compiled = new File(basedir, 'target/classes/com/acme/billing/PriceCalculator.class')
assert !new String(compiled.bytes, 'ISO-8859-1').contains('dev/trap/internal/dispatch/Trampoline')

// The @Traced test's call tree, and the viewer that shows it.
def traces = new File(basedir, 'target/trap-traces')
def trace = new File(traces, 'com.acme.billing.InvoiceTest/render_should_show_the_currency_that_the_patch_returns.json')
logHas '[Trap] Traces of 1 test: target/trap-traces/index.html'.replace('/', File.separator)
// Schema 2: a call names its method by its place in the trace's "methods".
def resolveMethods = new GroovyClassLoader(getClass().classLoader).parseClass(
    new File(basedir, '../../../src/it/trace/TraceJson.groovy')).&resolveMethods
def tree = resolveMethods(new groovy.json.JsonSlurper().parse(trace))
def render = tree.roots.find { it.method == 'render' }
assert render.arguments == ['1000'] && render.result == '"900 USD"'
assert render.children*.signature == ['PriceCalculator.net(int, int)', 'PriceCalculator.currency()']
assert render.children[1].result == '"USD"'
assert new File(traces, 'index.html').isFile()

// Where a person looks next (the demo command of README.md ends here).
println ''
println 'Trap at work on the quick start:'
println "  the test, its patch and its recording: ${new File(basedir, 'src/test/java/com/acme/billing/InvoiceTest.java')}"
println "  what it printed:                       ${new File(basedir, 'build.log')}"
println "  a woven class (javap -c shows the trap): ${woven}"
println "  as compiled, for the jar and the app:  ${compiled}"
println "  the test's call tree, in a browser:    ${new File(traces, 'index.html')}"
println ''

// The JVM option for IDE runs, with the agent resolved into the local repository.
def javaagent = new File(basedir, 'target/trap/javaagent.txt').text.trim()
assert javaagent.startsWith('-javaagent:') && javaagent.contains('trap-weaver-') && javaagent.endsWith('agent.properties') : javaagent
assert new File(javaagent.substring('-javaagent:'.length(), javaagent.lastIndexOf('='))).isFile()

// The page says what this project is: its pom (with the versions this build filled in) and its
// classes, as src-site/markdown/quick-start.md shows them.
File page = new File(basedir, '../../../../src-site/markdown/quick-start.md')
assert page.isFile() : "no quick start page at ${page.canonicalPath}"
String markdown = page.text
Map<String, String> blocks = [:]
def blockAfter = { String heading, String language ->
  int at = markdown.indexOf(heading)
  assert at >= 0 : "the quick start page lacks: ${heading}"
  int start = markdown.indexOf('```' + language + '\n', at) + language.length() + 4
  markdown.substring(start, markdown.indexOf('```', start))
}
def normalized = { String text ->
  text.replaceAll(/(?s)<\?xml.*?\?>/, '').replaceAll(/(?s)<project[^>]*>/, '<project>')
      .replaceAll(/(?s)\s*<description>.*?<\/description>/, '')
      .readLines()*.trim().findAll { !it.isEmpty() }.join('\n')
}
assert normalized(blockAfter('## The pom', 'xml')) == normalized(new File(basedir, 'pom.xml').text) :
    'the quick start page and it/src/it/quick-start/pom.xml differ'
['src/main/java/com/acme/billing/PriceCalculator.java', 'src/main/java/com/acme/billing/Invoice.java',
 'src/test/java/com/acme/billing/InvoiceTest.java'].each { String path ->
  assert blockAfter("`${path}`", 'java').trim() == new File(basedir, path).text.trim() :
      "the quick start page shows another ${path} than it/src/it/quick-start"
}
return true
