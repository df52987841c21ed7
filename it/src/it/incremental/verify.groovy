def log = new File(basedir, 'build.log').text
def logHas = { String text -> assert log.contains(text) : "build.log lacks: $text" }
def isWoven = { String path -> new String(new File(basedir, path).bytes, 'ISO-8859-1').contains('dev/trap/internal/dispatch/Trampoline') }

def summaries = log.readLines().findAll { it.contains('[INFO] Trap ') && it.contains(' wove ') }
assert summaries.size() == 3 : "expected three summary lines, got $summaries"
assert summaries[0] =~ /wove 3 classes \(\d+ methods\) in \d+ ms$/
def second = summaries[1] =~ /wove 0 classes in (\d+) ms; 3 up to date$/
assert second : summaries[1]
assert (second[0][1] as int) < 500 : "an up-to-date build took ${second[0][1]} ms"
assert summaries[2] =~ /wove 1 class \(\d+ methods\) in \d+ ms; 2 up to date$/
assert log.count('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0') == 6
