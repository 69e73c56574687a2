package dev.refreshcdn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.refreshcdn.emulator.Emulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** refresh-cdn status and quota on both APIs, run in-process. */
class StatusQuotaTest {
  @TempDir Path stateDir;
  private Emulator emu;

  @BeforeEach
  void startEmulator() {
    emu = Emulator.builder().account(Cli.SECRET_ID, Cli.SECRET_KEY, "www.test.com").taskCompletion(Duration.ZERO)
        .dailyUrlQuota(5000).start();
  }

  @AfterEach
  void stopEmulator() {
    emu.close();
  }

  private String submit(String api, String endpoint) throws Exception {
    Cli.Result r = InProcess.refreshCdn("--api", api, "--endpoint", endpoint, "--state-dir", stateDir.toString(), "--json",
        "https://www.test.com/a.js", "https://www.test.com/b.js").withCredentials().run();
    assertEquals(0, r.exit(), r::toString);
    return (String) ((Map<?, ?>) ((List<?>) JSON.std.mapFrom(r.out()).get("tasks")).get(0)).get("task_id");
  }

  @Test
  void statusOfATaskOnTheLegacyApi() throws Exception {
    // given
    String taskId = submit("v2", emu.endpoint().toString());
    // when
    Cli.Result r = InProcess.refreshCdn("status", "--api", "v2", "--task", taskId, "--endpoint", emu.endpoint().toString(), "--json")
        .withCredentials().run();
    // then
    assertEquals(0, r.exit(), r::toString);
    List<?> tasks = (List<?>) JSON.std.mapFrom(r.out()).get("tasks");
    assertEquals(1, tasks.size(), r::toString);
    assertEquals(taskId, ((Map<?, ?>) tasks.get(0)).get("task_id"));
    assertEquals("done", ((Map<?, ?>) tasks.get(0)).get("state"));
    assertEquals(List.of("https://www.test.com/a.js", "https://www.test.com/b.js"), ((Map<?, ?>) tasks.get(0)).get("urls"));
    assertEquals("GetCdnRefreshLog", emu.requests().get(emu.requests().size() - 1).action());
  }

  @Test
  void statusSinceATimeOnApi3ListsTheTasksAsATable() throws Exception {
    // given
    String taskId = submit("v3", emu.endpointV3().toString());
    // when
    Cli.Result r = InProcess.refreshCdn("status", "--endpoint", emu.endpointV3().toString(), "--since",
        "2000-01-01 00:00:00").withCredentials().run();
    // then
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().startsWith("TASK"), r::toString);
    assertTrue(r.out().contains(taskId), r::toString);
    assertTrue(r.out().contains("done"), r::toString);
    assertEquals("DescribePurgeTasks", emu.requests().get(emu.requests().size() - 1).action());
  }

  @Test
  void statusWithoutTaskOrSinceIsAUsageError() {
    // when
    Cli.Result r = InProcess.refreshCdn("status", "--endpoint", emu.endpoint().toString()).withCredentials().run();
    // then
    assertEquals(2, r.exit(), r::toString);
    assertTrue(r.err().contains("give either --task ID (repeatable) or --since TIME"), r::toString);
    assertEquals(0, emu.requests().size());
  }

  @Test
  void quotaOnApi3IsWhatTheServiceSays() throws Exception {
    // given
    submit("v3", emu.endpointV3().toString());
    // when
    Cli.Result r = InProcess.refreshCdn("quota", "--endpoint", emu.endpointV3().toString(), "--json")
        .withCredentials().run();
    // then
    assertEquals(0, r.exit(), r::toString);
    assertTrue(emu.requests().stream().anyMatch(q -> q.action().equals("DescribePurgeQuota")), emu.requests()::toString);
    List<?> quotas = (List<?>) JSON.std.mapFrom(r.out()).get("quotas");
    Map<?, ?> urls = quotas.stream().map(q -> (Map<?, ?>) q)
        .filter(q -> q.get("kind").equals("urls") && "mainland".equals(q.get("area"))).findFirst()
        .orElseThrow(() -> new AssertionError(r));
    assertEquals(5000, urls.get("total"));
    assertEquals(4998, urls.get("available"));
    assertEquals("service", urls.get("source"));
  }

  @Test
  void aDailyQuotaForApi3IsRefusedAsTheServiceReportsItsOwn() throws Exception {
    // when
    Cli.Result r = InProcess.refreshCdn("quota", "--api", "v3", "--endpoint", emu.endpointV3().toString(), "--daily-quota",
        "5", "--json").withCredentials().run();
    // then
    assertEquals(2, r.exit(), r::toString);
    assertTrue(r.err().contains("--daily-quota applies to API 2.0 only: API 3.0 reports the quota itself"), r::toString);
    assertEquals("usage", JSON.std.mapFrom(r.out()).get("status"));
    assertEquals(0, emu.requests().size());
  }

  @Test
  void quotaOnTheLegacyApiCountsDirectoriesSeparatelyWithDir() {
    // given
    Cli.Result sent = InProcess.refreshCdn("--api", "v2", "--endpoint", emu.endpoint().toString(), "--state-dir", stateDir.toString(),
        "--dir", "https://www.test.com/static/").withCredentials().run();
    assertEquals(0, sent.exit(), sent::toString);
    // when
    Cli.Result dirs = InProcess.refreshCdn("quota", "--api", "v2", "--dir", "--state-dir", stateDir.toString()).withCredentials().run();
    // then
    assertEquals(0, dirs.exit(), dirs::toString);
    assertTrue(dirs.out().matches("(?s)KIND +AREA.*\ndirectories +all +99 +100 +20 +local ledger\n.*"), dirs::toString);
    assertTrue(dirs.out().contains("URLs are counted separately (10000 a day): refresh-cdn quota --api v2."), dirs::toString);
  }

  @Test
  void quotaOnTheLegacyApiIsTheLocalLedgerAndSaysSo() {
    // given
    Cli.Result sent = InProcess.refreshCdn("--api", "v2", "--endpoint", emu.endpoint().toString(), "--state-dir", stateDir.toString(),
        "https://www.test.com/a.js").withCredentials().run();
    assertEquals(0, sent.exit(), sent::toString);
    int requests = emu.requests().size();
    // when
    Cli.Result r = InProcess.refreshCdn("quota", "--api", "v2", "--state-dir", stateDir.toString(), "--daily-quota", "2500")
        .withCredentials().run();
    // then
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().contains("2499"), r::toString);
    assertTrue(r.out().contains("local ledger"), r::toString);
    assertTrue(r.out().contains("The legacy API has no quota query"), r::toString);
    assertTrue(r.out().contains("Directories are counted separately (100 a day): refresh-cdn quota --api v2 --dir."),
        r::toString);
    assertEquals(requests, emu.requests().size(), "nothing asked of the service");
  }
}
