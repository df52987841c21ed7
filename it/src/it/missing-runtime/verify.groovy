def log = new File(basedir, 'build.log').text
def logHas = { String text -> assert log.contains(text) : "build.log lacks: $text" }
def isWoven = { String path -> new String(new File(basedir, path).bytes, 'ISO-8859-1').contains('dev/trap/internal/dispatch/Trampoline') }

logHas 'Trap wove classes of com.acme:missing-runtime, but dev.trap:trap-runtime is not among its dependencies'
logHas '<artifactId>trap-runtime</artifactId>'
logHas '<scope>test</scope>'
