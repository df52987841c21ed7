def log = new File(basedir, 'build.log').text
def logHas = { String text -> assert log.contains(text) : "build.log lacks: $text" }

logHas 'Tests run: 9, Failures: 0, Errors: 0, Skipped: 0'
logHas 'BUILD SUCCESS'
logHas "[WARNING] Trap's call site pattern 'java.lang.Sytem#nanoTime' matches no call that the woven classes make: check its spelling (class#method, such as java.lang.System#currentTimeMillis), or remove it."
assert !log.contains("pattern 'java.util.Random#new' matches no call")
assert log =~ /Trap [^ ]+ wove 2 classes \(\d+ methods\) in \d+ ms; calls of 9 other methods trapped/
def list = new File(basedir, 'target/trap/classes/META-INF/dev.trap/call-sites.txt').readLines()
assert list.contains('java/lang/System.currentTimeMillis()J')
assert list.contains('java/time/Instant.now()Ljava/time/Instant;')
assert list.contains('com/acme/ops/Config.TIMEOUT()Ljava/time/Duration;')
assert list.contains('java/net/http/HttpClient.send(Ljava/net/http/HttpRequest;Ljava/net/http/HttpResponse$BodyHandler;)Ljava/net/http/HttpResponse;')
assert !new File(basedir, 'target/classes/META-INF/dev.trap').exists() : 'nothing of Trap in target/classes'
def jar = new java.util.jar.JarFile(new File(basedir, 'target/call-sites-1.0-SNAPSHOT.jar'))
try {
  assert jar.getEntry('META-INF/dev.trap/call-sites.txt') == null
  def bytes = jar.getInputStream(jar.getEntry('com/acme/ops/Ops.class')).bytes
  assert !new String(bytes, 'ISO-8859-1').contains('trap$call$')
} finally {
  jar.close()
}
