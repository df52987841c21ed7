package com.acme.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trap.Mock;
import dev.trap.Recording;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

class OpsTest {

  private final Ops ops = new Ops();

  @Test
  void isExpired_should_followThePatchedClock() {
    Mock.patch(System::currentTimeMillis, () -> 1_000L);

    assertFalse(ops.isExpired(2_000L));
    assertTrue(ops.isExpired(500L));
  }

  @Test
  void age_should_followThePatchedInstant_throughAMethodReference() {
    Instant later = Instant.parse("2030-01-01T00:01:00Z");
    Mock.patch(Instant::now, () -> later);

    assertEquals(Duration.ofMinutes(1), ops.age(Instant.parse("2030-01-01T00:00:00Z")));
  }

  @Test
  void lineCount_should_readThePatchedFile_withNoFileOnDisk() throws Exception {
    Path missing = Path.of("no-such-dir", "report.txt");
    Recording<String> reads = Mock.record((Mock.Fn1<Path, String>) Files::readString);
    Mock.patch((Mock.Fn1<Path, String>) Files::readString, path -> "a\nb\nc");

    assertEquals(3, ops.lineCount(missing));
    assertEquals(1, reads.calls().size());
    assertFalse(Files.exists(missing));
  }

  @Test
  void status_should_getThePatchedResponse_withNoNetwork() throws Exception {
    Mock.patchByName(HttpClient.class, "send", call -> new CannedResponse(
        (HttpRequest) call.argument(0), 204, "none here"));

    assertEquals("204 none here", ops.status("http://trap.invalid/health"));
  }

  @Test
  void run_should_getThePatchedProcess_withNoProcessStarted() throws Exception {
    Mock.patch(ProcessBuilder::start, builder -> {
      return new CannedProcess(String.join(" ", builder.command()));
    });

    assertEquals("0: ran no-such-command --flag", ops.run("no-such-command", "--flag"));
  }

  @Test
  void newId_should_useThePatchedUuid_openedByTheDefaults() {
    UUID fixed = UUID.fromString("00000000-0000-0000-0000-000000000042");
    Mock.patch(UUID::randomUUID, () -> fixed);

    assertEquals("op-" + fixed, ops.newId());
  }

  @Test
  void timeoutText_should_readThePatchedStaticField() {
    Mock.patchField(Config.class, "TIMEOUT", () -> Duration.ofMillis(5));

    assertEquals("times out after 5 ms", ops.timeoutText());
  }

  @Test
  void dice_should_rollTheRandomThatThePatchMakes() {
    Random seeded = new Random(7);
    Mock.patch(Random::new, () -> seeded);

    assertEquals(new Random(7).nextInt(6) + 1, ops.dice());
  }

  @Test
  void calls_should_beReal_onceThePatchingTestsAreOver() {
    assertFalse(ops.isExpired(System.currentTimeMillis() + 60_000));
    assertTrue(ops.newId().length() > 10);
    assertEquals("times out after 30000 ms", ops.timeoutText());
  }

  /** A response as a server might send it. */
  private static final class CannedResponse implements HttpResponse<String> {
    private final HttpRequest request;
    private final int status;
    private final String body;

    CannedResponse(HttpRequest request, int status, String body) {
      this.request = request;
      this.status = status;
      this.body = body;
    }

    @Override public int statusCode() { return status; }
    @Override public HttpRequest request() { return request; }
    @Override public Optional<HttpResponse<String>> previousResponse() { return Optional.empty(); }
    @Override public HttpHeaders headers() { return HttpHeaders.of(Map.of(), (a, b) -> true); }
    @Override public String body() { return body; }
    @Override public Optional<SSLSession> sslSession() { return Optional.empty(); }
    @Override public URI uri() { return request.uri(); }
    @Override public HttpClient.Version version() { return HttpClient.Version.HTTP_1_1; }
  }

  /** A process that has run and printed a line. */
  private static final class CannedProcess extends Process {
    private final byte[] output;

    CannedProcess(String command) {
      this.output = ("ran " + command).getBytes(StandardCharsets.UTF_8);
    }

    @Override public OutputStream getOutputStream() { return new ByteArrayOutputStream(); }
    @Override public InputStream getInputStream() { return new ByteArrayInputStream(output); }
    @Override public InputStream getErrorStream() { return new ByteArrayInputStream(new byte[0]); }
    @Override public int waitFor() { return 0; }
    @Override public int exitValue() { return 0; }
    @Override public void destroy() { }
  }
}
