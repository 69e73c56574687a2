package dev.refreshcdn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.refreshcdn.Api;
import dev.refreshcdn.Area;
import dev.refreshcdn.Area.Quota;
import dev.refreshcdn.JobStore.Job;
import dev.refreshcdn.TaskStatus;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The human tables of jobs, status, quota and --wait. */
class TablesTest {
  @Test
  void jobsShowTheirLocalCreationTimeStateProgressApiAndEndpointHost() {
    // given
    List<Job> jobs = List.of(
        Values.job("20261127-080000-3f9a", Instant.parse("2026-11-27T08:00:00Z"), Job.State.QUOTA, Api.V2,
            URI.create("https://cdn.api.qcloud.com/v2/index.php"), false, 6000, 2500),
        Values.job("20261127-090000-0b1c", Instant.parse("2026-11-27T09:00:00Z"), Job.State.DONE, Api.V3,
            URI.create("http://127.0.0.1:8080/"), true, 3, 3));
    // when
    String table = Tables.jobs(jobs, ZoneOffset.UTC);
    // then
    assertEquals(""
        + "JOB                   CREATED (local)      STATE  KIND         ACCEPTED   PENDING  API  ENDPOINT\n"
        + "20261127-080000-3f9a  2026-11-27 08:00:00  quota  purge        2500/6000  3500     v2   cdn.api.qcloud.com\n"
        + "20261127-090000-0b1c  2026-11-27 09:00:00  done   directories  3/3        0        v3   127.0.0.1:8080\n",
        table);
  }

  @Test
  void anUnreadableJobIsMarkedInItsRowAndEveryProblemIsSaidUnderTheTable() {
    // given
    Job damaged = Values.withProblem(Values.job("20261127-080000-3f9a", Instant.parse("2026-11-27T08:00:00Z"),
        Job.State.UNFINISHED, Api.V2, URI.create("https://cdn.api.qcloud.com/v2/index.php"), false, 3, 1),
        "/s/jobs/20261127-080000-3f9a/journal.jsonl: line 4 is not UTF-8 text; …");
    Job unreadable = Values.unreadable("20261127-090000-0b1c", "/s/jobs/20261127-090000-0b1c/job.json is empty");
    // when
    String table = Tables.jobs(List.of(damaged, unreadable), ZoneOffset.UTC);
    // then
    assertEquals(""
        + "JOB                   CREATED (local)      STATE       KIND   ACCEPTED  PENDING  API  ENDPOINT\n"
        + "20261127-080000-3f9a  2026-11-27 08:00:00  unfinished  purge  1/3       2        v2   cdn.api.qcloud.com\n"
        + "20261127-090000-0b1c                       unreadable\n"
        + "job 20261127-080000-3f9a: /s/jobs/20261127-080000-3f9a/journal.jsonl: line 4 is not UTF-8 text; …\n"
        + "job 20261127-090000-0b1c cannot be read: /s/jobs/20261127-090000-0b1c/job.json is empty\n", table);
  }

  @Test
  void statusesShowStateCountBeijingCreationTimeAndFirstUrl() {
    // given
    List<TaskStatus> statuses = List.of(
        Values.status("1001", TaskStatus.State.DONE, List.of("https://www.test.com/a", "https://www.test.com/b"),
            "2026-11-27 16:00:00"),
        Values.status("1002", TaskStatus.State.PROCESSING, List.of(), ""));
    // then
    assertEquals(""
        + "TASK  STATE       URLS  CREATED (UTC+8)      FIRST URL\n"
        + "1001  done        2     2026-11-27 16:00:00  https://www.test.com/a\n"
        + "1002  processing  0\n", Tables.statuses(statuses));
  }

  @Test
  void quotasSayWhetherTheServiceOrTheLocalLedgerCountedThem() {
    assertEquals(""
        + "KIND         AREA      AVAILABLE  TOTAL  PER REQUEST  SOURCE\n"
        + "URLs         mainland  9000       10000  1000         service\n"
        + "directories  all       100        100    20           local ledger\n",
        Tables.quotas(List.of(Values.quota(Quota.Kind.URLS, Area.MAINLAND, 1000, 10_000, 9000, true),
            Values.quota(Quota.Kind.DIRECTORIES, null, 20, 100, 100, false))));
  }

  @Test
  void afterWaitingAFailedTaskGives6AndAnUnfinishedOne7() {
    TaskStatus done = Values.status("1", TaskStatus.State.DONE, List.of(), "");
    TaskStatus processing = Values.status("2", TaskStatus.State.PROCESSING, List.of(), "");
    TaskStatus failed = Values.status("3", TaskStatus.State.FAILED, List.of(), "");
    assertEquals(0, Exit.of(List.of(done, done)));
    assertEquals(7, Exit.of(List.of(done, processing)));
    assertEquals(6, Exit.of(List.of(processing, failed)));
  }
}
