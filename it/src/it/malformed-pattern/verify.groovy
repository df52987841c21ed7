def log = new File(basedir, 'build.log').text
def logHas = { String text -> assert log.contains(text) : "build.log lacks: $text" }
def isWoven = { String path -> new String(new File(basedir, path).bytes, 'ISO-8859-1').contains('dev/trap/internal/dispatch/Trampoline') }

logHas "Malformed include pattern 'com/acme/billing/**': use dots between package names, not slashes"
logHas 'BUILD FAILURE'
