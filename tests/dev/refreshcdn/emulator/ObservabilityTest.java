package dev.refreshcdn.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refreshcdn.FakeTime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.jr.ob.JSON;

/** requests(), the JSON-lines log, the command-line loop, secrecy and concurrency. */
class ObservabilityTest {
  private static final String ID = "AKIDexample";
  private static final String KEY = "secretKey123";

  private final FakeTime clock = FakeTime.at("2026-11-27T04:00:00Z");

  @Test
  void requestsKeepsEveryRequestWithItsVerdict() {
    // given
    try (Emulator emu = Emulator.builder().account(ID, KEY, "www.test.com").clock(clock).start()) {
      Wire wire = new Wire(emu, clock);
      // when
      wire.get(wire.refresh(ID, List.of("http://www.test.com/1.jpg")), KEY);
      wire.postForm(wire.refresh(ID, List.of("http://nobody.test.com/1.jpg")), KEY);
      // then
      List<RecordedRequest> r = emu.requests();
      assertEquals(2, r.size());
      assertEquals("v2", r.get(0).api());
      assertEquals("GET", r.get(0).method());
      assertEquals("RefreshCdnUrl", r.get(0).action());
      assertEquals(ID, r.get(0).secretId());
      assertEquals("0", r.get(0).code());
      assertTrue(r.get(0).accepted());
      assertEquals("http://www.test.com/1.jpg", r.get(0).params().get("urls.0"));
      assertFalse(r.get(0).params().containsKey("Signature"));
      assertEquals(clock.instant(), r.get(0).receivedAt());
      assertEquals("4000", r.get(1).code());
      assertEquals("9110", r.get(1).codeDesc());
      assertFalse(r.get(1).accepted());
      assertThrows(UnsupportedOperationException.class, () -> r.clear());
    }
  }

  @Test
  void requestLogWritesOneJsonLinePerRequestWithoutSecrets(@TempDir Path dir) throws IOException {
    // given
    Path log = dir.resolve("requests.jsonl");
    try (Emulator emu = Emulator.builder().account(ID, KEY, "www.test.com").clock(clock).requestLog(log).start()) {
      Wire wire = new Wire(emu, clock);
      // when
      wire.postForm(wire.refresh(ID, List.of("http://www.test.com/1.jpg")), KEY);
      wire.v3("PurgeUrlsCache", "{\"Urls\":[\"http://www.test.com/2.jpg\"]}", ID, "wrong");
    }
    // then
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    assertEquals(2, lines.size());
    Map<String, Object> first = JSON.std.mapFrom(lines.get(0));
    Map<String, Object> second = JSON.std.mapFrom(lines.get(1));
    assertEquals("RefreshCdnUrl", first.get("action"));
    assertEquals(true, first.get("accepted"));
    assertEquals(List.of("http://www.test.com/1.jpg"), first.get("urls"));
    assertEquals("AuthFailure.SignatureFailure", second.get("code"));
    String all = String.join("\n", lines);
    assertFalse(all.contains(KEY));
    assertFalse(all.contains("Signature\""));
    assertFalse(all.contains(ID), "the SecretId is shown masked only");
    assertEquals("AKID****mple", ((Map<?, ?>) first.get("params")).get("SecretId"));
  }

  @Test
  void toStringNeverShowsTheSecretKey() {
    // given
    try (Emulator emu = Emulator.builder().account(ID, KEY, "www.test.com").clock(clock).start()) {
      Wire wire = new Wire(emu, clock);
      wire.postForm(wire.refresh(ID, List.of("http://www.test.com/1.jpg")), KEY);
      // when
      String text = emu + " " + emu.accounts() + " " + emu.requests();
      // then
      assertFalse(text.contains(KEY), text);
      assertTrue(text.contains("AKID****mple"), text);
    }
  }

  @Test
  void runUntilInterruptedPrintsTheBannerAndOneLinePerRequestThenClosesOnInterrupt() throws Exception {
    // given
    Emulator emu = Emulator.builder().account(Tenant.generate("www.test.com")).start();
    CountDownLatch bannerPrinted = new CountDownLatch(1);
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(new OutputStream() {
      @Override
      public synchronized void write(int b) {
        buffer.write(b);
        if (buffer.toString(StandardCharsets.UTF_8).contains("Ctrl-C")) {
          bannerPrinted.countDown();
        }
      }
    }, true, StandardCharsets.UTF_8);
    Thread runner = new Thread(() -> emu.runUntilInterrupted(out));
    runner.start();
    assertTrue(bannerPrinted.await(10, TimeUnit.SECONDS));
    Wire wire = new Wire(emu, java.time.Clock.systemUTC());
    // when
    wire.postForm(wire.refresh(emu.secretId(), List.of("http://www.test.com/1.jpg")), emu.secretKey());
    runner.interrupt();
    runner.join(10_000);
    // then
    String text = buffer.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains(emu.endpoint().toString()), text);
    assertTrue(text.contains("export TENCENTCLOUD_SECRET_ID=" + emu.secretId() + " TENCENTCLOUD_SECRET_KEY=" + emu.secretKey()), text);
    String requestLine = text.lines().filter(l -> l.contains("RefreshCdnUrl")).findFirst().orElseThrow();
    assertTrue(requestLine.contains("POST") && requestLine.contains("OK") && requestLine.contains("1 url"), requestLine);
    assertFalse(requestLine.contains(emu.secretKey()));
    assertFalse(runner.isAlive());
    assertNoLongerServing(emu);
  }

  /**
   * A closed emulator takes no more requests. Other processes on this machine may grab the freed port at
   * once, so the check is that nothing new reaches this emulator, not that the port refuses connections.
   */
  private static void assertNoLongerServing(Emulator emu) throws InterruptedException {
    int before = emu.requests().size();
    try {
      HttpClient.newHttpClient().send(HttpRequest.newBuilder(emu.endpoint()).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.discarding());
    } catch (IOException refused) {
      // The usual outcome: nothing listens on the port any more.
    }
    assertEquals(before, emu.requests().size());
  }

  @Test
  void closeStopsServingAndKeepsTheCallersInterrupt() throws InterruptedException {
    // given
    Emulator emu = Emulator.builder().account(ID, KEY, "www.test.com").start();
    // when
    Thread.currentThread().interrupt();
    emu.close();
    boolean stillInterrupted = Thread.interrupted();
    // then
    assertTrue(stillInterrupted, "the interrupt is kept for the caller");
    assertNoLongerServing(emu);
  }

  @Test
  void theBannerDoesNotEchoAKeyTheUserPassedIn() {
    // given
    try (Emulator emu = Emulator.builder().account(ID, KEY, "www.test.com").start()) {
      // when
      String banner = Banner.of(emu, emu.accounts());
      // then
      assertFalse(banner.contains(KEY), banner);
      assertTrue(banner.contains("TENCENTCLOUD_SECRET_ID=" + ID), banner);
    }
  }

  @Test
  void startWithoutArgumentsGeneratesAnAccountOwningWwwTestCom() {
    // when
    try (Emulator emu = Emulator.start()) {
      Wire wire = new Wire(emu, java.time.Clock.systemUTC());
      Wire.Reply r = wire.postForm(wire.refresh(emu.secretId(), List.of("https://www.test.com/")), emu.secretKey());
      // then
      assertTrue(emu.secretId().matches("AKID[A-Za-z0-9]{32}"), emu.secretId());
      assertEquals(0, r.at("code"));
      assertEquals("http://127.0.0.1:" + emu.port() + "/v2/index.php", emu.endpoint().toString());
      assertEquals("http://127.0.0.1:" + emu.port() + "/", emu.endpointV3().toString());
    }
  }

  @Test
  void concurrentRequestsNeverOverspendTheQuota() throws Exception {
    // given
    try (Emulator emu = Emulator.builder().account(ID, KEY, "www.test.com").clock(clock).dailyUrlQuota(10).start()) {
      Wire wire = new Wire(emu, clock);
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<Wire.Reply>> replies = new ArrayList<>();
      // when
      for (int i = 0; i < 30; i++) {
        String url = "http://www.test.com/" + i;
        replies.add(pool.submit(() -> wire.postForm(wire.refresh(ID, List.of(url)), KEY)));
      }
      int accepted = 0;
      for (Future<Wire.Reply> f : replies) {
        accepted += Integer.valueOf(0).equals(f.get().at("code")) ? 1 : 0;
      }
      pool.shutdown();
      // then
      assertEquals(10, accepted);
      assertEquals(30, emu.requests().size());
    }
  }

  @Test
  void builderValidatesItsInputs() {
    // when / then
    assertThrows(IllegalStateException.class, () -> Emulator.builder().start());
    assertThrows(IllegalArgumentException.class, () -> Emulator.builder().port(70000));
    assertThrows(IllegalArgumentException.class, () -> Emulator.builder().dailyUrlQuota(0));
    assertThrows(IllegalArgumentException.class, () -> Tenant.of("id", " "));
    assertThrows(IllegalArgumentException.class, () -> Tenant.of("id", "k").domain("http://x.com"));
    assertThrows(IllegalArgumentException.class, () -> Emulator.builder().account("a", "k").account("a", "k2"));
  }
}
