package dev.refreshcdn.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refreshcdn.FakeTime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.jr.ob.JSON;

/** Requests captured from Tencent's official Node.js SDKs, replayed byte for byte, are accepted. */
class SdkFixturesTest {
  private static final String ID = "AKIDfixture0000000000000000000EXAMPLE";
  private static final String KEY = "fixtureSecretKey000000000000EXAMPLE";

  static Stream<Path> fixtures() throws IOException, URISyntaxException {
    Path dir = Path.of(SdkFixturesTest.class.getResource("/fixtures/emulator").toURI());
    return Files.list(dir).filter(p -> p.toString().endsWith(".json")).sorted();
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void aRequestSignedByAnOfficialSdkIsAccepted(Path fixture) throws IOException {
    // given
    Map<String, Object> request = JSON.std.mapFrom(Files.readString(fixture, StandardCharsets.UTF_8));
    @SuppressWarnings("unchecked")
    Map<String, String> headers = (Map<String, String>) request.get("headers");
    String body = (String) request.get("body");
    FakeTime clock = new FakeTime(Instant.ofEpochSecond(timestamp(request, headers, body)));
    try (Emulator emu = Emulator.builder().account(ID, KEY, "www.test.com", "img.test.com").clock(clock).start()) {
      // when
      String answer = replay(emu.port(), (String) request.get("method"), (String) request.get("target"), headers, body);
      // then
      Map<String, Object> json = JSON.std.mapFrom(answer);
      if (((String) request.get("target")).startsWith("/v2/")) {
        assertEquals(0, json.get("code"), answer);
      } else {
        assertNull(((Map<?, ?>) json.get("Response")).get("Error"), answer);
      }
      assertTrue(emu.requests().get(0).accepted());
    }
  }

  private static long timestamp(Map<String, Object> request, Map<String, String> headers, String body) {
    for (Map.Entry<String, String> h : headers.entrySet()) {
      if (h.getKey().equalsIgnoreCase("X-TC-Timestamp")) {
        return Long.parseLong(h.getValue());
      }
    }
    Matcher m = Pattern.compile("(?:^|[?&])Timestamp=(\\d+)").matcher(request.get("target") + "&" + body);
    assertTrue(m.find(), "no Timestamp in " + request);
    return Long.parseLong(m.group(1));
  }

  /** Writes the request as captured, Host header included, and returns the answer's body. */
  private static String replay(int port, String method, String target, Map<String, String> headers, String body) throws IOException {
    byte[] payload = body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
    headers.forEach((name, value) -> {
      if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Connection")) {
        head.append(name).append(": ").append(value).append("\r\n");
      }
    });
    if (payload.length > 0) {
      head.append("Content-Length: ").append(payload.length).append("\r\n");
    }
    head.append("Connection: close\r\n\r\n");
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.UTF_8));
      out.write(payload);
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      String response = all.toString(StandardCharsets.UTF_8);
      assertTrue(response.startsWith("HTTP/1.1 200"), response);
      return response.substring(response.indexOf("\r\n\r\n") + 4);
    }
  }
}
