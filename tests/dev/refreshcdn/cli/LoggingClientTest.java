package dev.refreshcdn.cli;

import dev.refreshcdn.Api;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refreshcdn.Refresh;
import dev.refreshcdn.emulator.Emulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** -v: one line per request, with neither the query (SecretId, Signature) nor the body. */
class LoggingClientTest {
  @Test
  void describesAGetWithoutItsQuery() {
    // given
    HttpRequest get = HttpRequest.newBuilder(URI.create("https://cdn.api.qcloud.com/v2/index.php?SecretId=AKIDx&Signature=s"))
        .GET().build();
    // when
    String line = LoggingClient.describe(get);
    // then
    assertEquals("[http] GET https://cdn.api.qcloud.com/v2/index.php (query: 26 bytes)", line);
  }

  @Test
  void logsEachRequestSentThroughItWithStatusAndNoSecret() {
    // given
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream log = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    try (Emulator emu = Emulator.start()) {
      LoggingClient client = LoggingClient.withDefaults(null, log);
      // when
      Refresh.urls("https://www.test.com/1.jpg").api(Api.V2).endpoint(emu.endpoint()).credentials(emu.secretId(), emu.secretKey())
          .httpClient(client).batch().submit();
      // then
      String text = bytes.toString(StandardCharsets.UTF_8);
      assertTrue(text.matches("\\[http] POST " + emu.endpoint() + " \\(body: \\d+ bytes\\) → HTTP 200 in \\d+ ms\\R"),
          text);
      assertFalse(text.contains(emu.secretId()));
      assertEquals(HttpClient.Version.HTTP_1_1, client.version());
      assertEquals(HttpClient.Redirect.NEVER, client.followRedirects());
      assertEquals(Refresh.DEFAULT_CONNECT_TIMEOUT, client.connectTimeout().orElseThrow());
    }
  }
}
