package dev.refreshcdn.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.refreshcdn.Batch;
import dev.refreshcdn.DryRun;
import dev.refreshcdn.InvalidInputException;
import dev.refreshcdn.InvalidUrl;
import dev.refreshcdn.NoAnswerException;
import dev.refreshcdn.Plan;
import dev.refreshcdn.RefreshException;
import dev.refreshcdn.RefusedException;
import dev.refreshcdn.Task;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The documents --json prints, one per run: a dry run, an outcome (submitted, refused, no answer), bad input or a
 * usage error.
 */
public final class JsonReport {
  private JsonReport() {}

  /** A dry run: the endpoint, who signs, and every request with its size, first and last URL and redacted preview. */
  public static Map<String, Object> dryRun(Plan plan, String signedWith, Input entries, String emulator) {
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
    doc.put("duplicates", plan.duplicatesDropped());
    return doc;
  }

  /**
   * The outcome of a submission: the tasks created, the refusal or the missing answer ({@code e}, null when every
   * URL was submitted), and the failed, unsent and skipped URLs.
   */
  public static Map<String, Object> outcome(String emulator, String status, int exitCode, List<Task> tasks,
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
      t.put("task_id", task.taskId());
      t.put("count", task.count());
      t.put("urls", task.urls());
      taskList.add(t);
    }
    doc.put("tasks", taskList);
    doc.put("refusal", e instanceof RefusedException ? refusal((RefusedException) e) : null);
    doc.put("no_answer", e instanceof NoAnswerException ? noAnswer((NoAnswerException) e) : null);
    doc.put("failed", e == null ? List.of() : e.failedUrls());
    doc.put("unsent", e == null ? List.of() : e.unsentUrls());
    doc.put("skipped", invalidEntries(plan.skipped(), entries));
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
  public static Map<String, Object> usage(String message, int exitCode) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("status", "usage");
    doc.put("exit_code", exitCode);
    doc.put("message", message);
    doc.put("tasks", List.of());
    return doc;
  }

  /** Bad input that stopped the run before anything was sent, every bad entry listed. */
  public static Map<String, Object> invalid(InvalidInputException e, Input entries, int exitCode) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("status", "invalid");
    doc.put("exit_code", exitCode);
    doc.put("message", e.invalid().isEmpty() ? e.getMessage() : "bad entries; nothing was sent");
    doc.put("invalid", invalidEntries(e.invalid(), entries));
    doc.put("tasks", List.of());
    return doc;
  }

  private static List<Object> invalidEntries(List<InvalidUrl> invalid, Input entries) {
    List<Object> list = new ArrayList<>();
    for (InvalidUrl bad : invalid) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put(entries.isArgument(bad.position()) ? "argument" : "line", entries.number(bad.position()));
      entry.put("value", bad.value());
      entry.put("reason", bad.reason());
      list.add(entry);
    }
    return list;
  }

  /** The document as pretty-printed JSON, null values included. */
  public static String text(Map<String, Object> doc) {
    try {
      return JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT, JSON.Feature.WRITE_NULL_PROPERTIES).asString(doc);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
