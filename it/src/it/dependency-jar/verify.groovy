import java.util.jar.JarFile

def log = new File(basedir, 'build.log').text
def logHas = { String text -> assert log.contains(text) : "build.log lacks: $text" }
def isWoven = { File file -> new String(file.bytes, 'ISO-8859-1').contains('dev/trap/internal/dispatch/Trampoline') }

assert log.count('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0') == 4
assert log.count('BUILD SUCCESS') == 2
def lines = log.readLines()
assert lines.count { it =~ /Trap [^ ]+ wove 1 class \(\d+ methods\) of org.apache.commons:commons-lang3:3.17.0 in \d+ ms$/ } == 1
assert lines.count { it =~ /Trap [^ ]+ wove 0 classes of org.apache.commons:commons-lang3:3.17.0 in \d+ ms; 1 up to date$/ } == 1 :
    'the second build reuses the copy of the same jar'
assert !log.contains("matches no class")

def copy = new File(basedir, 'target/trap/dependencies/org.apache.commons/commons-lang3-3.17.0')
assert isWoven(new File(copy, 'org/apache/commons/lang3/StringUtils.class'))
assert !isWoven(new File(copy, 'org/apache/commons/lang3/ArrayUtils.class')) : 'only the included class'
assert new File(copy, 'META-INF/MANIFEST.MF').isFile() : 'the copy holds every entry of the jar'

// The jar in the local repository is as it was.
def repo = new File(basedir, '../../local-repo/org/apache/commons/commons-lang3/3.17.0/commons-lang3-3.17.0.jar')
def jar = new JarFile(repo)
try {
  def bytes = jar.getInputStream(jar.getEntry('org/apache/commons/lang3/StringUtils.class')).bytes
  assert !new String(bytes, 'ISO-8859-1').contains('dev/trap/internal/dispatch/Trampoline')
} finally {
  jar.close()
}
