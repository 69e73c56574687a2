package dev.refreshcdn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.refreshcdn.Api;
import dev.refreshcdn.Plan;
import dev.refreshcdn.Refresh;
import dev.refreshcdn.RefusedException;
import dev.refreshcdn.RefreshException.StoppedException;
import dev.refreshcdn.emulator.Emulator;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The --json outcome of a refusal: the code as the service wrote it, and API 3.0's RequestId. */
class JsonReportTest {
  private static Map<?, ?> refusalOf(Api api) throws Exception {
    try (Emulator emu = Emulator.start()) {
      // given
      URI endpoint = api == Api.V3 ? emu.endpointV3() : emu.endpoint();
      Input entries = Input.read(List.of("https://unknown.example.com/a.png"), null, null);
      Plan plan = Refresh.urls(entries.urls()).api(api).endpoint(endpoint).credentials(emu.secretId(), emu.secretKey())
          .retries(0).batch();
      // when
      RefusedException e = assertThrows(RefusedException.class, plan::submit);
      String text = JsonReport.text(JsonReport.outcome(null, "refused", 3, e.tasks(), e, plan, entries));
      // then: the text is JSON that keeps its nulls
      Map<String, Object> doc = JSON.std.mapFrom(text);
      assertTrue(doc.containsKey("no_answer"));
      return (Map<?, ?>) doc.get("refusal");
    }
  }

  @Test
  void anInvalidEntryIsListedWithoutThePasswordOfItsUserInfo() throws Exception {
    // given
    dev.refreshcdn.RefreshException.InvalidInputException e = assertThrows(dev.refreshcdn.RefreshException.InvalidInputException.class,
        () -> Refresh.urls("https://www.test.com/ok.jpg", "https://alice:s3cret@www.test.com/a.jpg").api(Api.V2).batch());
    // when
    String text = JsonReport.text(JsonReport.invalid(e, null, 2));
    // then
    assertTrue(text.contains("https://***@www.test.com/a.jpg"), text);
    assertTrue(!text.contains("s3cret"), text);
  }

  @Test
  void aThousandBadEntriesAreListedUpToTheFirstHundredOnStderrAndInJsonAndAllCounted() throws Exception {
    // given
    Input entries = Input.read(List.of(), "-", new java.io.ByteArrayInputStream(
        "not a url\n".repeat(1000).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    dev.refreshcdn.RefreshException.InvalidInputException e = assertThrows(dev.refreshcdn.RefreshException.InvalidInputException.class,
        () -> Refresh.urls(entries.urls()).credentials("AKIDx", "k").batch());
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    // when
    Map<String, Object> doc = JSON.std.mapFrom(JsonReport.text(JsonReport.invalid(e, entries, 2)));
    BadInput.listInvalid(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8), e.invalid(),
        entries);
    // then
    List<?> listed = (List<?>) doc.get("invalid");
    assertEquals(100, listed.size());
    assertEquals(Map.of("line", 100, "value", "not a url", "reason", "must start with http:// or https://"),
        listed.get(99));
    assertEquals(1000, doc.get("invalid_count"));
    List<String> lines = err.toString(java.nio.charset.StandardCharsets.UTF_8).lines().collect(
        java.util.stream.Collectors.toList());
    assertEquals(101, lines.size());
    assertEquals("  stdin line 100: \"not a url\" must start with http:// or https://", lines.get(99));
    assertEquals("  … and 900 more", lines.get(100));
  }

  @Test
  void aLegacyRefusalCarriesItsNumericCodeAndNoRequestId() throws Exception {
    // when
    Map<?, ?> refusal = refusalOf(Api.V2);
    // then
    assertEquals(4000, refusal.get("code"));
    assertEquals("9110", refusal.get("codeDesc"));
    assertTrue(refusal.containsKey("request_id"));
    assertNull(refusal.get("request_id"));
    assertEquals(List.of("https://unknown.example.com/a.png"), refusal.get("urls"));
  }

  @Test
  void anApi3RefusalCarriesItsCodeAsTextAndTheRequestId() throws Exception {
    // when
    Map<?, ?> refusal = refusalOf(Api.V3);
    // then
    assertEquals("ResourceNotFound.CdnHostNotExists", refusal.get("code"));
    assertEquals("", refusal.get("codeDesc"));
    assertTrue(String.valueOf(refusal.get("request_id")).matches("[0-9a-f-]{36}"), refusal::toString);
  }
  @Test
  void aUsageErrorIsADocumentWithItsStatusExitCodeMessageAndNoTasks() throws Exception {
    // when
    Map<String, Object> doc = JSON.std.mapFrom(JsonReport.text(JsonReport.usage("no credentials found", 2)));
    // then
    assertEquals(List.of("status", "exit_code", "message", "tasks"), List.copyOf(doc.keySet()));
    assertEquals("usage", doc.get("status"));
    assertEquals(2, doc.get("exit_code"));
    assertEquals("no credentials found", doc.get("message"));
    assertEquals(List.of(), doc.get("tasks"));
  }

  @Test
  void aDryRunDocumentOpensWithItsStatusAndExitCode() throws Exception {
    // given
    Input entries = Input.read(List.of("https://www.test.com/a.png"), null, null);
    Plan plan = Refresh.urls(entries.urls()).api(Api.V2).credentials("AKIDexample", "key").batch();
    // when
    Map<String, Object> doc = JSON.std.mapFrom(JsonReport.text(JsonReport.dryRun(plan, "a test pair", entries, null)));
    // then
    assertEquals(List.of("status", "exit_code"), List.copyOf(doc.keySet()).subList(0, 2));
    assertEquals("dry_run", doc.get("status"));
    assertEquals(0, doc.get("exit_code"));
    assertEquals(Boolean.TRUE, doc.get("dry_run"));
  }
  @Test
  void aStoppedJobListsItsTaskAndTheUnsentUrlsWithoutRefusalOrNoAnswer() throws Exception {
    try (Emulator emu = Emulator.start()) {
      // given: two requests, and a listener that throws after the first
      Input entries = Input.read(List.of("https://www.test.com/1.jpg", "https://www.test.com/2.jpg"), null, null);
      Plan plan = Refresh.urls(entries.urls()).api(Api.V2).endpoint(emu.endpoint()).credentials(emu.secretId(), emu.secretKey())
          .retries(0).batch(1);
      StoppedException e = assertThrows(StoppedException.class, () -> plan.submit(task -> {
        throw new IllegalStateException("listener failed");
      }));
      // when
      Map<String, Object> doc = JSON.std.mapFrom(JsonReport.text(JsonReport.outcome(null, "stopped", 4, e.tasks(), e,
          plan, entries)));
      // then
      assertEquals("stopped", doc.get("status"));
      assertEquals(4, doc.get("exit_code"));
      assertEquals(1, ((List<?>) doc.get("tasks")).size());
      assertNull(doc.get("refusal"));
      assertNull(doc.get("no_answer"));
      assertEquals(List.of(), doc.get("failed"));
      assertEquals(List.of("https://www.test.com/2.jpg"), doc.get("unsent"));
    }
  }

  @Test
  void aJobDocumentCarriesItsIdPendingUrlsQuotaReturnAndResentCount() throws Exception {
    // given
    java.util.Map<String, Object> doc = new java.util.LinkedHashMap<>();
    // when
    JsonReport.withJob(doc, "20261127-080000-3f9a", 3500, java.time.Instant.parse("2026-11-27T16:00:00Z"), 12);
    // then
    assertEquals("{\"job_id\":\"20261127-080000-3f9a\",\"pending\":3500,\"quota_returns\":\"2026-11-27T16:00:00Z\","
        + "\"resent_urls\":12}", com.fasterxml.jackson.jr.ob.JSON.std.asString(doc));
  }

  @Test
  void statusesAreListedWithTheirStateInLowerCase() {
    // when
    java.util.List<Object> statuses = JsonReport.statuses(java.util.List.of(Values.status("1001",
        dev.refreshcdn.TaskStatus.State.FAILED, java.util.List.of("https://www.test.com/a"), "2026-11-27 16:00:00")));
    // then
    assertEquals(java.util.List.of(java.util.Map.of("task_id", "1001", "state", "failed", "created",
        "2026-11-27 16:00:00", "count", 1, "urls", java.util.List.of("https://www.test.com/a"))), statuses);
  }

  @Test
  void aTaskWithoutAnIdIsNeverListedAsTheEmptyString() throws Exception {
    // given: a legacy directory job, whose RefreshCdnDir requests created tasks without an id
    dev.refreshcdn.JobStore.Job job = Values.job("20261127-080000-3f9a", java.time.Instant.parse("2026-11-27T08:00:00Z"),
        dev.refreshcdn.JobStore.Job.State.DONE, Api.V2, URI.create("https://cdn.api.qcloud.com/v2/index.php"), true, 40, 40,
        List.of("", "1795825495271071050"));
    Input entries = Input.read(List.of("https://www.test.com/a/"), null, null);
    Plan plan = Refresh.dirs(entries.urls()).api(Api.V2).credentials("AKIDexample", "key").batch();
    // when
    Map<?, ?> listed = (Map<?, ?>) ((List<?>) JsonReport.jobs(List.of(job), "/tmp/state").get("jobs")).get(0);
    Map<String, Object> outcome = JsonReport.outcome(null, "submitted", 0,
        List.of(Values.task("", 1, entries.urls())), null, plan, entries);
    // then
    assertEquals(List.of("1795825495271071050"), listed.get("task_ids"));
    assertNull(((Map<?, ?>) ((List<?>) outcome.get("tasks")).get(0)).get("task_id"));
  }

  @Test
  void anUnreadableJobIsListedWithItsProblemAndNullWhereNothingIsKnown() {
    // given
    dev.refreshcdn.JobStore.Job job = Values.unreadable("20261127-090000-0b1c", "/s/jobs/20261127-090000-0b1c/job.json is empty");
    // when
    Map<?, ?> listed = (Map<?, ?>) ((List<?>) JsonReport.jobs(List.of(job), "/s").get("jobs")).get(0);
    // then
    assertEquals("20261127-090000-0b1c", listed.get("job_id"));
    assertEquals("unreadable", listed.get("state"));
    assertEquals("/s/jobs/20261127-090000-0b1c/job.json is empty", listed.get("problem"));
    assertNull(listed.get("created"));
    assertNull(listed.get("urls"));
    assertNull(listed.get("pending"));
  }
}
