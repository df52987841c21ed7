def log = new File(basedir, 'build.log').text
def builds = log.split(/\[INFO\] Building surefire-matrix 1.0-SNAPSHOT/).drop(1)
assert builds.size() == 4

builds.eachWithIndex { build, i ->
  assert build.contains('Tests run: 4, Failures: 0, Errors: 0, Skipped: 0') : "build ${i + 1}: JUnit 5 and JUnit 4 tests"
  assert build.contains('BUILD SUCCESS') : "build ${i + 1}"
}
// 4: Failsafe ran the integration test on the jar, woven by the agent as it loaded.
def integration = builds[3].substring(builds[3].indexOf('failsafe'))
assert integration.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
assert builds[3].contains('as the tests load it, through its agent')
