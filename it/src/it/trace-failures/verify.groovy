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
assert traces.list() as Set == ['failing_test_should_keep_its_trace', 'traced_test_should_pass_and_keep_its_trace']
    .collectMany { test -> ['json', 'js', 'trace-events.json'].collect { "${test}.${it}".toString() } } as Set

String index = new File(basedir, 'target/trap-traces/index.js').text
List entries = new JsonSlurper().parseText(index.substring(index.indexOf('['), index.lastIndexOf(']') + 1))
assert entries*.name.sort() == ['failing_test_should_keep_its_trace',
    'traced_test_should_pass_and_keep_its_trace']

// PriceService.quote is excluded: its child, the fee, hangs under its caller.
Map failed = new JsonSlurper().parse(new File(traces, 'failing_test_should_keep_its_trace.json'))
assert failed.test.status == 'failed'
Map total = failed.roots.find { it.method == 'total' }
assert total.children*.signature == ['PriceService.secretFee()', 'PriceService.tax(int)']
return true
