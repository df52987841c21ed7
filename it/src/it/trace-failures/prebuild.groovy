// The traces of an earlier run that traced every test: a passed test's trace must go.
File traces = new File(basedir, 'target/trap-traces')
File test = new File(traces, 'com.acme.shop.FailuresTest')
test.mkdirs()
['json', 'js', 'trace-events.json'].each { new File(test, "plain_test_should_pass.$it").text = '{}' }
new File(traces, 'index.js').text = 'var TRAP_INDEX = [\n' +
    '{"file":"com.acme.shop.FailuresTest/plain_test_should_pass.js","class":"com.acme.shop.FailuresTest","name":"plain_test_should_pass","status":"passed","calls":1,"truncated":false,"durationNanos":1,"startedAt":"2026-01-01T00:00:00.000Z"}\n' +
    '];\n'
new File(basedir, 'target/prebuild-ran').text = 'yes'
return true
