import groovy.json.JsonSlurper
import java.util.concurrent.TimeUnit

// Two builds of the same project: the first passes, the second (-Dshop.newPricing=true) fails
// CheckoutTest. With <trace>failures</trace> and nothing else, the second build names the first
// call where the two runs part, and the viewer opens there.

File traces = new File(basedir, 'target/trap-traces')
String log = new File(basedir, 'build.log').text
String test = 'total_should_be_the_quote_and_its_tax'
File tests = new File(traces, 'com.acme.shop.CheckoutTest')
File failedJson = new File(tests, "${test}.json")
File passedJs = new File(tests, "${test}.passed.js")

// 1. The build log of the failing run: the test's viewer address, and where it went wrong.
String viewer = new File(traces, 'index.html').toURI().toString().replaceFirst('^file:/+', 'file:///')
assert log.contains("[Trap] CheckoutTest.${test} failed; its trace: ${viewer}" +
    "#com.acme.shop.CheckoutTest%2F${test}.js")
assert log.contains('[Trap]   first divergence from the last passing run:'
    + ' PriceService.quote("ab") returned 8, was 6') : 'no divergence in the log'

// 2. The files: the failure's trace, the last passing run it was compared with, the index entry.
def slurper = new JsonSlurper()
// Schema 2: a call names its method by its place in the trace's "methods".
def resolveMethods = new GroovyClassLoader(getClass().classLoader).parseClass(
    new File(basedir, '../../../src/it/trace/TraceJson.groovy')).&resolveMethods
Map failed = resolveMethods(slurper.parse(failedJson))
assert failed.schema == 'dev.trap.trace/2'
assert failed.test.status == 'failed'
String passedText = passedJs.text
// The viewer's script: the JSON as a single-quoted string for JSON.parse.
String prefix = 'TRAP_TRACE_LOADED(JSON.parse(\''
assert passedText.startsWith(prefix + '{"schema":"dev.trap.trace/2"') && passedText.endsWith("'));\n")
Map passed = resolveMethods(slurper.parseText(passedText.substring(prefix.length(),
    passedText.length() - "'));\n".length()).replaceAll(/\\(.)/, '$1')))
assert passed.test.status == 'passed'
String index = new File(traces, 'index.js').text
List entries = slurper.parseText(index.substring(index.indexOf('['), index.lastIndexOf(']') + 1))
Map entry = entries.find { it.name == test }
assert entry.passed == "com.acme.shop.CheckoutTest/${test}.passed.js"
assert entry.divergence.text == 'PriceService.quote("ab") returned 8, was 6'
Map quoteCall = failed.roots.collectMany { [it] + it.children }.find { it.method == 'quote' }
assert entry.divergence.failedId == quoteCall.id
// Schema 2's new fields: where the source is, whether static, the parameters' names.
assert quoteCall.path == 'src/main/java/com/acme/shop/PriceService.java'
assert quoteCall.source == 'PriceService.java:7'
assert quoteCall.static == false && quoteCall.parameterNames == ['sku']

// 3. The same from the command line, for a CI log: exit 1 and the divergence; 0 for the same.
File runtimeJar = new File(localRepositoryPath, 'dev/trap/trap-runtime').listFiles()
    .collect { new File(it, "trap-runtime-${it.name}.jar") }.find { it.isFile() }
def java = new File(System.getProperty('java.home'), 'bin/java').path
def cli = { File first, File second ->
  def process = [java, '-cp', runtimeJar.path, 'dev.trap.Trace', 'diff', first.path, second.path]
      .execute(null, basedir)
  def out = new StringBuilder()
  process.consumeProcessOutput(out, out)
  assert process.waitFor(60, TimeUnit.SECONDS)
  [process.exitValue(), out.toString()]
}
def (int code, String out) = cli(passedJs, failedJson)
assert code == 1 && out.startsWith('First divergence: PriceService.quote("ab") returned 8, was 6') : out

// 4. Size: a 50,000-call trace, diffed with itself as a CI would, in under a second.
File bigJson = new File(traces, 'com.acme.shop.BigTraceTest/totals_should_sum_the_taxes.json')
File bigPassed = new File(traces, 'com.acme.shop.BigTraceTest/totals_should_sum_the_taxes.passed.js')
Map big = slurper.parse(bigJson)
assert big.calls >= 50_000 && !big.truncated
// The goals: under 1 s to diff, under 2 s to open, on a quiet machine (see the Tracing page for
// the figures). Here other builds run beside this one, on two cores: the best of three runs is
// taken, and the test fails at twice the goal: a change that doubles the time fails it, the
// machine's load alone does not.
int slack = 2
List diffTimes = []
3.times {
  long started = System.nanoTime()
  def (int bigCode, String bigOut) = cli(bigPassed, bigJson)
  long processMillis = (System.nanoTime() - started) / 1_000_000
  assert bigCode == 0 && bigOut.startsWith('The traces are the same.') : bigOut
  diffTimes << [(bigOut =~ /read and compared in (\d+) ms/)[0][1] as long, processMillis]
}
long diffMillis = diffTimes.collect { it[0] }.min()
println "Two traces of ${big.calls} calls (${bigJson.length() >> 10} KiB each) compared in" +
    " ${diffTimes.collect { it[0] }} ms (${diffTimes.collect { it[1] }} ms with the JVM's start)"
assert diffMillis < 1000 * slack : "diffing two traces of ${big.calls} calls took ${diffTimes} ms"

// 5. The viewer, in a real browser.
Class chromium = new GroovyClassLoader(getClass().classLoader)
    .parseClass(new File(basedir, '../../../src/it/trace/Chromium.groovy'))
String executable = chromium.find()
if (executable == null) {
  if (System.getenv('TRAP_REQUIRE_BROWSER')) {
    throw new AssertionError('TRAP_REQUIRE_BROWSER is set, but no Chromium is on the PATH:'
        + ' install Debian\'s chromium package (.ci/run does), or set TRAP_CHROMIUM')
  }
  println 'WARNING: no Chromium on the PATH: the trace viewer is not checked in a browser.'
  return true
}
File shots = new File(basedir, 'target/screenshots')
def browser = chromium.newInstance(executable, new File(basedir, 'target'))
try {
  // The failed test, opened from the log's address: both runs side by side, at the divergence.
  browser.send('Page.navigate', [url: viewer + "#com.acme.shop.CheckoutTest%2F${test}.js"])
  browser.waitFor("document.querySelector('#divergence.shown') && document.querySelector('#passedTree .line')",
      'the last passing run beside the failure')
  assert browser.eval("document.querySelector('#divergence').textContent").startsWith(
      'First divergence from the last passing run: PriceService.quote("ab") returned 8, was 6')
  String sel = "l => l.querySelector('.sig').textContent + l.querySelector('.args').textContent"
  assert browser.eval("[...document.querySelectorAll('#tree .line.diverges')].map(${sel})") == ['PriceService.quote("ab")']
  assert browser.eval("[...document.querySelectorAll('#passedTree .line.diverges')].map(${sel})") == ['PriceService.quote("ab")']
  assert browser.eval("document.querySelector('#tree .line.selected .result').textContent") == ' → 8'
  assert browser.eval("document.querySelector('#passedTree .line.selected .result').textContent") == ' → 6'
  browser.screenshot(new File(shots, 'trace-divergence.png'))

  // From the call to a patch and an assertion: the lines PatchFromTraceTest holds, compiled and run.
  String details = browser.eval("document.querySelector('#details').textContent")
  String patch = browser.eval("TRAP_VIEWER.patchText(TRAP_VIEWER.call(${quoteCall.id}))")
  String assertion = browser.eval("TRAP_VIEWER.assertionText(TRAP_VIEWER.call(${quoteCall.id}))")
  assert patch == 'Mock.patch(PriceService::quote, (priceService, sku) -> 8);'
  assert details.contains(patch) && details.contains('As a patch') && details.contains('As an assertion')
  String patchTest = new File(basedir, 'src/test/java/com/acme/shop/PatchFromTraceTest.java').text
  assert patchTest.contains('    ' + patch + '\n')
  assert assertion.readLines() == ['Recording<Integer> quoteCalls = Mock.record(PriceService::quote);',
      '// ... the code under test ...', 'assertEquals(Arrays.asList("ab"), quoteCalls.last().arguments());']
  assert patchTest.contains(assertion.readLines()[0]) && patchTest.contains(assertion.readLines()[2])
  // A value without a literal form: a placeholder that does not compile until it is filled in.
  assert browser.eval("""TRAP_VIEWER.patchText({'class': 'com.acme.shop.Checkout', method: 'price',
      descriptor: '(Ljava/lang/String;)Lcom/acme/shop/Money;', 'static': false, parameterNames: ['sku'],
      arguments: ['"ab"'], result: 'Money{cents=900}', children: []})""") ==
      'Mock.patch(Checkout::price, (checkout, sku) -> /* Money{cents=900} */ TODO);'
  assert browser.eval("""TRAP_VIEWER.patchText({'class': 'com.acme.shop.PriceService', method: 'tax',
      descriptor: '(I)I', 'static': true, parameterNames: ['amount'], arguments: ['7'],
      thrown: 'java.lang.IllegalStateException: closed', children: []})""") ==
      'Mock.patch(PriceService::tax, (amount) -> { throw new java.lang.IllegalStateException(); });'
  // An overload of a method the trace holds (Checkout.total(String)): named by its descriptor.
  assert browser.eval("TRAP_VIEWER.patchText({'class': 'com.acme.shop.Checkout', method: 'total'," +
      " descriptor: '(I)I', 'static': false, arguments: ['2'], result: '9', children: []})") ==
      'Mock.patchByName(Checkout.class, "total", "(I)I", call -> 9);'
  // A short is cast (an int would not be returned); more than five parameters, or an overload,
  // are named by descriptor; a character that is no literal, and a lone null, are handled.
  def patchOf = { String call -> browser.eval("TRAP_VIEWER.patchText(${call})") }
  assert patchOf("{'class': 'com.acme.shop.PriceService', method: 'level', descriptor: '(S)S'," +
      " 'static': true, parameterNames: ['s'], arguments: ['7'], result: '8', children: []}") ==
      'Mock.patch(PriceService::level, (s) -> (short) 8);'
  assert patchOf("{'class': 'com.acme.shop.PriceService', method: 'sum', descriptor: '(IIIIII)I'," +
      " 'static': true, arguments: ['1', '2', '3', '4', '5', '6'], result: '21', children: []}") ==
      'Mock.patchByName(PriceService.class, "sum", "(IIIIII)I", call -> 21);'
  assert patchOf("{'class': 'com.acme.shop.PriceService', method: 'initial', descriptor: '()C'," +
      " 'static': true, arguments: [], result: \"'''\", children: []}") ==
      "Mock.patch(PriceService::initial, () -> /* ''' */ TODO);"
  assert browser.eval("TRAP_VIEWER.assertionText({'class': 'com.acme.shop.PriceService'," +
      " method: 'find', descriptor: '(Ljava/lang/String;)I', 'static': true, parameterNames: ['key']," +
      " arguments: ['null'], result: '1', children: []})").contains(
      'assertEquals(Arrays.asList((Object) null), findCalls.last().arguments());')

  assert log =~ /Tests run: 2, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [\d.]+ s -- in com.acme.shop.PatchFromTraceTest/
  // The source line, as a path an IDE opens.
  assert details.contains('SourcePriceService.java:7  src/main/java/com/acme/shop/PriceService.java')
  assert browser.eval("[...document.querySelectorAll('#details a')].map(a => a.textContent)") ==
      ['open', 'in VS Code', 'in IntelliJ IDEA']
  assert browser.eval("document.querySelector('#details a').href") ==
      new File(basedir, 'src/main/java/com/acme/shop/PriceService.java').toURI().toString()
          .replaceFirst('^file:/+', 'file:///')
  browser.eval("[...document.querySelectorAll('#details dt')].find(d => d.textContent.startsWith('As a patch'))"
      + ".scrollIntoView({block: 'start'})")
  browser.screenshot(new File(shots, 'trace-copy-as-patch.png'))

  // The timeline: a bar per call, on the test's thread.
  browser.click('#timelineButton')
  browser.waitFor("document.querySelector('#flame').dataset.calls > 0", 'the timeline')
  assert browser.eval("+document.querySelector('#flame').dataset.calls") == failed.calls
  browser.screenshot(new File(shots, 'trace-timeline.png'))
  browser.click('#timelineButton')

  // Patches and recordings, marked with where the test made them.
  int patchLine = patchTest.readLines().findIndexOf { it.contains('Mock.patch(') } + 1
  browser.click("#tests li[data-file*='the_copied_patch_should_pin_the_quote']")
  browser.waitFor("document.querySelector('#tree .mark.replaced')", 'the patched call marked')
  assert browser.eval("document.querySelector('#tree .mark.replaced').title") ==
      "Mock.patch of com.acme.shop.PriceService.quote(java.lang.String) at PatchFromTraceTest.java:${patchLine}"
  browser.click('#tree .mark.replaced')
  browser.waitFor("document.querySelector('#details').textContent.includes('Patched by')", 'the patch in the details')
  assert browser.eval("document.querySelector('#details').textContent").contains(
      "Patched byMock.patch of com.acme.shop.PriceService.quote(java.lang.String) at PatchFromTraceTest.java:${patchLine}")
  browser.screenshot(new File(shots, 'trace-marks.png'))
  browser.click("#tests li[data-file*='the_copied_assertion_should_check_the_arguments']")
  browser.waitFor("document.querySelector('#tree .mark.recorded')", 'the recorded call marked')

  // Speed: the 50,000-call trace opens in under 2 s (the best of three loads, on a busy machine).
  List openTimes = []
  3.times {
    // A fresh page each time (an address differing only after '#' would not load it again).
    browser.send('Page.navigate', [url: 'about:blank'])
    browser.waitFor("location.href === 'about:blank' && document.readyState === 'complete'", 'a blank page')
    browser.send('Page.navigate', [url: viewer + '#com.acme.shop.BigTraceTest%2Ftotals_should_sum_the_taxes.js'])
    browser.waitFor("window.TRAP_VIEWER && TRAP_VIEWER.shownAt && document.querySelector('#title').textContent.includes('totals_should')",
        'the big trace to open')
    openTimes << Math.round(browser.eval('TRAP_VIEWER.shownAt') as double)
  }
  println "A trace of ${big.calls} calls opens in the viewer in ${openTimes} ms"
  assert openTimes.min() < 2000 * slack : "the viewer took ${openTimes} ms to show ${big.calls} calls"
  assert browser.eval("document.querySelectorAll('#tree .node').length") < 1000 : 'built all at once'

  assert browser.pageErrors.isEmpty(): "the viewer's scripts threw: ${browser.pageErrors}"
  println "The viewer works in ${executable}: screenshots in ${shots}"
} finally {
  browser.close()
}
return true
