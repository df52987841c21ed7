// Tests in a module of their own: everything on the module path. The woven classes of module
// com.acme.billing reach dev.trap only because its descriptor requires it while tests run; the
// packaged jar holds the descriptor as compiled.
import java.util.zip.ZipFile

def log = new File(basedir, 'build.log').text
def logHas = { String text -> assert log.contains(text) : "build.log lacks: $text" }

logHas 'Tests run: 1, Failures: 0, Errors: 0, Skipped: 0'
logHas '; module-info.class requires dev.trap'
def jar = new ZipFile(new File(basedir, 'target/modular-test-module-1.0-SNAPSHOT.jar'))
def descriptor = jar.getInputStream(jar.getEntry('module-info.class')).bytes
assert !new String(descriptor, 'ISO-8859-1').contains('dev.trap') : 'the jar holds the descriptor as compiled'
def invoice = jar.getInputStream(jar.getEntry('com/acme/billing/PriceCalculator.class')).bytes
assert !new String(invoice, 'ISO-8859-1').contains('dev/trap/internal/dispatch/Trampoline')
