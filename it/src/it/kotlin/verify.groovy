def log = new File(basedir, 'build.log').text
def logHas = { String text -> assert log.contains(text) : "build.log lacks: $text" }

logHas 'Tests run: 6, Failures: 0, Errors: 0, Skipped: 0'
logHas 'BUILD SUCCESS'
assert log =~ /Trap [^ ]+ wove \d+ classes \(\d+ methods\) in \d+ ms/
