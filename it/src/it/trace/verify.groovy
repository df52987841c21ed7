import groovy.json.JsonSlurper

// <trace>true</trace> in the pom: every test's trace, in Trap's JSON, in the Chrome trace-event
// format and in the viewer's list; the run's summary names them; the viewer works in Chromium.

File traces = new File(basedir, 'target/trap-traces')
String log = new File(basedir, 'build.log').text
String passedName = 'stamp_should_show_the_quote_and_the_time'
String failedName = 'total_should_include_the_tax_but_the_expectation_is_wrong'
File passedJson = new File(traces, "com.acme.shop.CheckoutTest/${passedName}.json")
File failedJson = new File(traces, "com.acme.shop.CheckoutTest/${failedName}.json")

// The run's lines: where the traces are, and the trace of the failed test.
assert log.contains('[Trap] Traces of 2 tests: target/trap-traces/index.html'.replace('/', File.separator))
// An address that opens the viewer on the failed test.
String viewer = new File(traces, 'index.html').toURI().toString().replaceFirst('^file:/+', 'file:///')
assert log.contains("[Trap] CheckoutTest.${failedName} failed; its trace: ${viewer}" +
    "#com.acme.shop.CheckoutTest%2F${failedName}.js")

// Trap's JSON: the documented schema, and the tree as the code ran it.
def slurper = new JsonSlurper()
// Schema 2: a call names its method by its place in the trace's "methods".
def resolveMethods = new GroovyClassLoader(getClass().classLoader).parseClass(
    new File(basedir, '../../../src/it/trace/TraceJson.groovy')).&resolveMethods
Map passed = resolveMethods(slurper.parse(passedJson))
assert passed.schema == 'dev.trap.trace/2'
assert passed.test == [class: 'com.acme.shop.CheckoutTest', name: passedName, status: 'passed']
assert passed.calls == 11 && !passed.truncated
assert passed.limits == [maxCalls: 100000, maxBytes: 20000000]
assert passed.startedAt ==~ /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/

def line = { Map call -> call.signature + ' ' + call.arguments + (call.containsKey('result') ? ' -> ' + call.result : '') + ' [' + call.thread + ']' }
def lines = []
def walk
walk = { Map call, int depth ->
  lines << '  ' * depth + line(call)
  call.children.each { walk(it, depth + 1) }
}
passed.roots.each { walk(it, 0) }
assert lines == [
    'PriceService.<init>(int) [4] [main]',
    'Checkout.<init>(PriceService) [PriceService{base=4}] [main]',
    'Checkout.stampOnPool(String) ["ab"] -> "7@1000" [main]',
    '  Checkout.stamp(String) ["ab"] -> "7@1000" [checkout-pool]',
    '    PriceService.quote(String) ["ab"] -> 7 [checkout-pool]',
    '      PriceService.secretFee() [] -> 1 [checkout-pool]',
    '    Clock.nowMillis() [] -> 1000 [checkout-pool]',
    'Checkout.total(String) ["ab"] -> 7 [main]',
    '  PriceService.quote(String) ["ab"] -> 7 [main]',
    '    PriceService.secretFee() [] -> 1 [main]',
    '  PriceService.tax(int) [7] -> 0 [main]',
].join('\n').readLines()
Map constructor = passed.roots[1]
assert constructor.receiver == 'Checkout{prices=PriceService{base=4}}'
assert constructor.class == 'com.acme.shop.Checkout' && constructor.method == '<init>'
assert constructor.descriptor == '(Lcom/acme/shop/PriceService;)V'
assert constructor.source == 'Checkout.java:21'

// Every call lies within its caller on the same thread, and within the test.
def checkTimes
checkTimes = { Map call, Map parent ->
  assert call.finished && call.duration >= 0 && call.start >= 0
  assert call.start + call.duration <= passed.durationNanos
  if (parent != null) {
    assert call.start >= parent.start
    if (call.thread == parent.thread) {
      assert call.start + call.duration <= parent.start + parent.duration
    }
  }
  call.children.each { checkTimes(it, call) }
}
passed.roots.each { checkTimes(it, null) }

Map failed = resolveMethods(slurper.parse(failedJson))
assert failed.test.status == 'failed'
assert failed.test.failure.startsWith('org.opentest4j.AssertionFailedError: a failure, on purpose')

// The Chrome trace-event format: a named track per thread, events strictly nested on each.
Map chrome = slurper.parse(new File(traces, "com.acme.shop.CheckoutTest/${passedName}.trace-events.json"))
List events = chrome.traceEvents
List complete = events.findAll { it.ph == 'X' }
assert complete.size() == 11
Map threadNames = events.findAll { it.ph == 'M' && it.name == 'thread_name' }
    .collectEntries { [(it.tid): it.args.name] }
assert threadNames.values() as Set == ['main', 'checkout-pool'] as Set
assert complete.every { threadNames.containsKey(it.tid) && it.pid == 1 && it.cat == 'trap' }
assert complete.find { it.name == 'Clock.nowMillis' }.args.result == '1000'
complete.groupBy { it.tid }.each { tid, onThread ->
  List open = []
  onThread.sort { a, b -> a.ts <=> b.ts ?: b.dur <=> a.dur }.each { event ->
    BigDecimal start = event.ts
    BigDecimal end = start + event.dur
    while (open && open.last() <= start) {
      open.removeLast()
    }
    assert !open || end <= open.last(): "${event.name} on ${threadNames[tid]} overlaps its caller"
    open << end
  }
}

// The viewer's list: both tests, and the viewer beside it.
String index = new File(traces, 'index.js').text
assert index.startsWith('var TRAP_INDEX = [')
List entries = slurper.parseText(index.substring(index.indexOf('['), index.lastIndexOf(']') + 1))
assert entries*.name as Set == [passedName, failedName] as Set
assert entries.find { it.name == failedName }.status == 'failed'
assert new File(traces, 'index.html').text.contains('TRAP_TRACE_LOADED')
assert new File(traces, "com.acme.shop.CheckoutTest/${passedName}.js").text
    .startsWith('TRAP_TRACE_LOADED(JSON.parse(\'{"schema":"dev.trap.trace/2"')

// The viewer, in a real browser.
Class chromium = new GroovyClassLoader(getClass().classLoader)
    .parseClass(new File(basedir, 'Chromium.groovy'))
String executable = chromium.find()
if (executable == null) {
  if (System.getenv('TRAP_REQUIRE_BROWSER')) {
    throw new AssertionError('TRAP_REQUIRE_BROWSER is set, but no Chromium is on the PATH:'
        + ' install Debian\'s chromium package (.ci/run does), or set TRAP_CHROMIUM')
  }
  println 'WARNING: no Chromium on the PATH: the trace viewer is not checked in a browser.' +
      ' Install Debian\'s chromium package (.ci/run does) to check it.'
  return true
}
def browser = chromium.newInstance(executable, new File(basedir, 'target'))
try {
  browser.open(new File(traces, 'index.html'))

  // The list, and the failed test opened first, its failure shown.
  browser.waitFor("document.querySelectorAll('#tests li').length === 2", 'the list of tests')
  browser.waitFor("document.querySelector('#title').textContent.includes('${failedName}')",
      'the failed test to open first')
  assert browser.eval("document.querySelector('#title .thrown').textContent")
      .startsWith('org.opentest4j.AssertionFailedError: a failure, on purpose')
  assert browser.eval("document.querySelector('#tests li.selected .badge').textContent") == 'failed'
  // A line's text, without its toggle: what a person reads.
  String lineText = "l => l.textContent.slice(l.querySelector('.toggle').textContent.length)"
  String visibleLines = """[...document.querySelectorAll('#tree .line')]
      .filter(l => l.offsetParent !== null).map(${lineText})"""
  browser.waitFor("${visibleLines}.some(t => t.startsWith('Checkout.total(\"abc\") → 114'))",
      'the call tree of the failed test')

  // The passed test, chosen with a click.
  browser.click("#tests li[data-file*='${passedName}']")
  browser.waitFor("document.querySelector('#title').textContent.includes('${passedName}')",
      'the passed test to open')
  browser.waitFor("${visibleLines}.some(t => t.startsWith('Checkout.stamp(\"ab\")'))",
      'the call on the pool under the call that handed it over')
  List shown = browser.eval(visibleLines)
  assert shown.any { it.startsWith('new Checkout(PriceService{base=4})') }
  assert shown.find { it.startsWith('Checkout.stamp("ab") → "7@1000"') }.endsWith('[checkout-pool]')
  // Calls open two levels down: the fee under the quote on the main thread shows, not the one on
  // the pool, a level deeper.
  assert shown.count { it.startsWith('PriceService.secretFee()') } == 1

  // Expanding a call shows its children.
  String quoteOnPool = ("[...document.querySelectorAll('#tree .node')].find(n =>"
      + " n.querySelector(':scope > .line > .sig').textContent === 'PriceService.quote'"
      + " && n.parentElement.closest('.node').querySelector(':scope > .line > .sig').textContent"
      + " === 'Checkout.stamp')")
  browser.eval("${quoteOnPool}.id = 'quote-on-pool'")
  browser.click('#quote-on-pool > .line > .toggle')
  browser.waitFor("${visibleLines}.filter(t => t.startsWith('PriceService.secretFee() → 1'))"
      + ".length === 2", 'the children of an expanded call')
  assert browser.eval("document.querySelector('#quote-on-pool > .line > .toggle').textContent") == '▾'


  // Search: the count, the matches marked and shown, Enter selects the first, details show it.
  int expected = passed.roots.collectMany { Map root ->
    def all = []
    def collect
    collect = { Map call -> all << call; call.children.each(collect) }
    collect(root)
    all
  }.count { Map call ->
    (call.signature + ' ' + call.arguments.join(' ') + ' ' + (call.result ?: '') + ' ' +
        (call.receiver ?: '')).toLowerCase().contains('nowmillis')
  }
  assert expected == 1
  browser.type('#search', 'nowMillis')
  browser.waitFor("document.querySelector('#matches').textContent.startsWith('1 match')",
      'the search to count its match')
  assert browser.eval("[...document.querySelectorAll('#tree .line.match')]"
      + ".filter(l => l.offsetParent !== null).map(${lineText})")*.take(22) ==
      ['Clock.nowMillis() → 10']
  browser.press('Enter')
  browser.waitFor("document.querySelector('#details').textContent.includes('Returned1000')",
      'the details of the selected call')
  assert browser.eval("document.querySelector('#details').textContent")
      .contains('Methodcom.acme.shop.Clock.nowMillis()Source')

  // The slowest calls, slowest first.
  browser.click('#slowestBox > summary')
  List slowest = browser.eval("[...document.querySelectorAll('#slowest li')].map(l => l.textContent)")
  assert slowest.size() == 10
  assert slowest[0].startsWith('Checkout.stampOnPool(String)')

  assert browser.pageErrors.isEmpty(): "the viewer's scripts threw: ${browser.pageErrors}"
  File screenshot = new File(basedir, 'target/trace-viewer.png')
  browser.screenshot(screenshot)
  assert screenshot.length() > 10_000
  println "The trace viewer works in ${executable}: ${screenshot}"

  // speedscope reads the trace-event file as trace events (it picks its reader by the file's
  // name, and takes a name ending in .chrome.json for a DevTools profile): one profile a thread.
  Class speedscope = new GroovyClassLoader(getClass().classLoader)
      .parseClass(new File(basedir, 'Speedscope.groovy'))
  File release
  try {
    release = speedscope.release(new File(basedir, '../../tools'))
  } catch (IOException e) {
    if (System.getenv('TRAP_REQUIRE_BROWSER')) {
      throw e
    }
    println "WARNING: speedscope could not be had (${e.message}): the trace-event file is not" +
        ' checked in it.'
  }
  if (release != null) {
    File loader = speedscope.loader(new File(traces,
        "com.acme.shop.CheckoutTest/${passedName}.trace-events.json"), new File(basedir, 'target'))
    browser.send('Page.navigate',
        [url: new File(release, 'index.html').toURI().toString() + '#localProfilePath=' + loader])
    browser.waitFor("document.body.innerText.includes('(1/2)')"
        + " || document.body.innerText.includes('Something went wrong')", 'speedscope to import')
    String page = browser.eval('document.body.innerText')
    assert !page.contains('Something went wrong')
    assert page.contains('main (pid 1, tid ') && page.contains('(1/2)')
    File speedscopeShot = new File(basedir, 'target/trace-in-speedscope.png')
    browser.screenshot(speedscopeShot)
    println "speedscope ${speedscope.VERSION} reads the trace-event file: ${speedscopeShot}"
  }
} finally {
  browser.close()
}
return true
