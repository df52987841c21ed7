def log = new File(basedir, 'build.log').text
def logHas = { String text -> assert log.contains(text) : "build.log lacks: $text" }
def builds = log.split(/\[INFO\] Building jacoco 1.0-SNAPSHOT/).drop(1)
assert builds.size() == 4 : "four builds, got ${builds.size()}"

def report = { String directory ->
  def csv = new File(basedir, "$directory/site/jacoco/jacoco.csv")
  assert csv.isFile() : "no report: $csv"
  csv.readLines()
}

// 1: Trap weaves behind JaCoCo's agent; the tests that use Trap pass; JaCoCo finds its classes.
def withTrap = builds[0]
assert withTrap.contains("Trap weaves target/classes as the tests load it, through its agent in \${argLine}, after JaCoCo's agent")
assert withTrap.contains('Tests run: 3, Failures: 0, Errors: 0, Skipped: 0')
assert !withTrap.contains('does not match') : 'JaCoCo found execution data of other classes'
assert withTrap.contains('BUILD SUCCESS')
assert !withTrap.contains('WARNING: Trap') : 'Trap warned in the test JVM'


// 2: the same report as the build without Trap, number by number.
assert builds[1].contains('Skipping Trap')
assert report('target') == report('target-plain')
def fees = report('target').find { it.contains(',Fees,') }.split(',')
assert fees[4] != '0' : "instructions covered: ${fees}"

// 3: the woven copy behind JaCoCo's agent: JaCoCo says its data match no class, and the report
// shows nothing covered. This is what auto mode avoids.
assert builds[2].contains('does not match')
assert report('target-copy') != report('target')

// 4: the agent alone, as an IDE run uses it, with the settings the build wrote.
assert builds[3].contains("Trap weaves target-agent/classes as the tests load it, through its agent in \${argLine}")
assert builds[3].contains('Tests run: 3, Failures: 0, Errors: 0, Skipped: 0')
def settings = new Properties()
new File(basedir, 'target-agent/trap/agent.properties').withInputStream { settings.load(it) }
assert settings.getProperty('includes') == 'com.acme.billing.**'
def locations = settings.getProperty('locations').split(File.pathSeparator).collect { new File(it).canonicalPath }
assert locations == [new File(basedir, 'target-agent/classes').canonicalPath, new File(basedir, 'target-agent/jacoco-1.0-SNAPSHOT.jar').canonicalPath] : "the agent weaves what the build weaves, not the tests: $locations"
assert new File(basedir, 'target/trap/javaagent.txt').text.startsWith('-javaagent:') : 'the IDE line, in agent mode too'
