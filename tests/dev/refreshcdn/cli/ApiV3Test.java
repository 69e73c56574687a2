package dev.refreshcdn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.refreshcdn.emulator.Emulator;
import dev.refreshcdn.emulator.RecordedRequest;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;

/** API 3.0 (PurgeUrlsCache, TC3-HMAC-SHA256), the default, and its options; --api v2 for the legacy API. */
class ApiV3Test {
  private Emulator emu;

  @BeforeEach
  void startEmulator() {
    emu = Emulator.builder().account(Cli.SECRET_ID, Cli.SECRET_KEY, "www.test.com").start();
  }

  @AfterEach
  void stopEmulator() {
    emu.close();
  }

  @Test
  void theEmulatorFlagWithApiV2SubmitsToItsLegacyEndpointAndPrintsTheTaskIds() {
    // when: no credentials anywhere
    Cli.Result r = InProcess.refreshCdn("--api", "v2", "--emulator", "--batch-size", "1", "https://www.test.com/1.jpg",
        "https://img.test.com/2.jpg").run();
    // then
    assertEquals(0, r.exit(), r::toString);
    String[] lines = r.out().split("\n");
    assertTrue(lines[0].matches("\\[emulator] http://127\\.0\\.0\\.1:\\d+/v2/index\\.php — nothing leaves this machine"),
        r::toString);
    assertTrue(lines[1].matches("task \\d{19}: 1 URL, first https://www.test.com/1.jpg"), r::toString);
    assertTrue(lines[2].matches("task \\d{19}: 1 URL, first https://img.test.com/2.jpg"), r::toString);
    assertTrue(r.out().contains("Submitted 2 URLs in 2 tasks to the emulator."), r::toString);
  }

  @Test
  void anUnknownDomainExits3NamingTheApi3CodeAndTheRequestId() {
    // when
    Cli.Result r = InProcess.refreshCdn("--api", "v3", "--endpoint", emu.endpointV3().toString(), "--area", "overseas",
        "https://unknown.example.com/a.png").withCredentials().run();
    // then
    assertEquals(3, r.exit(), r::toString);
    // API 3.0 jobs ask DescribePurgeQuota first (batch size, what is left today), then purge
    List<RecordedRequest> purges = Accepted.purges(emu);
    assertEquals(1, purges.size(), emu.requests()::toString);
    RecordedRequest request = purges.get(0);
    assertEquals("v3", request.api());
    assertEquals("PurgeUrlsCache", request.action());
    assertEquals("overseas", request.params().get("Area"));
    assertEquals("ResourceNotFound.CdnHostNotExists", request.code());
    assertTrue(r.err().contains("code ResourceNotFound.CdnHostNotExists"), r::toString);
    assertTrue(Pattern.compile("RequestId [0-9a-f-]{36}").matcher(r.err()).find(), r::toString);
    assertTrue(r.out().contains("Stopped: 0 tasks created, 1 URL refused, 0 URLs not sent."), r::toString);
  }

  @Test
  void withoutAnApiOptionTheJsonCarriesTheApi3CodeAsTextWithTheRequestId() throws Exception {
    // when: no --api, no REFRESH_CDN_API, no profile
    Cli.Result r = InProcess.refreshCdn("--endpoint", emu.endpointV3().toString(), "--json", "--batch-size", "1",
        "https://www.test.com/a.css", "https://unknown.example.com/b.css").withCredentials().run();
    // then
    assertEquals(3, r.exit(), r::toString);
    assertEquals(List.of("v3", "v3"), List.of(emu.requests().get(0).api(), emu.requests().get(1).api()));
    Map<String, Object> json = JSON.std.mapFrom(r.out());
    assertEquals("refused", json.get("status"));
    assertEquals(1, ((List<?>) json.get("tasks")).size());
    Map<?, ?> refusal = (Map<?, ?>) json.get("refusal");
    assertEquals("ResourceNotFound.CdnHostNotExists", refusal.get("code"));
    assertTrue(String.valueOf(refusal.get("request_id")).matches("[0-9a-f-]{36}"), r::toString);
    assertEquals(List.of("https://unknown.example.com/b.css"), json.get("failed"));
  }

  @Test
  void areaWithTheLegacyApiIsAUsageErrorAndNothingIsSent() {
    // when
    Cli.Result r = InProcess.refreshCdn("--api", "v2", "--endpoint", emu.endpoint().toString(), "--area", "mainland",
        "https://www.test.com/1.jpg").withCredentials().run();
    // then
    assertEquals(2, r.exit(), r::toString);
    assertTrue(r.err().contains("--area applies to API 3.0 only, the default, and --api v2 chose the legacy API 2.0: use --api v3"), r::toString);
    assertEquals(0, emu.requests().size());
  }

  @Test
  void anExhaustedOverseasQuotaHoldsBackNothingOfAMainlandJobWithoutArea(@TempDir Path state) {
    // given: overseas has no URL left today, mainland 10,000
    try (Emulator quota = Emulator.builder().account(Cli.SECRET_ID, Cli.SECRET_KEY, "www.test.com")
        .urlQuota(Emulator.Region.OVERSEAS, 0, 1000).urlQuota(Emulator.Region.MAINLAND, 10_000, 1000).start()) {
      // when: no --api, no --area
      Cli.Result r = InProcess.refreshCdn("--endpoint", quota.endpointV3().toString(), "--state-dir", state.toString(), "-q",
          "-i", "-")
          .stdin(Accepted.urls("m", 2500)).withCredentials().run();
      // then
      assertEquals(0, r.exit(), r::toString);
      assertEquals(2500, Accepted.counts(quota).size());
      assertEquals(List.of(1000, 1000, 500), sizes(quota));
    }
  }

  @Test
  void requestsAreCutToTheBatchesDescribePurgeQuotaReports(@TempDir Path state) {
    // given: 400 URLs and 39 directories a request, in every area
    try (Emulator batches = Emulator.builder().account(Cli.SECRET_ID, Cli.SECRET_KEY, "www.test.com")
        .urlQuota(Emulator.Region.GLOBAL, 10_000, 400).dirQuota(Emulator.Region.GLOBAL, 100, 39).start()) {
      String dirs = java.util.stream.IntStream.rangeClosed(1, 50).mapToObj(i -> "https://www.test.com/d" + i + "/")
          .collect(java.util.stream.Collectors.joining("\n"));
      // when
      Cli.Result urls = InProcess.refreshCdn("--endpoint", batches.endpointV3().toString(), "--state-dir", state.toString(),
          "-q", "-i", "-")
          .stdin(Accepted.urls("b", 1000)).withCredentials().run();
      Cli.Result paths = InProcess.refreshCdn("--endpoint", batches.endpointV3().toString(), "--state-dir", state.toString(),
          "-q", "--dir", "-i", "-")
          .stdin(dirs).withCredentials().run();
      // then
      assertEquals(0, urls.exit(), urls::toString);
      assertEquals(0, paths.exit(), paths::toString);
      assertEquals(List.of(400, 400, 200, 39, 11), sizes(batches));
    }
  }

  /** How many URLs or directories each purge request carried, in order. */
  private static List<Integer> sizes(Emulator emulator) {
    return Accepted.purges(emulator).stream().map(q -> q.urls().size()).collect(java.util.stream.Collectors.toList());
  }

  @Test
  void theApiVariableChoosesTheLegacyApi() {
    // when
    Cli.Result r = InProcess.refreshCdn("--endpoint", emu.endpoint().toString(), "https://www.test.com/1.jpg")
        .withCredentials().env("REFRESH_CDN_API", "v2").run();
    // then
    assertEquals(0, r.exit(), r::toString);
    assertEquals(List.of("RefreshCdnUrl"), emu.requests().stream().map(RecordedRequest::action)
        .collect(java.util.stream.Collectors.toList()));
  }
}
