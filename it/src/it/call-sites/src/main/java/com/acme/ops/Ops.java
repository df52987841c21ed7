package com.acme.ops;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/** A service that depends on the clock, files, HTTP and processes. */
public class Ops {

  private final Supplier<Instant> clock = Instant::now;
  private final HttpClient http = HttpClient.newHttpClient();

  public boolean isExpired(long deadlineMillis) {
    return System.currentTimeMillis() > deadlineMillis;
  }

  public Duration age(Instant createdAt) {
    return Duration.between(createdAt, clock.get());
  }

  public int lineCount(Path file) throws IOException {
    return Files.readString(file).split("\n").length;
  }

  public String status(String url) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString());
    return response.statusCode() + " " + response.body();
  }

  public String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).start();
    try (InputStream out = process.getInputStream()) {
      String text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
      return process.waitFor() + ": " + text;
    }
  }

  public String timeoutText() {
    return "times out after " + Config.TIMEOUT.toMillis() + " ms";
  }

  public int dice() {
    return new Random().nextInt(6) + 1;
  }

  public String newId() {
    return "op-" + UUID.randomUUID();
  }
}
