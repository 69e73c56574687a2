package dev.refreshcdn.cli;

import dev.refreshcdn.InvalidUrl;
import dev.refreshcdn.JournalException;
import dev.refreshcdn.NoAnswerException;
import dev.refreshcdn.Plan;
import dev.refreshcdn.QuotaExhaustedException;
import dev.refreshcdn.RefreshException;
import dev.refreshcdn.RefusedException;
import dev.refreshcdn.Submission;
import dev.refreshcdn.Task;
import dev.refreshcdn.TaskStatus;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * Submits a plan and reports how it went, the same way for a new job and a resumed one: one line per task as it is
 * created, then the summary (or the --json document), the wait for the tasks (--wait), and on a failure what was
 * created, what is pending and how to resume. Returns the exit code.
 */
public final class Reporter {
  private final PrintStream out;
  private final PrintStream err;
  private final boolean json;
  private final boolean quiet;
  private final Map<String, String> env;
  private String emulated;
  private Path stateDir;
  private ZoneId zone = ZoneId.systemDefault();
  private boolean directories;

  /** Reports on {@code out} and {@code err}; {@code env} locates the default state directory. */
  public Reporter(PrintStream out, PrintStream err, boolean json, boolean quiet, Map<String, String> env) {
    this.out = out;
    this.err = err;
    this.json = json;
    this.quiet = quiet;
    this.env = env;
  }

  /** Says that the requests go to the emulator at this endpoint. */
  public Reporter emulated(String endpoint) {
    this.emulated = endpoint;
    return this;
  }

  /** The state directory the jobs are recorded in, for the resume commands printed; null when none. */
  public Reporter stateDir(Path dir) {
    this.stateDir = dir;
    return this;
  }

  /** Says that the entries are directories, not URLs. */
  public Reporter directories(boolean directories) {
    this.directories = directories;
    return this;
  }

  Reporter zone(ZoneId zone) {
    this.zone = zone;
    return this;
  }

  /**
   * Submits {@code plan} and reports it; with {@code wait} not null, then waits that long for its tasks.
   *
   * @param entries where the entries came from (null for a resumed job)
   * @param quotaLeft the daily quota left, asked only when the progress line is shown; may throw when unknown
   */
  public int submit(Plan plan, Input entries, Duration wait, IntSupplier quotaLeft) {
    boolean drawing = !quiet && plan.requestCount() > 1 && Terminal.isTerminal(2);
    Progress progress = new Progress(err, plan.requestCount(), plan.urls().size(), drawing);
    if (drawing) {
      try {
        progress.quotaLeft(quotaLeft.getAsInt());
      } catch (RuntimeException e) {
        // unknown: the line goes without it
      }
    }
    Submission submission;
    try {
      submission = plan.submit(task -> {
        progress.clear();
        if (!json) {
          out.println(quiet ? task.taskId() : taskLine(task, directories));
          out.flush();
        }
        progress.advance(task.urls().size());
      }, retry -> progress.retried());
    } catch (RefreshException e) {
      progress.clear();
      return failed(e, plan, entries);
    }
    progress.clear();
    if (!json && !quiet) {
      out.println("Submitted " + count(submission.urlCount(), directories) + " in "
          + submission.tasks().size() + " task" + (submission.tasks().size() == 1 ? "" : "s")
          + (emulated != null ? " to the emulator." : ".")
          + submission.jobId().map(id -> " Job " + id + " is done.").orElse(""));
      if (submission.resentUrls() > 0) {
        out.println("(" + submission.resentUrls() + " URLs were sent again because the answer to an earlier attempt "
            + "was lost: a refresh is idempotent, only quota was spent twice)");
      }
      notes(plan);
    }
    List<TaskStatus> statuses = null;
    int exit = Exit.OK;
    if (wait != null) {
      try {
        if (!json && !quiet) {
          err.println("refresh-cdn: waiting up to " + wait + " for " + submission.tasks().size() + " task(s)…");
        }
        statuses = submission.await(wait);
        exit = Exit.of(statuses);
      } catch (RefreshException e) {
        err.println("refresh-cdn: every URL was submitted, but asking for the tasks' status failed: " + e.getMessage());
        exit = e instanceof RefusedException ? Exit.REFUSED : Exit.NO_ANSWER;
        if (json) {
          Map<String, Object> doc = JsonReport.outcome(emulated, "wait_failed", exit, submission.tasks(), null, plan,
              entries);
          JsonReport.withJob(doc, submission.jobId().orElse(null), 0, null, submission.resentUrls());
          out.println(JsonReport.text(doc));
        }
        return exit;
      }
      reportWait(statuses, exit, wait);
    }
    if (json) {
      String status = exit == Exit.TASK_FAILED ? "task_failed" : exit == Exit.WAIT_TIMEOUT ? "wait_timeout" : "submitted";
      Map<String, Object> doc = JsonReport.outcome(emulated, status, exit, submission.tasks(), null, plan, entries);
      JsonReport.withJob(doc, submission.jobId().orElse(null), 0, null, submission.resentUrls());
      doc.put("statuses", statuses == null ? null : JsonReport.statuses(statuses));
      out.println(JsonReport.text(doc));
    }
    return exit;
  }

  private void reportWait(List<TaskStatus> statuses, int exit, Duration wait) {
    if (!json && !quiet) {
      out.print(Tables.statuses(statuses));
    }
    List<String> failed = new ArrayList<>();
    List<String> unfinished = new ArrayList<>();
    for (TaskStatus status : statuses) {
      if (status.state() == TaskStatus.State.FAILED) {
        failed.add(status.taskId());
      } else if (status.state() != TaskStatus.State.DONE) {
        unfinished.add(status.taskId());
      }
    }
    if (exit == Exit.TASK_FAILED) {
      err.println("refresh-cdn: " + failed.size() + " task(s) failed: " + String.join(" ", failed));
    } else if (exit == Exit.WAIT_TIMEOUT) {
      err.println("refresh-cdn: " + unfinished.size() + " task(s) not done after " + wait + "; ask again later: "
          + "refresh-cdn status --task " + String.join(" --task ", unfinished));
    } else if (!json && !quiet) {
      out.println("Every task is done.");
    }
  }

  /** Reports a job that stopped and returns its exit code. */
  private int failed(RefreshException e, Plan plan, Input entries) {
    String status;
    int exit;
    if (e instanceof QuotaExhaustedException) {
      status = "quota";
      exit = Exit.PENDING;
      quotaStop((QuotaExhaustedException) e);
    } else if (e instanceof RefusedException) {
      status = "refused";
      exit = Exit.REFUSED;
      err.println("refresh-cdn: " + e.getMessage() + hint((RefusedException) e));
    } else if (e instanceof NoAnswerException) {
      status = "no_answer";
      exit = Exit.NO_ANSWER;
      err.println("refresh-cdn: " + e.getMessage());
    } else if (e instanceof JournalException && e.requestNumber() == 0) {
      // The state directory could not record the job, so nothing was sent: the user's to fix, like a bad option.
      status = "usage";
      exit = Exit.USAGE;
      err.println("refresh-cdn: " + e.getMessage() + "\n  (give a writable --state-dir)");
    } else {
      // The last resort, e.g. StoppedException when the task listener throws: like a missing answer it leaves tasks
      // created and URLs unsent without a verdict from the service, hence 4 (1 would hide the partial progress).
      status = "stopped";
      exit = Exit.NO_ANSWER;
      err.println("refresh-cdn: stopped before every URL was sent: " + e.getMessage());
    }
    if (!(e instanceof QuotaExhaustedException) && e.jobId().isPresent()) {
      err.println("  Job " + e.jobId().get() + " recorded what was accepted; to send the rest (once the cause is "
          + "fixed): " + resumeCommand(e.jobId().get()));
    }
    if (json) {
      Map<String, Object> doc = JsonReport.outcome(emulated, status, exit, e.tasks(), e, plan, entries);
      QuotaExhaustedException q = e instanceof QuotaExhaustedException ? (QuotaExhaustedException) e : null;
      JsonReport.withJob(doc, e.jobId().orElse(null), q != null ? q.pendingUrls()
          : e.failedUrls().size() + e.unsentUrls().size(), q != null ? q.quotaReturns() : null, e.resentUrls());
      doc.put("statuses", null);
      out.println(JsonReport.text(doc));
    } else if (!quiet) {
      if (e.resentUrls() > 0) {
        out.println("(" + e.resentUrls() + " URLs were sent again because the answer to an earlier attempt was lost)");
      }
      listStopped(e);
    }
    return exit;
  }

  private void quotaStop(QuotaExhaustedException e) {
    err.println("refresh-cdn: stopped by the daily quota (" + e.dailyQuota() + " a day): " + e.pendingUrls()
        + " URL" + (e.pendingUrls() == 1 ? " is" : "s are") + " pending.");
    err.println("  The quota returns at " + Times.both(e.quotaReturns(), zone) + ".");
    if (e.jobId().isPresent()) {
      err.println("  Job " + e.jobId().get() + " keeps them; then run: " + resumeCommand(e.jobId().get()));
    } else {
      err.println("  No state directory was kept, so they are listed on stdout: submit them again then.");
    }
  }

  private void listStopped(RefreshException e) {
    boolean quota = e instanceof QuotaExhaustedException;
    boolean refused = e instanceof RefusedException;
    boolean noAnswer = e instanceof NoAnswerException;
    if (quota) {
      out.println("Stopped by the daily quota: " + e.tasks().size() + " task" + (e.tasks().size() == 1 ? "" : "s")
          + " created" + (e.tasks().isEmpty() ? "" : " (above)") + ", "
          + ((QuotaExhaustedException) e).pendingUrls() + " URLs pending.");
      if (e.jobId().isEmpty()) {
        List<String> pending = new ArrayList<>(e.failedUrls());
        pending.addAll(e.unsentUrls());
        out.println("# " + pending.size() + " URLs pending (not accepted yet):");
        pending.forEach(out::println);
      }
      return;
    }
    out.println("Stopped: " + e.tasks().size() + " task" + (e.tasks().size() == 1 ? "" : "s") + " created"
        + (e.tasks().isEmpty() ? "" : " (above)") + ", " + e.failedUrls().size() + " URLs "
        + (refused ? "refused" : noAnswer ? "in a request without answer" : "failed") + ", " + e.unsentUrls().size()
        + " URLs not sent.");
    if (e.jobId().isPresent()) {
      // The job's journal keeps every one of them for `resume`; --json lists them for scripts.
      return;
    }
    if (refused || noAnswer || !e.failedUrls().isEmpty()) {
      boolean reached = noAnswer && ((NoAnswerException) e).mayHaveReachedService();
      out.println("# " + e.failedUrls().size() + " URLs " + (refused ? "refused by the service:"
          : !noAnswer ? "that failed:" : reached ? "whose request may have reached the service:"
          : "whose request did not reach the service:"));
      e.failedUrls().forEach(out::println);
    }
    if (!e.unsentUrls().isEmpty()) {
      out.println("# " + e.unsentUrls().size() + " URLs not sent:");
      e.unsentUrls().forEach(out::println);
    }
  }

  /**
   * What is left of today's quota for {@code refresh}, for the progress line: on API 3.0 as the service says, on the
   * legacy API as the ledger counts it (so only when one is kept).
   *
   * @throws IllegalStateException when it cannot be known
   */
  public static int quotaLeft(dev.refreshcdn.Refresh refresh, boolean directories, boolean ledgerKept) {
    for (dev.refreshcdn.Quota quota : refresh.quota()) {
      if (quota.directories() == directories && (quota.fromService() || ledgerKept)) {
        return quota.available();
      }
    }
    throw new IllegalStateException("quota unknown");
  }

  /** The command that resumes a job of this run's state directory. */
  String resumeCommand(String jobId) {
    return stateDir == null ? "refresh-cdn resume " + jobId : StateDir.resumeCommand(jobId, stateDir, env);
  }

  /** One line per task: its id, URL (or directory) count and first URL. */
  static String taskLine(Task task, boolean directories) {
    List<String> urls = task.urls();
    return "task " + task.taskId() + ": " + count(task.count(), directories)
        + (urls.isEmpty() ? "" : ", first " + urls.get(0));
  }

  /** {@code 1 URL}, {@code 2 URLs}, {@code 1 directory}, {@code 2 directories}. */
  static String count(int n, boolean directories) {
    return n + (directories ? (n == 1 ? " directory" : " directories") : (n == 1 ? " URL" : " URLs"));
  }

  /** What a refusal most likely means, for the codes users meet most. */
  static String hint(RefusedException e) {
    if ("9110".equals(e.codeDesc()) || String.valueOf(e.message()).contains("(9110)")) {
      return "\n  (9110: a domain in this request is not a CDN domain of this account)";
    }
    if ("ResourceNotFound.CdnHostNotExists".equals(e.code())) {
      return "\n  (a domain in this request is not a CDN domain of this account)";
    }
    if ("4100".equals(e.code()) || "AuthFailure.SignatureFailure".equals(e.code())) {
      return "\n  (" + e.code() + ": the signature check failed: is the SecretKey right for this SecretId?)";
    }
    return "";
  }

  /** The duplicates dropped and bad entries skipped, in parentheses after the summary. */
  public void notes(Plan plan) {
    if (plan.duplicatesDropped() > 0) {
      out.println("(" + plan.duplicatesDropped() + " duplicate" + (plan.duplicatesDropped() == 1 ? "" : "s") + " dropped)");
    }
    List<InvalidUrl> skipped = plan.skipped();
    if (!skipped.isEmpty()) {
      out.println("(" + skipped.size() + " bad entr" + (skipped.size() == 1 ? "y" : "ies") + " skipped)");
    }
  }
}
