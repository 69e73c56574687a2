package dev.refreshcdn.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Builder.failingTasks: a purge of a matching URL runs, then reports failure on both APIs. */
class FailingTasksTest extends EmulatorFixture {
  @Override
  Emulator.Builder configure(Emulator.Builder builder) {
    return builder.account(ID, KEY, "www.test.com", "img.test.com")
        .taskCompletion(Duration.ofSeconds(5)).failingTasks("/broken/");
  }

  @Test
  void describePurgeTasksShowsProcessThenFailForTheMatchingUrlOnly() {
    // given
    String taskId = (String) wire.v3("PurgeUrlsCache",
        Wire.jsonOf(Map.of("Urls", List.of("https://www.test.com/ok.jpg", "https://www.test.com/broken/1.jpg"))), ID, KEY)
        .at("Response.TaskId");
    String query = Wire.jsonOf(Map.of("TaskId", taskId));
    // when
    Wire.Reply running = wire.v3("DescribePurgeTasks", query, ID, KEY);
    clock.advance(Duration.ofSeconds(5));
    Wire.Reply over = wire.v3("DescribePurgeTasks", query, ID, KEY);
    Wire.Reply failedOnly = wire.v3("DescribePurgeTasks", Wire.jsonOf(Map.of("TaskId", taskId, "Status", "fail")), ID, KEY);
    // then
    assertEquals("process", running.at("Response.PurgeLogs.0.Status"));
    assertEquals("process", running.at("Response.PurgeLogs.1.Status"));
    // Rows come newest first, so the URL submitted last is listed first.
    assertEquals("https://www.test.com/broken/1.jpg", over.at("Response.PurgeLogs.0.Url"));
    assertEquals("fail", over.at("Response.PurgeLogs.0.Status"));
    assertEquals("done", over.at("Response.PurgeLogs.1.Status"));
    assertEquals(1, failedOnly.at("Response.TotalCount"));
    assertEquals("https://www.test.com/broken/1.jpg", failedOnly.at("Response.PurgeLogs.0.Url"));
  }

  @Test
  void getCdnRefreshLogShowsANegativeStatusForAFailedRecord() {
    // given
    Map<String, String> purge = wire.refresh(ID, List.of("http://www.test.com/broken/1.jpg", "http://img.test.com/ok.jpg"));
    String taskId = (String) wire.postForm(purge, KEY).at("data.task_id");
    clock.advance(Duration.ofSeconds(5));
    Map<String, String> query = wire.common("GetCdnRefreshLog", ID);
    query.put("taskId", taskId);
    // when
    Wire.Reply log = wire.postForm(query, KEY);
    // then
    assertEquals(2, log.at("data.total"), log.body());
    // One record per host, newest first: img.test.com's record was made last.
    assertEquals(1, log.at("data.logs.0.status"));
    assertEquals(-1, log.at("data.logs.1.status"));
    assertEquals(List.of("http://www.test.com/broken/1.jpg"), log.at("data.logs.1.url_list"));
  }

  @Test
  void anEmptySubstringIsRefused() {
    // when / then
    assertThrows(IllegalArgumentException.class, () -> Emulator.builder().failingTasks(""));
  }
}
