import groovy.json.JsonSlurper

// -Dtrap.trace=failures over the pom's <trace>true</trace>: the failed test's trace and the
// @Traced test's are kept; the passed test's trace of an earlier run is gone, also from the
// list, and also after a run (the third) that wrote no trace at all.
File traces = new File(basedir, 'target/trap-traces/com.acme.shop.FailuresTest')
String log = new File(basedir, 'build.log').text
assert new File(basedir, 'target/prebuild-ran').isFile(): 'prebuild.groovy made the earlier run\'s traces'

assert log.contains('Tests run: 3, Failures: 1, Errors: 0, Skipped: 0')
assert log.contains('[Trap] Traces of 2 tests: ')
assert log.contains('[Trap] FailuresTest.failing_test_should_keep_its_trace failed; its trace: ')
// Passing tests keep their last passing run (.passed.js), which a later failure is compared with.
assert traces.list() as Set == (['failing_test_should_keep_its_trace', 'traced_test_should_pass_and_keep_its_trace']
    .collectMany { test -> ['json', 'js', 'trace-events.json'].collect { "${test}.${it}".toString() } }
    + ['traced_test_should_pass_and_keep_its_trace.passed.js', 'plain_test_should_pass.passed.js']) as Set

String index = new File(basedir, 'target/trap-traces/index.js').text
List entries = new JsonSlurper().parseText(index.substring(index.indexOf('['), index.lastIndexOf(']') + 1))
assert entries*.name.sort() == ['failing_test_should_keep_its_trace',
    'traced_test_should_pass_and_keep_its_trace']

// PriceService.quote is excluded: its child, the fee, hangs under its caller.
// Schema 2: a call names its method by its place in the trace's "methods".
def resolveMethods = new GroovyClassLoader(getClass().classLoader).parseClass(
    new File(basedir, '../../../src/it/trace/TraceJson.groovy')).&resolveMethods
Map failed = resolveMethods(new JsonSlurper().parse(new File(traces, 'failing_test_should_keep_its_trace.json')))
assert failed.test.status == 'failed'
Map total = failed.roots.find { it.method == 'total' }
assert total.children*.signature == ['PriceService.secretFee()', 'PriceService.tax(int)']
return true
