package dev.refreshcdn.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import com.fasterxml.jackson.jr.ob.JSON;

/** Sends real HTTP requests to an emulator on loopback, signed by {@link TestSigner}. */
final class Wire {
  record Reply(int status, HttpHeaders headers, String body) {
    Map<String, Object> json() {
      try {
        return JSON.std.mapFrom(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    /** A value by dotted path, e.g. "data.task_id" or "Response.Error.Code". */
    Object at(String path) {
      Object node = json();
      for (String part : path.split("\\.")) {
        if (node instanceof Map<?, ?> m) {
          node = m.get(part);
        } else if (node instanceof List<?> l) {
          node = l.get(Integer.parseInt(part));
        } else {
          return null;
        }
      }
      return node;
    }
  }

  static final String BOUNDARY = "----refreshcdnTestBoundary7MA4YWxk";

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final Emulator emu;
  private final Clock clock;
  private final AtomicLong nonce = new AtomicLong(10_000);

  Wire(Emulator emu, Clock clock) {
    this.emu = emu;
    this.clock = clock;
  }

  String hostHeader() {
    return "127.0.0.1:" + emu.port();
  }

  long now() {
    return clock.instant().getEpochSecond();
  }

  /** The common parameters with a fresh Nonce and the current Timestamp. */
  Map<String, String> common(String action, String secretId) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("Action", action);
    p.put("SecretId", secretId);
    p.put("Timestamp", Long.toString(now()));
    p.put("Nonce", Long.toString(nonce.incrementAndGet()));
    return p;
  }

  Map<String, String> refresh(String secretId, List<String> urls) {
    Map<String, String> p = common("RefreshCdnUrl", secretId);
    for (int i = 0; i < urls.size(); i++) {
      p.put("urls." + i, urls.get(i));
    }
    return p;
  }

  /** Adds a Signature computed over the host as the client will send it, with the port. */
  Map<String, String> signed(String method, Map<String, String> params, String key) {
    Map<String, String> p = new LinkedHashMap<>(params);
    p.put("Signature", TestSigner.v1(method, hostHeader(), Emulator.LEGACY_PATH, params, key));
    return p;
  }

  Reply postForm(Map<String, String> params, String key) {
    return postFormRaw(signed("POST", params, key), "");
  }

  Reply postFormRaw(Map<String, String> signedParams, String query) {
    return send(HttpRequest.newBuilder(URI.create(emu.endpoint() + query))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form(signedParams))).build());
  }

  Reply postMultipart(Map<String, String> params, String key) {
    StringBuilder sb = new StringBuilder();
    signed("POST", params, key).forEach((k, v) -> sb.append("--").append(BOUNDARY).append("\r\n")
        .append("Content-Disposition: form-data; name=\"").append(k).append("\"\r\n\r\n")
        .append(v).append("\r\n"));
    sb.append("--").append(BOUNDARY).append("--\r\n");
    return send(HttpRequest.newBuilder(emu.endpoint())
        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .POST(HttpRequest.BodyPublishers.ofString(sb.toString(), StandardCharsets.UTF_8)).build());
  }

  Reply get(Map<String, String> params, String key) {
    return getRaw(form(signed("GET", params, key)));
  }

  Reply getRaw(String query) {
    return send(HttpRequest.newBuilder(URI.create(emu.endpoint() + "?" + query)).GET().build());
  }

  /** An API 3.0 call signed with the host header as sent (with the port). */
  Reply v3(String action, String json, String secretId, String key) {
    return v3(action, json, secretId, key, now(), hostHeader(), Map.of());
  }

  Reply v3(String action, String json, String secretId, String key, long timestamp, String signedHost,
      Map<String, String> extraHeaders) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String contentType = "application/json; charset=utf-8";
    HttpRequest.Builder b = HttpRequest.newBuilder(emu.endpointV3())
        .header("Content-Type", contentType)
        .header("X-TC-Action", action)
        .header("X-TC-Version", "2018-06-06")
        .header("X-TC-Timestamp", Long.toString(timestamp))
        .header("Authorization", TestSigner.tc3(secretId, key, timestamp, contentType, signedHost, body))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    extraHeaders.forEach(b::setHeader);
    return send(b.build());
  }

  /** Signature v1's common parameters for API 3.0: those of API 2.0 plus Version. */
  Map<String, String> commonV3(String action, String secretId) {
    Map<String, String> p = common(action, secretId);
    p.put("Version", "2018-06-06");
    return p;
  }

  /** An API 3.0 call signed with signature v1 over the host as sent and path "/", by GET or form POST. */
  Reply v3SignatureV1(String method, Map<String, String> params, String key) {
    Map<String, String> p = new LinkedHashMap<>(params);
    p.put("Signature", TestSigner.v1(method, hostHeader(), "/", params, key));
    if ("GET".equals(method)) {
      return send(HttpRequest.newBuilder(URI.create(emu.endpointV3() + "?" + form(p))).GET().build());
    }
    return send(HttpRequest.newBuilder(emu.endpointV3()).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form(p))).build());
  }

  /** An API 3.0 call by GET signed with TC3, the parameters in {@code query} exactly as given. */
  Reply v3Get(String action, String query, String secretId, String key) {
    String contentType = "application/x-www-form-urlencoded";
    return send(HttpRequest.newBuilder(URI.create(emu.endpointV3() + "?" + query))
        .header("Content-Type", contentType)
        .header("X-TC-Action", action)
        .header("X-TC-Version", "2018-06-06")
        .header("X-TC-Timestamp", Long.toString(now()))
        .header("Authorization", TestSigner.tc3("GET", query, secretId, key, now(), contentType, hostHeader(), new byte[0], "cdn"))
        .GET().build());
  }

  Reply send(HttpRequest request) {
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(r.statusCode(), r.headers(), r.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String form(Map<String, String> params) {
    return params.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  static String jsonOf(Object value) {
    try {
      return JSON.std.asString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
