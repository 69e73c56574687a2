package dev.refreshcdn;

import dev.refreshcdn.RefreshException.QuotaExhaustedException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the requests of one {@link JobRun} phase came to: the tasks accepted, the pieces of the plan that failed or
 * were held back, the refused domains and the first reason to stop; at the end the {@link Submission}, or the
 * exception that says where the job stood, with the journal's last line. Its monitor is also the run's lock, so
 * that handing out a request and recording an answer never interleave.
 */
final class JobOutcome {
  /** A piece of the plan handed to a sender: plan positions {@code [from, to)} and the quota taken for them. */
  static final class Chunk {
    final int number;
    final int from;
    final int to;
    final DailyQuota.Grant grant;

    Chunk(int number, int from, int to, DailyQuota.Grant grant) {
      this.number = number;
      this.from = from;
      this.to = to;
      this.grant = grant;
    }
  }

  private final Batches plan;
  private final Settings settings;
  /** The API generation, unsigned: what failures add to their message. */
  private final CdnApi api;
  private final HttpClient client;
  private final Journal journal;
  private final DailyQuota quota;

  // Guarded by this.
  /** Why the job stopped early; the first one wins. */
  private Stop stop;
  private Chunk stoppedAt;
  private boolean earlierAttemptReached;
  private final List<Chunk> acceptedChunks = new ArrayList<>();
  private final List<Task> acceptedTasks = new ArrayList<>();
  private final List<Chunk> failed = new ArrayList<>();
  private final DomainRefusals domains = new DomainRefusals();

  JobOutcome(Batches plan, Settings settings, CdnApi api, HttpClient client, Journal journal, DailyQuota quota) {
    this.plan = plan;
    this.settings = settings;
    this.api = api;
    this.client = client;
    this.journal = journal;
    this.quota = quota;
  }

  synchronized boolean stopped() {
    return stop != null;
  }

  /**
   * Holds back plan positions {@code [from, to)}, one request, when its domain was refused already: it would be
   * refused too, and stays pending. False, and nothing held, when the job is stopping or the domain was not refused.
   */
  synchronized boolean heldBack(int from, int to) {
    if (stop != null || domains.isEmpty() || !domains.heldBack(plan.domainAt(from), to - from)) {
      return false;
    }
    failed.add(new Chunk(0, from, to, null));
    return true;
  }

  synchronized void accepted(Chunk chunk, Task task) {
    acceptedChunks.add(chunk);
    acceptedTasks.add(task);
  }

  /** {@code chunk} was refused about its one {@code domain}: only that domain's later requests are held back. */
  synchronized void domainRefused(Chunk chunk, String domain, Refusal refusal) {
    failed.add(chunk);
    domains.refused(domain, refusal, chunk.number, chunk.to - chunk.from);
  }

  synchronized void failed(Chunk chunk, Stop why, boolean reached) {
    failed.add(chunk);
    stop(chunk, why, reached);
  }

  /** Records the first reason to stop; later ones only add their chunk to the failed ones. */
  synchronized void stop(Chunk chunk, Stop why, boolean reached) {
    if (stop == null) {
      stop = why;
      stoppedAt = chunk;
      earlierAttemptReached = reached;
    }
  }

  /**
   * The submission, or the exception that says where the job stood, once every sender is done: {@code position}
   * is where the hand-out stopped, {@code chunks} how many pieces it handed out.
   */
  synchronized Submission finish(int position, int chunks) {
    List<Task> tasks = tasksInOrder();
    String jobId = journal == null ? null : journal.id;
    int resent = settings.resumption == null ? 0 : settings.resumption.resentUrls;
    if (stop == null && !domains.isEmpty()) {
      // Every other domain's requests went through: the job ends refused, for the refused domains.
      stop = Stop.refused(domains.first());
      stoppedAt = null;
      earlierAttemptReached = domains.earlierAttemptMayHaveReached();
    }
    if (stop == null) {
      closeJournal(() -> journal.done());
      return new Submission(tasks, jobId, resent, new Waiting(settings, client)::await);
    }
    failed.sort(Comparator.comparingInt(c -> c.from));
    List<String> failedUrls = new ArrayList<>();
    for (Chunk chunk : failed) {
      failedUrls.addAll(plan.urls().subList(chunk.from, chunk.to));
    }
    List<String> unsent = plan.urls().subList(position, plan.urls().size());
    // Stopped with no request of its own to blame: for the refused domains, or before the next request.
    int number = stoppedAt != null ? stoppedAt.number : stop.reason == JournalFormat.StopReason.REFUSED
        ? domains.firstRequest() : chunks + 1;
    RefreshException.Progress progress = new RefreshException.Progress(tasks, failedUrls, unsent, number,
        Math.max(plan.requestCount(), chunks), jobId, resent, settings.directories)
        .withRefusedDomains(domains.list());
    RuntimeException bug = stop.bug();
    if (bug != null) {
      closeJournal(() -> journal.stop(stop.reason, null, String.valueOf(bug)));
      throw bug;
    }
    RefreshException e = stop.exception(progress, api, settings, quota.limit(), earlierAttemptReached);
    Instant returns = e instanceof QuotaExhaustedException ? ((QuotaExhaustedException) e).quotaReturns() : null;
    closeJournal(() -> journal.stop(stop.reason, returns, e.getMessage()));
    throw e;
  }

  private List<Task> tasksInOrder() {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < acceptedChunks.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingInt(i -> acceptedChunks.get(i).from));
    List<Task> tasks = new ArrayList<>(order.size());
    for (int i : order) {
      tasks.add(acceptedTasks.get(i));
    }
    return tasks;
  }

  private interface JournalStep {
    void write() throws IOException;
  }

  /**
   * Writes the journal's last line and closes it. A failure here cannot change what was sent: every send
   * was forced to disk before its request left, and a job whose last lines are missing reads as unfinished,
   * its unconfirmed requests as possibly sent, which a resume settles by sending them again.
   */
  private void closeJournal(JournalStep last) {
    if (journal == null) {
      return;
    }
    try {
      last.write();
    } catch (IOException e) {
      // See above: the worst outcome is URLs sent twice on resume, never a URL lost.
    } finally {
      try {
        journal.close();
      } catch (IOException e) {
        // Closing a channel whose lines were each forced on write loses nothing.
      }
    }
  }
}
