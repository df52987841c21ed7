// Compares the released test suite's two runs: on the original classes
// (target/surefire-reports-unwoven) and on the woven ones (target/surefire-reports), with a global
// interceptor counting every trapped call in both (target/trapped-calls-*.properties).
// Fails if a test that passed unwoven did not pass woven, if the woven run trapped few calls, or
// if the unwoven run trapped any. Tests that fail unwoven too (this machine's JDK, locale or time
// zone) are listed, not held against the weaver. Surefire reruns a failed test up to twice
// (rerunFailingTestsCount): one that passed on a rerun counts as passed, and is named as flaky.

import javax.xml.parsers.DocumentBuilderFactory

final long MIN_TRAPPED_CALLS = 100_000

File target = new File(basedir, 'target')

/**
 * Outcomes of one surefire report folder: "class#test" -> list of outcomes (names can repeat).
 * Tests that passed only on a rerun go into {@code flaky} too.
 */
Map<String, List<String>> readReports(File dir, Set<String> flaky) {
  File[] files = dir.listFiles({ File f -> f.name.startsWith('TEST-') && f.name.endsWith('.xml') } as FileFilter)
  assert files : "No surefire reports in ${dir}"
  Map<String, List<String>> outcomes = new TreeMap<>()
  def factory = DocumentBuilderFactory.newInstance()
  for (File file : files) {
    def cases = factory.newDocumentBuilder().parse(file).getElementsByTagName('testcase')
    for (int i = 0; i < cases.length; i++) {
      def testcase = cases.item(i)
      String outcome = 'passed'
      String key = testcase.getAttribute('classname') + '#' + testcase.getAttribute('name')
      def children = testcase.childNodes
      for (int j = 0; j < children.length; j++) {
        def child = children.item(j)
        if (child.nodeName in ['flakyFailure', 'flakyError']) {
          flaky << key
        }
        if (child.nodeName in ['failure', 'error', 'skipped']) {
          outcome = child.nodeName
          if (outcome != 'skipped') {
            String detail = [child.getAttribute('type'), child.getAttribute('message')].findAll().join(': ')
            outcome += ' ' + (detail.length() > 300 ? detail.substring(0, 300) + '...' : detail)
          }
          break
        }
      }
      outcomes.computeIfAbsent(key, { new ArrayList<String>() }).add(outcome)
    }
  }
  return outcomes
}

Map<String, Integer> tally(Map<String, List<String>> outcomes) {
  Map<String, Integer> counts = ['passed': 0, 'failure': 0, 'error': 0, 'skipped': 0]
  outcomes.values().flatten().each { String outcome -> String kind = outcome.split(' ')[0]; counts[kind] = counts[kind] + 1 }
  return counts
}

double suiteSeconds(File dir) {
  double seconds = 0
  def factory = DocumentBuilderFactory.newInstance()
  dir.listFiles({ File f -> f.name.startsWith('TEST-') && f.name.endsWith('.xml') } as FileFilter).each {
    String time = factory.newDocumentBuilder().parse(it).documentElement.getAttribute('time')
    seconds += time ? Double.parseDouble(time.replace(',', '')) : 0
  }
  return seconds
}

Properties readCounts(File file) {
  assert file.isFile() : "Missing ${file}: CountingSessionListener did not run or could not write"
  Properties counts = new Properties()
  file.withInputStream { counts.load(it) }
  return counts
}

Set<String> flakyUnwoven = new TreeSet<>()
Set<String> flakyWoven = new TreeSet<>()
def unwoven = readReports(new File(target, 'surefire-reports-unwoven'), flakyUnwoven)
def woven = readReports(new File(target, 'surefire-reports'), flakyWoven)

List<String> regressions = []
List<String> baselineFailures = []
(unwoven.keySet() + woven.keySet()).each { String key ->
  int passedBefore = unwoven.getOrDefault(key, []).count { it == 'passed' }
  int passedAfter = woven.getOrDefault(key, []).count { it == 'passed' }
  if (passedAfter < passedBefore) {
    regressions << "${key} ${woven.getOrDefault(key, ['missing']).findAll { it != 'passed' }.unique()}".toString()
  }
  if (unwoven.getOrDefault(key, []).any { it.startsWith('failure') || it.startsWith('error') }) {
    baselineFailures << key
  }
}

def unwovenCounts = readCounts(new File(target, 'trapped-calls-unwoven.properties'))
def wovenCounts = readCounts(new File(target, 'trapped-calls-woven.properties'))
long trappedCalls = Long.parseLong(wovenCounts.getProperty('calls'))
long trappedMethods = Long.parseLong(wovenCounts.getProperty('methods'))

def before = tally(unwoven)
def after = tally(woven)
String summary = String.format('%s: %,d tests; unwoven %,d passed, %,d failed, %,d skipped in %.0f s;'
    + ' woven %,d passed, %,d failed, %,d skipped in %.0f s; %,d trapped calls in %,d methods;'
    + ' %d regression(s), %d baseline failure(s)',
    basedir.name, unwoven.values().flatten().size(),
    before.passed, before.failure + before.error, before.skipped, suiteSeconds(new File(target, 'surefire-reports-unwoven')),
    after.passed, after.failure + after.error, after.skipped, suiteSeconds(new File(target, 'surefire-reports')),
    trappedCalls, trappedMethods, regressions.size(), baselineFailures.size())
println summary
new File(target, 'real-code-summary.txt').text = summary + '\n'
if (flakyUnwoven || flakyWoven) {
  println "Passed only on a rerun: unwoven ${flakyUnwoven}, woven ${flakyWoven}"
}
if (baselineFailures) {
  println "Failing on the original classes too (not counted): ${baselineFailures.take(20)}"
}

assert regressions.isEmpty() : "${regressions.size()} test(s) passed on the original classes but not on the woven ones:\n  " + regressions.take(50).join('\n  ')
assert unwovenCounts.getProperty('calls') == '0' : "The run on the original classes trapped calls (${unwovenCounts}): target/original-classes is woven"
assert trappedCalls > MIN_TRAPPED_CALLS : "The woven run trapped only ${trappedCalls} calls (expected more than ${MIN_TRAPPED_CALLS}): are target/classes woven, and the interceptor installed?"
return true
