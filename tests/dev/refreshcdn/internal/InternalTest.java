package dev.refreshcdn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class InternalTest {
  @Test
  void aClientsSelectorThreadEndsWhenStoppedForExit() throws Exception {
    // given: a client that has sent a request, so its selector thread runs (in native code, in epoll)
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    server.start();
    try {
      HttpClient client = HttpClients.standard(Duration.ofSeconds(5), null);
      URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
      assertEquals(204, client.send(HttpRequest.newBuilder(uri).build(), BodyHandlers.discarding()).statusCode());
      String id = client.toString().replaceAll(".*\\((\\d+)\\)$", "$1"); // HttpClientImpl@hash(id)
      Thread selector = Thread.getAllStackTraces().keySet().stream()
          .filter(t -> t.getName().equals("HttpClient-" + id + "-SelectorManager")).findFirst().orElseThrow();

      // when: only this client's thread, so that no other test's client is stopped
      HttpClients.stopSelectors("HttpClient-" + id + "-");
      selector.join(Duration.ofSeconds(10).toMillis());

      // then
      assertFalse(selector.isAlive(), "the selector thread still runs");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void maskIdShowsFourAndFourOfALongIdAndNothingOfAShortOne() {
    // given / when / then
    assertEquals("AKID****7890", Texts.maskId("AKIDabcdefgh1234567890"));
    assertEquals("****", Texts.maskId("AKID1234"));
    assertEquals("****", Texts.maskId(""));
  }

  @Test
  void urlUserInfoIsHiddenOnlyInTheAuthority() {
    // given / when / then
    assertEquals("https://***@host/a@b", Texts.withoutUserInfo("https://user:pw@host/a@b"));
    assertEquals("https://host/a@b", Texts.withoutUserInfo("https://host/a@b"));
    assertEquals("user:pw@host", Texts.withoutUserInfo("user:pw@host"));
  }

  @Test
  void proxyUserInfoIsHiddenWithOrWithoutAScheme() {
    // given / when / then
    assertEquals("***@proxy:3128", Texts.proxyWithoutUserInfo("user:pw@proxy:3128"));
    assertEquals("http://***@proxy:3128", Texts.proxyWithoutUserInfo("http://user:pw@proxy:3128"));
    assertEquals("http://proxy:3128", Texts.proxyWithoutUserInfo("http://proxy:3128"));
  }

  @Test
  void countsAndPluralsTakeTheSingularForOneOnly() {
    // given / when / then
    assertEquals("1 URL, 0 URLs, 1 directory, 2 directories", String.join(", ", Texts.count(1, false),
        Texts.count(0, false), Texts.count(1, true), Texts.count(2, true)));
    assertEquals("1 task, 3 tasks", Texts.plural(1, "task") + ", " + Texts.plural(3, "task"));
  }

  @Test
  void theQuotaDayTurnsAtMidnightInBeijing() {
    // given
    Instant lastSecond = Instant.parse("2026-11-27T15:59:59Z");
    Instant midnight = Instant.parse("2026-11-27T16:00:00Z");
    // when / then
    assertEquals(LocalDate.of(2026, 11, 27), Beijing.day(lastSecond));
    assertEquals(LocalDate.of(2026, 11, 28), Beijing.day(midnight));
    assertEquals(midnight, Beijing.quotaReturns(lastSecond));
    assertEquals("2026-11-28 00:00:00", Beijing.wall(midnight));
  }

  @Test
  void theStandardClientSpeaksHttp11AndFollowsNoRedirect() {
    // given / when
    HttpClient client = HttpClients.standard(Duration.ofSeconds(7), null);
    // then
    assertEquals(HttpClient.Version.HTTP_1_1, client.version());
    assertEquals(HttpClient.Redirect.NEVER, client.followRedirects());
    assertEquals(Duration.ofSeconds(7), client.connectTimeout().orElseThrow());
    assertTrue(client.proxy().isEmpty());
  }

  @Test
  void theInternalPackageDependsOnNothingElseInTheProject() throws IOException {
    // given
    List<String> offending = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("lib/dev/refreshcdn/internal"))) {
      // when
      files.forEach(file -> {
        try {
          for (String line : Files.readAllLines(file)) {
            // an import or a qualified name of any other project package
            if (line.replace("dev.refreshcdn.internal", "").contains("dev.refreshcdn.")) {
              offending.add(file.getFileName() + ": " + line.strip());
            }
          }
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    }
    // then
    assertEquals(List.of(), offending);
  }
}
