package dev.refreshcdn.cli;

import dev.refreshcdn.internal.Texts;
import dev.refreshcdn.RefreshException.InvalidUrl;
import dev.refreshcdn.RefreshException.JournalException;
import dev.refreshcdn.NoAnswerException;
import dev.refreshcdn.Plan;
import dev.refreshcdn.RefreshException.QuotaExhaustedException;
import dev.refreshcdn.RefreshException;
import dev.refreshcdn.RefusedException;
import dev.refreshcdn.Submission;
import dev.refreshcdn.Task;
import dev.refreshcdn.TaskStatus;
import java.io.PrintStream;
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
final class Reporter {
  /** How many bad entries are listed, on stderr and in --json; the rest are counted. */
  static final int LISTED = 100;

  private final PrintStream out;
  private final PrintStream err;
  private final boolean json;
  private final boolean quiet;
  private String emulated;
  private FollowUp followUp = new FollowUp(null, Map.of());
  private ZoneId zone = ZoneId.systemDefault();
  private boolean directories;
  /** The job purges, then prefetches ({@code refresh-cdn --prefetch}). */
  private boolean purgeFirst;
  private TaskLines lines = new TaskLines(false, 0, false);
  /** SIGINT and SIGTERM during {@link #submit}. */
  private Interruption interruption;
  private boolean signals;
  private boolean stderrTerminal;

  /** Reports on {@code out} and {@code err}: with {@code json} one document, with {@code quiet} the task ids. */
  public Reporter(PrintStream out, PrintStream err, boolean json, boolean quiet) {
    this.out = out;
    this.err = err;
    this.json = json;
    this.quiet = quiet;
  }

  /** Says that the requests go to the emulator at this endpoint. */
  public Reporter emulated(String endpoint) {
    this.emulated = endpoint;
    return this;
  }

  /** How the resume and status commands printed for later are spelled (the state directory, API, credentials). */
  public Reporter followUp(FollowUp followUp) {
    this.followUp = followUp;
    return this;
  }

  /** Says that the job purges, waits for the purge tasks, then prefetches. */
  Reporter purgeFirst(boolean purgeFirst) {
    this.purgeFirst = purgeFirst;
    return this;
  }

  /** Says that the entries are directories, not URLs. */
  public Reporter directories(boolean directories) {
    this.directories = directories;
    return this;
  }

  /** Draws the progress line when stderr is a terminal, and reports SIGINT/SIGTERM when the run handles them. */
  Reporter on(Context context) {
    this.signals = context.watchesSignals();
    this.stderrTerminal = context.isTerminal(2);
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
    try (Interruption watched = signals ? Interruption.watch(Thread.currentThread()) : Interruption.none()) {
      interruption = watched;
      return send(plan, entries, wait, quotaLeft);
    } finally {
      if (interruption.received()) {
        Thread.interrupted(); // the interrupt was this run's own, and has been reported
      }
    }
  }

  /** The progress line, drawn on a terminal for a job of several requests, with the quota left when known. */
  private Progress progress(Plan plan, IntSupplier quotaLeft) {
    boolean drawing = !quiet && plan.requestCount() > 1 && stderrTerminal;
    Progress progress = new Progress(err, plan.requestCount(), plan.urls().size(), drawing);
    if (drawing) {
      try {
        progress.quotaLeft(quotaLeft.getAsInt());
      } catch (RuntimeException e) {
        // unknown: the line goes without it
      }
    }
    return progress;
  }

  private int send(Plan plan, Input entries, Duration wait, IntSupplier quotaLeft) {
    Progress progress = progress(plan, quotaLeft);
    lines = new TaskLines(directories, plan.urls().size(), purgeFirst);
    Submission submission;
    try {
      submission = plan.submit(task -> {
        progress.clear();
        String line = lines.created(task);
        if (!json && (!quiet || !task.taskId().isEmpty())) {
          out.println(quiet ? task.taskId() : line);
          out.flush();
        }
        if (lines.purgeSent(task) && !json && !quiet) {
          err.println("refresh-cdn: waiting for the purge tasks to finish before prefetching…");
        }
        progress.advance(task.urls().size());
      }, retry -> progress.retried());
    } catch (RefreshException e) {
      progress.clear();
      return failed(e, plan, entries);
    } catch (IllegalStateException e) {
      // The job is running elsewhere, or its journal moved on since it was read: nothing was sent, like a usage error.
      progress.clear();
      err.println("refresh-cdn: " + e.getMessage());
      if (json) {
        out.println(JsonReport.text(JsonReport.usage(e.getMessage(), Exit.USAGE)));
      }
      return Exit.USAGE;
    }
    progress.clear();
    if (!json && !quiet) {
      out.println("Submitted " + lines.summary(submission)
          + (emulated != null ? " to the emulator." : ".")
          + submission.jobId().map(id -> " Job " + id + ": every " + (directories ? "directory" : "URL") + " accepted.")
          .orElse(""));
      if (submission.resentUrls() > 0) {
        out.println("(" + resent(submission.resentUrls()) + ": an earlier attempt may have reached the service, "
            + "but no answer was recorded; a refresh is idempotent, at most quota was spent twice)");
      }
      notes(plan);
    }
    List<TaskStatus> statuses = null;
    int exit = Exit.OK;
    if (wait != null) {
      out.flush(); // the summary above comes before the wait, not after it
      try {
        if (!json && !quiet) {
          err.println("refresh-cdn: waiting up to " + Durations.format(wait) + " for "
              + Texts.plural(submission.tasks().size(), "task") + "…");
        }
        statuses = submission.await(wait);
        exit = Exit.of(statuses);
      } catch (RefreshException e) {
        return waitFailed(e, submission, plan, entries);
      }
      reportWait(statuses, exit, wait);
    }
    return finished(submission, statuses, exit, plan, entries);
  }

  /** The end of a submission that went through: the signal that came after it, the JSON document. */
  private int finished(Submission submission, List<TaskStatus> statuses, int exit, Plan plan, Input entries) {
    if (interruption.received()) { // came after the last request: everything was submitted, as said above
      err.println("refresh-cdn: interrupted by " + interruption.signal() + " after every "
          + (directories ? "directory" : "URL") + " was submitted");
      exit = interruption.exitCode();
    }
    if (json) {
      String status = interruption.received() ? "interrupted" : exit == Exit.TASK_FAILED ? "task_failed"
          : exit == Exit.WAIT_TIMEOUT ? "wait_timeout" : "submitted";
      Map<String, Object> doc = outcome(status, exit, submission.tasks(), null, plan, entries);
      JsonReport.withJob(doc, submission.jobId().orElse(null), 0, null, submission.resentUrls());
      doc.put("statuses", statuses == null ? null : JsonReport.statuses(statuses));
      out.println(JsonReport.text(doc));
    }
    return exit;
  }

  /** Every URL was submitted, but the wait for the tasks failed, or a signal ended it. */
  private int waitFailed(RefreshException e, Submission submission, Plan plan, Input entries) {
    if (interruption.received()) {
      err.println("refresh-cdn: interrupted by " + interruption.signal() + " while waiting: every "
          + (directories ? "directory" : "URL") + " was submitted; ask about the tasks later: "
          + followUp.status(
          submission.tasks().stream().map(Task::taskId).collect(java.util.stream.Collectors.toList())));
    } else {
      err.println("refresh-cdn: every URL was submitted, but asking for the tasks' status failed: " + e.getMessage());
    }
    int exit = interruption.received() ? interruption.exitCode()
        : e instanceof RefusedException ? Exit.REFUSED : Exit.NO_ANSWER;
    if (json) {
      Map<String, Object> doc = outcome(interruption.received() ? "interrupted" : "wait_failed",
          exit, submission.tasks(), null, plan, entries);
      JsonReport.withJob(doc, submission.jobId().orElse(null), 0, null, submission.resentUrls());
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
      if (status.taskId().isEmpty()) {
        continue; // no id to report or to ask about again
      } else if (status.state() == TaskStatus.State.FAILED) {
        failed.add(status.taskId());
      } else if (status.state() != TaskStatus.State.DONE) {
        unfinished.add(status.taskId());
      }
    }
    if (exit == Exit.TASK_FAILED) {
      err.println("refresh-cdn: " + Texts.plural(failed.size(), "task") + " failed: " + String.join(" ", failed));
    } else if (exit == Exit.WAIT_TIMEOUT) {
      err.println("refresh-cdn: " + Texts.plural(unfinished.size(), "task") + " not done after " + Durations.format(wait)
          + (emulated != null ? " (the emulator stops with this run)"
          : "; ask again later: " + followUp.status(unfinished)));
    } else if (!json && !quiet) {
      out.println("Every task is done.");
    }
  }

  /** Reports a job that stopped and returns its exit code. */
  private int failed(RefreshException e, Plan plan, Input entries) {
    String status;
    int exit = interruption.received() ? interruption.exitCode() : ExitCodes.of(e);
    if (interruption.received()) {
      status = "interrupted";
      err.println("refresh-cdn: interrupted by " + interruption.signal() + ": " + e.getMessage());
    } else if (e instanceof QuotaExhaustedException) {
      status = "quota";
      quotaStop((QuotaExhaustedException) e);
    } else if (e instanceof RefusedException) {
      status = "refused";
      err.println("refresh-cdn: " + e.getMessage() + RefusedDomains.hint((RefusedException) e));
    } else if (e instanceof NoAnswerException) {
      status = "no_answer";
      err.println("refresh-cdn: " + e.getMessage());
    } else if (e instanceof JournalException && e.requestNumber() == 0) {
      // The state directory could not record the job, so nothing was sent: the user's to fix, like a bad option.
      status = "usage";
      String message = StateDir.explain(e);
      int progress = message.indexOf("; the job stopped"); // the counts that follow are all zero
      err.println("refresh-cdn: " + (progress > 0 ? message.substring(0, progress) : message)
          + "; nothing was sent\n  (give a writable --state-dir)");
    } else {
      // The last resort, e.g. StoppedException when the task listener throws: like a missing answer it leaves tasks
      // created and URLs unsent without a verdict from the service, hence 4 (1 would hide the partial progress).
      status = "stopped";
      err.println("refresh-cdn: stopped before every " + (directories ? "directory" : "URL") + " was sent: "
          + StateDir.explain(e));
    }
    if (e.jobId().isPresent() && emulated != null) {
      // --emulator --state-dir: the journal stays, but the emulator, and what it accepted, end with this run.
      err.println("  Job " + e.jobId().get() + " is journaled in the state directory, but cannot be resumed: the "
          + "emulator it ran against stopped with this run");
    } else if (interruption.received() && e.jobId().isPresent()) {
      err.println("  Job " + e.jobId().get() + " recorded what was accepted; to send the rest: "
          + followUp.resume(e.jobId().get()));
    } else if (!(e instanceof QuotaExhaustedException) && e.jobId().isPresent()) {
      err.println("  Job " + e.jobId().get() + " recorded what was accepted; to send the rest (once the cause is "
          + "fixed): " + followUp.resume(e.jobId().get()));
    }
    if (json) {
      Map<String, Object> doc = outcome(status, exit, e.tasks(), e, plan, entries);
      QuotaExhaustedException q = e instanceof QuotaExhaustedException ? (QuotaExhaustedException) e : null;
      JsonReport.withJob(doc, e.jobId().orElse(null), q != null ? q.pendingUrls()
          : e.failedUrls().size() + e.unsentUrls().size(), q != null ? q.quotaReturns() : null, e.resentUrls());
      doc.put("statuses", null);
      out.println(JsonReport.text(doc));
    } else if (exit != Exit.USAGE) { // a state directory that could not record the job: nothing was sent
      if (e.resentUrls() > 0 && !quiet) {
        out.println("(" + resent(e.resentUrls()) + ": an earlier attempt may have reached the service, but no "
            + "answer was recorded)");
      }
      listStopped(e);
      (quiet ? List.<String>of() : RefusedDomains.lines(e, directories)).forEach(out::println);
    }
    return exit;
  }

  private void quotaStop(QuotaExhaustedException e) {
    err.println("refresh-cdn: stopped by the daily quota (" + Texts.count(e.dailyQuota(), directories) + " a day): "
        + Texts.count(e.pendingUrls(), directories) + (e.pendingUrls() == 1 ? " is" : " are") + " pending.");
    err.println("  The quota returns at " + Times.both(e.quotaReturns(), zone) + ".");
    if (e.jobId().isPresent()) {
      if (emulated == null) { // else: failed says why it cannot be resumed
        err.println("  Job " + e.jobId().get() + " keeps them; then run: " + followUp.resume(e.jobId().get()));
      }
    } else {
      err.println("  No state directory was kept, so they are listed on stdout: submit them again then.");
    }
  }

  /**
   * The summary of a stopped job (not with --quiet), then, when no state directory keeps them, the URLs not
   * accepted: those are printed even with --quiet, being the only record.
   */
  private void listStopped(RefreshException e) {
    boolean quota = e instanceof QuotaExhaustedException;
    boolean refused = e instanceof RefusedException;
    boolean noAnswer = e instanceof NoAnswerException;
    int made = lines.all(e.tasks()).size();
    String created = Texts.plural(made, "task") + " created" + (made == 0 ? "" : " (above)");
    if (quota) {
      if (!quiet) {
        out.println("Stopped by the daily quota: " + created + ", "
            + Texts.count(((QuotaExhaustedException) e).pendingUrls(), directories) + " pending.");
      }
      if (e.jobId().isEmpty()) {
        List<String> pending = new ArrayList<>(e.failedUrls());
        pending.addAll(e.unsentUrls());
        out.println("# " + Texts.count(pending.size(), directories) + " pending (not accepted yet):");
        pending.forEach(out::println);
      }
      return;
    }
    if (!quiet) {
      // A job stopped between its phases left no request without answer: nothing to count there.
      boolean between = noAnswer && e.failedUrls().isEmpty() && e.requestNumber() == 0;
      out.println("Stopped: " + created + ", " + (between ? "" : Texts.count(e.failedUrls().size(), directories) + " "
          + (refused ? "refused" : noAnswer ? "in a request without answer" : "failed") + ", ")
          + Texts.count(e.unsentUrls().size(), directories) + " not sent.");
    }
    if (e.jobId().isPresent()) {
      // The job's journal keeps every one of them for `resume`; --json lists them for scripts.
      return;
    }
    if (!e.failedUrls().isEmpty()) {
      boolean reached = noAnswer && ((NoAnswerException) e).mayHaveReachedService();
      out.println("# " + Texts.count(e.failedUrls().size(), directories) + " " + (refused ? "refused by the service:"
          : !noAnswer ? "that failed:" : reached ? "whose request may have reached the service:"
          : "whose request did not reach the service:"));
      e.failedUrls().forEach(out::println);
    }
    if (!e.unsentUrls().isEmpty()) {
      out.println("# " + Texts.count(e.unsentUrls().size(), directories) + " not sent:");
      e.unsentUrls().forEach(out::println);
    }
  }

  /** The --json document of the run; a purge-then-prefetch job's lists its purge tasks too. */
  private Map<String, Object> outcome(String status, int exit, List<Task> tasks, RefreshException e, Plan plan,
      Input entries) {
    Map<String, Object> doc = JsonReport.outcome(emulated, status, exit, tasks, e, plan, entries);
    if (purgeFirst) {
      doc.put("purge_tasks", lines.purgeTaskIds());
    }
    return doc;
  }

  private String resent(int n) {
    return Texts.count(n, directories) + (n == 1 ? " was" : " were") + " sent again";
  }

  /** The duplicates dropped and bad entries skipped, in parentheses after the summary. */
  public void notes(Plan plan) {
    if (plan.duplicatesDropped() > 0) {
      out.println("(" + Texts.plural(plan.duplicatesDropped(), "duplicate") + " dropped)");
    }
    List<InvalidUrl> skipped = plan.skipped();
    if (!skipped.isEmpty()) {
      out.println("(" + Texts.plural(skipped.size(), "bad entry") + " skipped)");
    }
  }
}
