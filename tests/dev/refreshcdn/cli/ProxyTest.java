package dev.refreshcdn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** HTTPS_PROXY carries the https request: a fake proxy on loopback sees the CONNECT, and nothing else leaves. */
class ProxyTest {
  @Test
  void theHttpsProxyVariableTunnelsTheRequestThroughTheProxy() throws Exception {
    // given: a "proxy" that records the first line it is sent, then hangs up
    try (ServerSocket proxy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> {
        try (Socket client = proxy.accept()) {
          return new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        } catch (Exception e) {
          return "failed: " + e;
        }
      });
      // when
      Cli.Result r = InProcess.refreshCdn("--retries", "0", "https://www.test.com/1.jpg").withCredentials()
          .env("HTTPS_PROXY", "http://127.0.0.1:" + proxy.getLocalPort()).run();
      // then
      assertEquals("CONNECT cdn.tencentcloudapi.com:443 HTTP/1.1", firstLine.get(1, TimeUnit.MINUTES));
      assertEquals(4, r.exit(), r::toString);
    }
  }
}
