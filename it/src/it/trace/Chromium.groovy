import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import java.net.http.HttpClient
import java.net.http.WebSocket
import java.util.concurrent.CompletableFuture
import java.util.concurrent.CompletionStage
import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger

/**
 * A headless Chromium driven over the DevTools protocol: pages are opened, clicked, typed into
 * and read as a person's browser would show them. Needs nothing but the JDK and a Chromium
 * (Debian's package 'chromium', which .ci/run installs).
 */
class Chromium implements AutoCloseable {

  static final long TIMEOUT_SECONDS = 30

  private final Process process
  private final File profile
  private final WebSocket socket
  private final Map<Integer, CompletableFuture<Map>> pending = new ConcurrentHashMap<>()
  private final AtomicInteger ids = new AtomicInteger()
  /** Uncaught exceptions of the page's scripts. */
  final List<String> pageErrors = new CopyOnWriteArrayList<>()

  /** @return the Chromium to run: $TRAP_CHROMIUM, or the first on the PATH; null if none */
  static String find() {
    String chosen = System.getenv('TRAP_CHROMIUM')
    if (chosen) {
      return chosen
    }
    for (String name : ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
      for (String dir : System.getenv('PATH').split(File.pathSeparator)) {
        File candidate = new File(dir, name)
        if (candidate.canExecute()) {
          return candidate.path
        }
      }
    }
    return null
  }

  Chromium(String executable, File workDir) {
    profile = new File(workDir, 'chromium-profile')
    profile.deleteDir()
    profile.mkdirs()
    // The flags a closed network needs: no background connections, no component updates.
    process = new ProcessBuilder(executable, '--headless', '--no-sandbox', '--disable-gpu',
        '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--hide-scrollbars',
        '--remote-debugging-port=0', "--user-data-dir=${profile}", '--window-size=1400,900',
        'about:blank')
        .redirectErrorStream(true)
        .redirectOutput(new File(workDir, 'chromium.log'))
        .start()
    File portFile = new File(profile, 'DevToolsActivePort')
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS)
    while (!(portFile.isFile() && portFile.readLines().size() >= 2)) {
      if (!process.alive) {
        throw new IllegalStateException("Chromium (${executable}) ended at its start, with exit"
            + " code ${process.exitValue()}: see ${new File(workDir, 'chromium.log')}")
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Chromium did not open its DevTools port within"
            + " ${TIMEOUT_SECONDS} s: see ${new File(workDir, 'chromium.log')}")
      }
      Thread.sleep(100)
    }
    String port = portFile.readLines()[0].trim()
    List targets = new JsonSlurper().parse(new URL("http://127.0.0.1:${port}/json/list"))
    String page = targets.find { it.type == 'page' }.webSocketDebuggerUrl
    socket = HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(URI.create(page), new Listener())
        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
    send('Runtime.enable')
    send('Page.enable')
  }

  /** Sends a command and waits for its result. */
  Map send(String method, Map params = [:]) {
    int id = ids.incrementAndGet()
    CompletableFuture<Map> answer = new CompletableFuture<>()
    pending.put(id, answer)
    socket.sendText(JsonOutput.toJson([id: id, method: method, params: params]), true)
        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
    Map message = answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
    if (message.error) {
      throw new IllegalStateException("${method} failed: ${message.error}")
    }
    return message.result as Map
  }

  void open(File page) {
    send('Page.navigate', [url: page.toURI().toString()])
    waitFor("document.readyState === 'complete'", "${page} to load")
  }

  /** @return the value of a JavaScript expression in the page */
  def eval(String expression) {
    Map result = send('Runtime.evaluate',
        [expression: expression, returnByValue: true, awaitPromise: true])
    if (result.exceptionDetails) {
      throw new IllegalStateException("${expression} threw in the page: "
          + (result.exceptionDetails.exception?.description ?: result.exceptionDetails.text))
    }
    return result.result.value
  }

  /**
   * Waits until a JavaScript condition holds in the page. While a page loads, the condition may
   * throw (no body yet): it is asked again.
   */
  void waitFor(String condition, String what) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS)
    String lastError = null
    while (true) {
      try {
        if (eval("!!(${condition})") == true) {
          return
        }
      } catch (IllegalStateException e) {
        lastError = e.message
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Waited ${TIMEOUT_SECONDS} s for ${what}: ${condition}"
            + (lastError ? "; last error: ${lastError}" : ''))
      }
      Thread.sleep(50)
    }
  }

  /** Clicks the middle of the element, as a mouse would: it must show and take the click. */
  void click(String selector) {
    Map point = eval("""(() => {
        const e = document.querySelector(${JsonOutput.toJson(selector)});
        if (!e) { return null; }
        e.scrollIntoView({block: 'center'});
        const r = e.getBoundingClientRect();
        return {x: r.left + r.width / 2, y: r.top + r.height / 2, w: r.width, h: r.height};
      })()""") as Map
    if (point == null || point.w == 0 || point.h == 0) {
      throw new AssertionError("Nothing to click shows for ${selector}")
    }
    for (String type : ['mousePressed', 'mouseReleased']) {
      send('Input.dispatchMouseEvent',
          [type: type, x: point.x, y: point.y, button: 'left', clickCount: 1])
    }
  }

  /** Clicks into a field and types, as a keyboard would. */
  void type(String selector, String text) {
    click(selector)
    send('Input.insertText', [text: text])
  }

  void press(String key) {
    for (String type : ['keyDown', 'keyUp']) {
      send('Input.dispatchKeyEvent', [type: type, key: key, code: key,
          windowsVirtualKeyCode: key == 'Enter' ? 13 : 0])
    }
  }

  void screenshot(File file) {
    file.parentFile.mkdirs()
    file.bytes = Base64.decoder.decode(send('Page.captureScreenshot', [format: 'png']).data as String)
  }

  @Override
  void close() {
    try {
      send('Browser.close')
    } catch (Exception ignored) {
      // It is going anyway.
    }
    socket?.abort()
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly()
    }
    profile.deleteDir()
  }

  private class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder()

    @Override
    CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      text.append(data)
      if (last) {
        Map message = new JsonSlurper().parseText(text.toString()) as Map
        text.setLength(0)
        if (message.id != null) {
          pending.remove(message.id as Integer)?.complete(message)
        } else if (message.method == 'Runtime.exceptionThrown') {
          pageErrors.add(String.valueOf(message.params.exceptionDetails.exception?.description
              ?: message.params.exceptionDetails.text))
        }
      }
      webSocket.request(1)
      return null
    }
  }
}
