package dev.refreshcdn.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.refreshcdn.emulator.Emulator;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the CLI says is said in the user's words: no exception class, no library call, the user's own duration. */
class PlainWordsTest {
  /** A HOME of this test's own, so no other test's quota ledger stands in the way. */
  @TempDir Path home;

  @Test
  void aRefusedConnectionIsSaidSoNotAsAnExceptionClass() throws Exception {
    // given: a loopback port with nothing listening
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    // when
    Cli.Result r = InProcess.refreshCdn("--endpoint", "http://127.0.0.1:" + port + "/", "--retries", "0",
        "https://www.test.com/1.jpg").withCredentials().env("HOME", home.toString()).run();
    // then
    assertEquals(4, r.exit(), r::toString);
    assertTrue(r.err().contains("could not connect to 127.0.0.1: connection refused"), r::toString);
    assertFalse(r.err().contains("Exception"), r::toString);
  }

  @Test
  void aTimeoutIsSaidAsTheUserTypedIt() {
    // given: a server that answers after the timeout
    WireMockServer slow = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    slow.start();
    try {
      slow.stubFor(any(anyUrl()).willReturn(aResponse().withFixedDelay(3_000).withStatus(500)));
      // when
      Cli.Result r = InProcess.refreshCdn("--endpoint", slow.baseUrl() + "/", "--timeout", "1s", "--retries", "0",
          "--daily-quota", "10", "https://www.test.com/1.jpg").withCredentials().env("HOME", home.toString()).run();
      // then
      assertEquals(4, r.exit(), r::toString);
      assertTrue(r.err().contains("no answer within 1s"), r::toString);
      assertFalse(r.err().contains(" ms"), r::toString);
    } finally {
      slow.stop();
    }
  }

  @Test
  void countsTakeTheirPluralAndALegacyDirectoryRequestIsNotCalledATask() {
    try (Emulator emu = Emulator.builder().account(Cli.SECRET_ID, Cli.SECRET_KEY, "www.test.com").start()) {
      // when
      Cli.Result verbose = InProcess.refreshCdn("--api", "v2", "--endpoint", emu.endpoint().toString(), "-v",
          "https://www.test.com/1.jpg").withCredentials().env("HOME", home.toString()).run();
      Cli.Result dirs = InProcess.refreshCdn("--api", "v2", "--endpoint", emu.endpoint().toString(), "--dir",
          "https://www.test.com/a/", "https://www.test.com/b/").withCredentials().env("HOME", home.toString()).run();
      // then
      assertEquals(0, verbose.exit(), verbose::toString);
      assertTrue(verbose.err().contains("[refresh-cdn] 1 URL in 1 request to "), verbose::toString);
      assertEquals(0, dirs.exit(), dirs::toString);
      assertTrue(dirs.out().contains("(RefreshCdnDir gives no task id)"), dirs::toString);
      assertTrue(dirs.out().contains("Submitted 2 directories in 1 request. "), dirs::toString);
    }
  }

  @Test
  void anApi2EndpointWithApi3IsExplainedWithoutTheLibrarysCalls() {
    // when
    Cli.Result r = InProcess.refreshCdn("--dry-run", "--endpoint", "https://cdn.api.qcloud.com/v2/index.php",
        "https://www.test.com/1.jpg").withCredentials().env("HOME", home.toString()).run();
    // then
    assertEquals(2, r.exit(), r::toString);
    assertTrue(r.err().contains("is an API 2.0 endpoint"), r::toString);
    assertFalse(r.all().contains("api(") || r.all().contains("in the library"), r::toString);
  }

  @Test
  void statusSinceOnApi2ShowsOneRowPerTaskAndNoDashForTheId() {
    try (Emulator emu = Emulator.builder().account(Cli.SECRET_ID, Cli.SECRET_KEY, "www.test.com", "img.test.com")
        .taskCompletion(Duration.ZERO).start()) {
      // given: URLs on two hosts, sent as one request per domain, so two tasks, each one record of the legacy log
      Instant before = Instant.now().minusSeconds(2);
      Cli.Result sent = InProcess.refreshCdn("--api", "v2", "--endpoint", emu.endpoint().toString(), "-q",
          "https://www.test.com/1.jpg", "https://img.test.com/2.jpg").withCredentials().env("HOME", home.toString()).run();
      // when
      Cli.Result r = InProcess.refreshCdn("status", "--api", "v2", "--endpoint", emu.endpoint().toString(),
          "--since", before.toString()).withCredentials().env("HOME", home.toString()).run();
      // then
      assertEquals(0, r.exit(), r::toString);
      assertEquals(2, sent.out().strip().split("\n").length, sent::toString);
      String[] lines = r.out().split("\n");
      assertEquals(3, lines.length, "a header and one row per task\n" + r);
      assertTrue(lines[1].matches("\\(no id\\)\\s+done\\s+1\\s+.*"), r::toString);
      assertTrue(lines[2].matches("\\(no id\\)\\s+done\\s+1\\s+.*"), r::toString);
    }
  }
}
