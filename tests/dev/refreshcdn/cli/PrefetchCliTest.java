package dev.refreshcdn.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.refreshcdn.ApiV3Stubs;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code refresh-cdn prefetch}, {@code --prefetch}, and prefetch in quota and status: the real CLI against WireMock. */
class PrefetchCliTest {
  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
  private static final ApiV3Stubs stubs = new ApiV3Stubs(server);

  @TempDir Path state;

  private static String endpoint() {
    return server.url("/");
  }


  /** The actions received, oldest first, each run of one action counted once. */
  private static List<String> actions() {
    List<String> order = new ArrayList<>();
    for (ServeEvent event : server.getAllServeEvents()) {
      String action = event.getRequest().getHeader("X-TC-Action");
      if (order.isEmpty() || !order.get(0).equals(action)) {
        order.add(0, action);
      }
    }
    return order;
  }

  private static String lines(int n) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < n; i++) {
      text.append("https://www.test.com/").append(i).append(".jpg\n");
    }
    return text.toString();
  }

  @SuppressWarnings("unchecked")
  private static int urlCount(LoggedRequest request) {
    try {
      return ((List<Object>) JSON.std.mapFrom(request.getBodyAsString()).get("Urls")).size();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void twelveHundredUrlsWithElevenHundredLeftSendRequestsOfAtMost500Exit5AndResumeTheRest() {
    // given
    stubs.pushQuota(1100);
    stubs.answer("PushUrlsCache", "\"TaskId\":\"push-1\"");
    // when
    Cli.Result r = InProcess.refreshCdn("prefetch", "--endpoint", endpoint(), "--state-dir", state.toString(),
        "--user-agent", "Warm/1.0").stdin(lines(1200)).withCredentials().run();
    // then
    assertEquals(5, r.exit(), r::toString);
    List<Integer> sizes = new ArrayList<>();
    stubs.asked("PushUrlsCache").forEach(request -> sizes.add(urlCount(request)));
    sizes.sort(null);
    assertEquals(List.of(100, 500, 500), sizes);
    assertTrue(r.err().contains("100 URLs are pending"), r::toString);
    assertTrue(r.all().contains("refresh-cdn resume"), r::toString);
    assertTrue(stubs.asked("PurgeUrlsCache").isEmpty());
    // when the quota is back
    server.resetAll();
    stubs.pushQuota(1000);
    stubs.answer("PushUrlsCache", "\"TaskId\":\"push-2\"");
    Cli.Result resumed = InProcess.refreshCdn("resume", "--endpoint", endpoint(), "--state-dir", state.toString())
        .withCredentials().run();
    // then
    assertEquals(0, resumed.exit(), resumed::toString);
    assertEquals(1, stubs.asked("PushUrlsCache").size());
    assertEquals(100, urlCount(stubs.asked("PushUrlsCache").get(0)));
    assertTrue(stubs.asked("PushUrlsCache").get(0).getBodyAsString().contains("\"UserAgent\":\"Warm/1.0\""));
  }

  @Test
  void waitPollsDescribePushTasksAndPrintsEveryOption() {
    // given
    stubs.pushQuota(1000);
    stubs.answer("PushUrlsCache", "\"TaskId\":\"push-1\"");
    stubs.answer("DescribePushTasks", "\"PushLogs\":[{\"TaskId\":\"push-1\",\"Url\":\"https://www.test.com/a.m3u8\","
        + "\"Status\":\"done\",\"Percent\":100,\"CreateTime\":\"2026-11-30 10:00:00\",\"Area\":\"mainland\","
        + "\"UpdateTime\":\"2026-11-30 10:00:09\"}],\"TotalCount\":1");
    // when
    Cli.Result r = InProcess.refreshCdn("prefetch", "--endpoint", endpoint(), "--state-dir", state.toString(), "--wait",
        "--area", "mainland", "--layer", "middle", "--header", "Referer: https://www.test.com/", "--parse-m3u8",
        "--disable-range", "https://www.test.com/a.m3u8").withCredentials().run();
    // then
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().contains("task push-1: 1 URL"), r::toString);
    assertEquals("{\"Urls\":[\"https://www.test.com/a.m3u8\"],\"Area\":\"mainland\",\"Layer\":\"middle\","
        + "\"ParseM3U8\":true,\"DisableRange\":true,\"Headers\":[{\"Name\":\"Referer\",\"Value\":\"https://www.test.com/\"}]}",
        stubs.asked("PushUrlsCache").get(0).getBodyAsString());
    assertFalse(stubs.asked("DescribePushTasks").isEmpty());
    assertTrue(stubs.asked("DescribePushTasks").get(0).getBodyAsString().contains("\"TaskId\":\"push-1\""));
  }

  @Test
  void thePrefetchFlagPurgesWaitsForThePurgeThenPrefetchesTheSameUrls() {
    // given
    stubs.answer("DescribePurgeQuota", "\"UrlPurge\":[],\"PathPurge\":[]");
    stubs.pushQuota(1000);
    stubs.answer("PurgeUrlsCache", "\"TaskId\":\"purge-1\"");
    stubs.answer("DescribePurgeTasks", "\"PurgeLogs\":[{\"TaskId\":\"purge-1\",\"Url\":\"https://www.test.com/1.jpg\","
        + "\"Status\":\"done\",\"CreateTime\":\"2026-11-30 10:00:00\"}],\"TotalCount\":1");
    server.stubFor(post("/").atPriority(1).withHeader("X-TC-Action", equalTo("DescribePurgeTasks"))
        .withRequestBody(containing("\"Status\"")).willReturn(okJson(
            "{\"Response\":{\"PurgeLogs\":[],\"TotalCount\":0,\"RequestId\":\"r\"}}")));
    stubs.answer("PushUrlsCache", "\"TaskId\":\"push-1\"");
    // when
    Cli.Result r = InProcess.refreshCdn("--prefetch", "--endpoint", endpoint(), "--state-dir", state.toString(),
        "https://www.test.com/1.jpg").withCredentials().run();
    // then
    assertEquals(0, r.exit(), r::toString);
    List<String> order = actions();
    order.removeIf(action -> action.endsWith("Quota"));
    assertEquals(List.of("PurgeUrlsCache", "DescribePurgeTasks", "PushUrlsCache"), order);
    assertTrue(r.out().contains("task purge-1: 1 URL"), r::toString);
    assertTrue(r.out().contains("task push-1: 1 URL"), r::toString);
  }

  @Test
  void apiV2IsAUsageErrorAndNothingIsSent() {
    // when
    Cli.Result prefetch = InProcess.refreshCdn("prefetch", "--api", "v2", "--endpoint", endpoint(),
        "https://www.test.com/1.jpg").withCredentials().run();
    Cli.Result flag = InProcess.refreshCdn("--prefetch", "--api", "v2", "--endpoint", endpoint() + "v2/index.php",
        "https://www.test.com/1.jpg").withCredentials().run();
    // then
    assertEquals(2, prefetch.exit(), prefetch::toString);
    assertTrue(prefetch.err().contains("API 3.0 only"), prefetch::toString);
    assertEquals(2, flag.exit(), flag::toString);
    assertTrue(flag.err().contains("--prefetch is API 3.0 only"), flag::toString);
    assertTrue(server.getAllServeEvents().isEmpty());
  }

  @Test
  void aBadHeaderIsAUsageErrorNamingItAndNothingIsSent() {
    // when
    Cli.Result r = InProcess.refreshCdn("prefetch", "--endpoint", endpoint(), "--header", "X-Ok: 1", "--header",
        "no colon here", "https://www.test.com/1.jpg").withCredentials().run();
    // then
    assertEquals(2, r.exit(), r::toString);
    assertTrue(r.err().contains("--header 2 of 2, \"no colon here\""), r::toString);
    assertTrue(server.getAllServeEvents().isEmpty());
  }

  @Test
  void aDryRunShowsPushUrlsCacheRequestsAndSendsNothing() {
    // when
    Cli.Result r = InProcess.refreshCdn("prefetch", "--dry-run", "--endpoint", endpoint()).stdin(lines(600))
        .withCredentials().run();
    // then
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().contains("Dry run: 2 PushUrlsCache requests, 600 URLs"), r::toString);
    assertTrue(r.out().contains("X-TC-Action: PushUrlsCache"), r::toString);
    assertTrue(server.getAllServeEvents().isEmpty());
  }

  @Test
  void quotaShowsThePrefetchQuotaBesideThePurgeQuotas() throws Exception {
    // given
    stubs.answer("DescribePurgeQuota", "\"UrlPurge\":[{\"Area\":\"mainland\",\"Batch\":1000,\"Total\":10000,"
        + "\"Available\":9000}],\"PathPurge\":[]");
    stubs.pushQuota(700);
    // when
    Cli.Result human = InProcess.refreshCdn("quota", "--endpoint", endpoint()).withCredentials().run();
    Cli.Result json = InProcess.refreshCdn("quota", "--endpoint", endpoint(), "--json").withCredentials().run();
    // then
    assertEquals(0, human.exit(), human::toString);
    assertTrue(human.out().matches("(?s).*prefetch +mainland +700 +1000 +500 +service.*"), human::toString);
    assertEquals(0, json.exit(), json::toString);
    List<?> quotas = (List<?>) JSON.std.mapFrom(json.out()).get("quotas");
    Map<?, ?> prefetch = (Map<?, ?>) quotas.get(1);
    assertEquals("prefetch", prefetch.get("kind"));
    assertEquals(700, prefetch.get("available"));
  }

  @Test
  void statusListsPrefetchTasksWithTheirPercent() throws Exception {
    // given
    stubs.answer("DescribePurgeTasks", "\"PurgeLogs\":[],\"TotalCount\":0");
    stubs.answer("DescribePushTasks", "\"PushLogs\":[{\"TaskId\":\"push-1\",\"Url\":\"https://www.test.com/1.jpg\","
        + "\"Status\":\"process\",\"Percent\":40,\"CreateTime\":\"2026-11-30 10:00:00\",\"Area\":\"mainland\","
        + "\"UpdateTime\":\"2026-11-30 10:00:09\"}],\"TotalCount\":1");
    // when
    Cli.Result since = InProcess.refreshCdn("status", "--prefetch", "--since", "2026-11-30T00:00:00Z", "--endpoint",
        endpoint()).withCredentials().run();
    Cli.Result byId = InProcess.refreshCdn("status", "--task", "push-1", "--json", "--endpoint", endpoint())
        .withCredentials().run();
    // then
    assertEquals(0, since.exit(), since::toString);
    assertTrue(since.out().contains("processing 40%"), since::toString);
    assertTrue(stubs.asked("DescribePushTasks").get(0).getBodyAsString().contains("\"StartTime\":\"2026-11-30 08:00:00\""));
    assertEquals(0, byId.exit(), byId::toString);
    Map<?, ?> task = (Map<?, ?>) ((List<?>) JSON.std.mapFrom(byId.out()).get("tasks")).get(0);
    assertEquals(40, task.get("percent"));
  }

  @Test
  void aRefusedDescribePushQuotaIsNamedAsSuchAndNothingIsSent() {
    // given the service refuses the prefetch quota query
    stubs.answer("DescribePushQuota", "\"Error\":{\"Code\":\"AuthFailure.SecretIdNotFound\",\"Message\":\"no such key\"}");
    // when
    Cli.Result r = InProcess.refreshCdn("prefetch", "--endpoint", endpoint(), "--state-dir", state.toString(),
        "https://www.test.com/a.js").withCredentials().run();
    // then
    assertEquals(3, r.exit(), r::toString);
    assertTrue(r.err().contains("the service refused the quota query (DescribePushQuota)"), r::toString);
    assertFalse(r.err().contains("DescribePurgeQuota"), r::toString);
    assertTrue(stubs.asked("PushUrlsCache").isEmpty());
  }
}
