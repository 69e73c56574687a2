package dev.refreshcdn.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.refreshcdn.Area.Quota;
import dev.refreshcdn.JobStore.Job;
import dev.refreshcdn.Plan.Batch;
import dev.refreshcdn.Plan.DryRun;
import dev.refreshcdn.RefreshException.InvalidInputException;
import dev.refreshcdn.NoAnswerException;
import dev.refreshcdn.Plan;
import dev.refreshcdn.RefreshException;
import dev.refreshcdn.RefreshException.InvalidUrl;
import dev.refreshcdn.RefusedException;
import dev.refreshcdn.Task;
import dev.refreshcdn.TaskStatus;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The documents --json prints, one per run: a dry run, an outcome (submitted, refused, no answer), bad input or a
 * usage error.
 */
final class JsonReport {
  private JsonReport() {}

  /** A dry run: the endpoint, who signs, and every request with its size, first and last URL and redacted preview. */
  static Map<String, Object> dryRun(Plan plan, String signedWith, Input entries, String emulator) {
    DryRun run = plan.dryRun();
    List<Batch> batches = plan.requests();
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("status", "dry_run");
    doc.put("exit_code", 0);
    doc.put("dry_run", true);
    if (emulator != null) {
      doc.put("emulator", emulator);
    }
    doc.put("endpoint", plan.endpoint().toString());
    doc.put("signed_with", signedWith);
    doc.put("urls", run.urlCount());
    doc.put("bytes", run.bytes());
    List<Object> requests = new ArrayList<>();
    for (DryRun.Request request : run.requests()) {
      List<String> urls = batches.get(request.number() - 1).urls();
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("number", request.number());
      r.put("method", request.method().name());
      r.put("count", request.urlCount());
      r.put("bytes", request.bytes());
      r.put("first_url", urls.get(0));
      r.put("last_url", urls.get(urls.size() - 1));
      r.put("parameters", request.preview());
      requests.add(r);
    }
    doc.put("requests", requests);
    doc.put("skipped", invalidEntries(plan.skipped(), entries));
    doc.put("skipped_count", plan.skipped().size());
    doc.put("duplicates", plan.duplicatesDropped());
    return doc;
  }

  /**
   * The outcome of a submission: the tasks created, the refusal or the missing answer ({@code e}, null when every
   * URL was submitted), and the failed, unsent and skipped URLs.
   */
  static Map<String, Object> outcome(String emulator, String status, int exitCode, List<Task> tasks,
      RefreshException e, Plan plan, Input entries) {
    Map<String, Object> doc = new LinkedHashMap<>();
    if (emulator != null) {
      doc.put("emulator", emulator);
    }
    doc.put("status", status);
    doc.put("exit_code", exitCode);
    List<Object> taskList = new ArrayList<>();
    for (Task task : tasks) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("task_id", idOrNull(task.taskId()));
      t.put("count", task.count());
      t.put("urls", task.urls());
      taskList.add(t);
    }
    doc.put("tasks", taskList);
    doc.put("refusal", e instanceof RefusedException ? refusal((RefusedException) e) : null);
    doc.put("refused_domains", RefusedDomains.json(e));
    doc.put("no_answer", e instanceof NoAnswerException ? noAnswer((NoAnswerException) e) : null);
    doc.put("failed", e == null ? List.of() : e.failedUrls());
    doc.put("unsent", e == null ? List.of() : e.unsentUrls());
    doc.put("skipped", invalidEntries(plan.skipped(), entries));
    doc.put("skipped_count", plan.skipped().size());
    doc.put("duplicates", plan.duplicatesDropped());
    return doc;
  }

  private static Map<String, Object> refusal(RefusedException r) {
    Map<String, Object> refusal = new LinkedHashMap<>();
    refusal.put("code", asWritten(r.code()));
    refusal.put("codeDesc", r.codeDesc());
    refusal.put("message", r.message());
    refusal.put("request_id", r.requestId().orElse(null));
    refusal.put("request", r.requestNumber());
    refusal.put("urls", r.failedUrls());
    return refusal;
  }

  /** The code as the service wrote it: the legacy API's numbers (4000) as numbers, API 3.0's names as text. */
  static Object asWritten(String code) {
    if (code != null && code.matches("-?\\d{1,9}")) {
      return Integer.valueOf(code);
    }
    return code;
  }

  private static Map<String, Object> noAnswer(NoAnswerException n) {
    Map<String, Object> noAnswer = new LinkedHashMap<>();
    noAnswer.put("message", n.getMessage());
    noAnswer.put("http_status", n.statusCode().isPresent() ? n.statusCode().getAsInt() : null);
    noAnswer.put("may_have_reached_service", n.mayHaveReachedService());
    noAnswer.put("urls", n.failedUrls());
    return noAnswer;
  }

  /** A usage error (a bad option, missing credentials) that stopped the run before anything was sent. */
  static Map<String, Object> usage(String message, int exitCode) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("status", "usage");
    doc.put("exit_code", exitCode);
    doc.put("message", message);
    doc.put("tasks", List.of());
    return doc;
  }

  /**
   * Bad input that stopped the run before anything was sent: the first {@link Reporter#LISTED} bad entries listed,
   * all of them counted.
   */
  static Map<String, Object> invalid(InvalidInputException e, Input entries, int exitCode) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("status", "invalid");
    doc.put("exit_code", exitCode);
    doc.put("message", e.invalid().isEmpty() ? e.getMessage() : "bad entries; nothing was sent");
    doc.put("invalid", invalidEntries(e.invalid(), entries));
    doc.put("invalid_count", e.invalid().size());
    doc.put("tasks", List.of());
    return doc;
  }

  /**
   * Adds what a journaled job needs to be followed up: {@code job_id} (null without a state directory), how many
   * URLs are {@code pending}, when the quota returns ({@code quota_returns}, an ISO instant, or null) and how many
   * URLs a resumption sent again because an earlier attempt may have reached the service without an answer
   * recorded ({@code resent_urls}).
   */
  static Map<String, Object> withJob(Map<String, Object> doc, String jobId, int pending, Instant quotaReturns,
      int resentUrls) {
    doc.put("job_id", jobId);
    doc.put("pending", pending);
    doc.put("quota_returns", quotaReturns == null ? null : quotaReturns.toString());
    doc.put("resent_urls", resentUrls);
    return doc;
  }

  /** The document of a {@code resume} that found nothing to send. */
  static Map<String, Object> nothingToResume(String message) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("status", "nothing_to_resume");
    doc.put("exit_code", 0);
    doc.put("message", message);
    doc.put("tasks", List.of());
    return doc;
  }

  /**
   * Task statuses, one per task: {@code task_id}, {@code state} (processing, done, failed, unknown), {@code percent}
   * (prefetch tasks only), {@code created}, {@code urls}.
   */
  static List<Object> statuses(List<TaskStatus> statuses) {
    List<Object> list = new ArrayList<>();
    for (TaskStatus task : statuses) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("task_id", idOrNull(task.taskId()));
      s.put("state", task.state().name().toLowerCase(Locale.ROOT));
      task.percent().ifPresent(percent -> s.put("percent", percent));
      s.put("created", task.created());
      s.put("count", task.urls().size());
      s.put("urls", task.urls());
      list.add(s);
    }
    return list;
  }

  /** The document of {@code refresh-cdn status}. */
  static Map<String, Object> statusDocument(List<TaskStatus> statuses) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("status", "ok");
    doc.put("exit_code", 0);
    doc.put("tasks", statuses(statuses));
    return doc;
  }

  /**
   * The document of {@code refresh-cdn jobs}: every job of the state directory, oldest first; {@code problem} says
   * why a job is {@code unreadable}, or which lines of its journal could not be read.
   */
  static Map<String, Object> jobs(List<Job> jobs, String stateDir) {
    List<Object> list = new ArrayList<>();
    for (Job job : jobs) {
      Map<String, Object> j = new LinkedHashMap<>();
      j.put("job_id", job.id());
      j.put("created", job.created() == null ? null : job.created().toString());
      j.put("state", job.state().name().toLowerCase(Locale.ROOT));
      j.put("api", job.api() == null ? null : job.api().name().toLowerCase(Locale.ROOT));
      j.put("endpoint", job.endpoint() == null ? null : job.endpoint().toString());
      boolean known = job.state() != Job.State.UNREADABLE; // of an unreadable job, only the id is known
      j.put("kind", known ? Tables.kind(job.kind()) : null); // purge, directories, prefetch, purge+prefetch
      j.put("directories", known ? job.directories() : null);
      j.put("urls", known ? job.urlCount() : null);
      j.put("accepted", known ? job.acceptedUrls() : null); // purge+prefetch: each URL once a phase, up to 2 × urls
      j.put("pending", known ? job.pendingUrls() : null);
      if (known && job.kind() == Job.Kind.PURGE_THEN_PREFETCH) {
        j.put("purged", Math.min(job.acceptedUrls(), job.urlCount()));
        j.put("prefetched", Math.max(0, job.acceptedUrls() - job.urlCount()));
      }
      List<String> taskIds = new ArrayList<>(job.taskIds());
      taskIds.removeIf(String::isEmpty); // RefreshCdnDir's requests create tasks without an id
      j.put("task_ids", taskIds);
      j.put("quota_returns", job.quotaReturns().map(Instant::toString).orElse(null));
      j.put("last_error", job.lastError().orElse(null));
      j.put("problem", job.problem().orElse(null));
      list.add(j);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("status", "ok");
    doc.put("exit_code", 0);
    doc.put("state_dir", stateDir);
    doc.put("jobs", list);
    return doc;
  }

  /** The document of {@code refresh-cdn quota}: one entry per quota, with where it comes from. */
  static Map<String, Object> quotas(List<Quota> quotas, String api) {
    List<Object> list = new ArrayList<>();
    for (Quota quota : quotas) {
      Map<String, Object> q = new LinkedHashMap<>();
      q.put("kind", quota.kind().name().toLowerCase(Locale.ROOT)); // urls, directories or prefetch
      q.put("area", quota.area().map(a -> a.name().toLowerCase(Locale.ROOT)).orElse(null));
      q.put("available", quota.available());
      q.put("total", quota.total());
      q.put("batch", quota.batch());
      q.put("source", quota.fromService() ? "service" : "local_ledger");
      list.add(q);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("status", "ok");
    doc.put("exit_code", 0);
    doc.put("api", api);
    doc.put("quotas", list);
    return doc;
  }

  /** The first {@link Reporter#LISTED} bad entries: a million of them would not fit a small heap as JSON. */
  private static List<Object> invalidEntries(List<InvalidUrl> invalid, Input entries) {
    List<Object> list = new ArrayList<>();
    for (InvalidUrl bad : invalid.subList(0, Math.min(invalid.size(), Reporter.LISTED))) {
      Map<String, Object> entry = new LinkedHashMap<>();
      if (entries == null) {
        entry.put("position", bad.position());
      } else {
        entry.put(entries.isArgument(bad.position()) ? "argument" : "line", entries.number(bad.position()));
      }
      entry.put("value", bad.masked()); // a password in the user info would otherwise reach CI logs
      entry.put("reason", bad.reason());
      list.add(entry);
    }
    return list;
  }

  /** A task id, or null for none: a legacy RefreshCdnDir request is accepted without one. */
  private static String idOrNull(String taskId) {
    return taskId == null || taskId.isEmpty() ? null : taskId;
  }

  /** The document as pretty-printed JSON, null values included. */
  static String text(Map<String, Object> doc) {
    try {
      return JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT, JSON.Feature.WRITE_NULL_PROPERTIES).asString(doc);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
