package dev.refreshcdn;

import dev.refreshcdn.RefreshException.QuotaExhaustedException;
import dev.refreshcdn.Submission.Retry;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * One submission of a plan: hands its requests, in order, to one sender or up to
 * {@link Refresh#parallel} of them, within the daily quota, journaling each before and after it is sent.
 * A planned request (the plan has already cut it to the service's batch) is cut shorter when the quota has less left.
 * The first failure stops new requests; those in flight finish and are accounted for. A refusal about a request's
 * domain (each request holds one) stops only that domain: its later requests are held back, the others go on, and
 * the job ends refused, naming the domains.
 */
final class JobRun {
  /** A piece of the plan handed to a sender: plan positions {@code [from, to)} and the quota taken for them. */
  private static final class Chunk {
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
  private final Credentials credentials;
  private final HttpClient client;
  private final Consumer<? super Task> onTask;
  private final Consumer<? super Retry> onRetry;
  private final Journal journal;
  private final DailyQuota quota;
  private final Pacer pacer;
  private final IntSupplier nonces;
  private final Object listenerLock = new Object();

  // Guarded by this.
  private int request;
  private int position;
  private int chunks;
  /** Why the job stopped early; the first one wins. */
  private Stop stop;
  private Chunk stoppedAt;
  private boolean earlierAttemptReached;
  /** Whether the caller's thread was interrupted while it waited for the senders; restored on the way out. */
  private boolean interrupted;
  private final List<Chunk> acceptedChunks = new ArrayList<>();
  private final List<Task> acceptedTasks = new ArrayList<>();
  private final List<Chunk> failed = new ArrayList<>();
  private final DomainRefusals domains = new DomainRefusals();

  JobRun(Batches plan, Settings settings, CdnApi api, Credentials credentials, HttpClient client,
      Consumer<? super Task> onTask, Consumer<? super Retry> onRetry, Journal journal, DailyQuota quota) {
    this.onRetry = onRetry;
    this.api = api;
    this.credentials = credentials;
    this.plan = plan;
    this.settings = settings;
    this.client = client;
    this.onTask = onTask;
    this.journal = journal;
    this.quota = quota;
    this.pacer = new Pacer(settings);
    this.nonces = settings.nonceSource();
  }

  /** Sends everything, or stops at the first failure; {@code first} is the already-built signer of thread one. */
  Submission run(CdnApi first) {
    int threads = Math.min(settings.parallel, plan.requestCount());
    if (threads <= 1) {
      work(first);
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
        Thread thread = new Thread(runnable, "refresh-cdn-sender");
        thread.setDaemon(true);
        return thread;
      });
      try {
        List<Future<?>> workers = new ArrayList<>();
        workers.add(pool.submit(() -> work(first)));
        for (int i = 1; i < threads; i++) {
          workers.add(pool.submit(() -> work(api.signedBy(credentials))));
        }
        for (Future<?> worker : workers) {
          join(worker, pool);
        }
      } finally {
        pool.shutdownNow();
      }
    }
    try {
      return finish();
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void join(Future<?> worker, ExecutorService pool) {
    while (true) {
      try {
        worker.get();
        return;
      } catch (InterruptedException e) {
        // No new request starts; those in flight are abandoned, as with one sender, and journaled before this returns.
        interrupted = true;
        stop(null, Stop.noAnswer(new Unanswered("interrupted: the requests in flight were abandoned", 0, null,
            true, e)), false);
        pool.shutdownNow();
      } catch (ExecutionException e) {
        throw new IllegalStateException("a sender failed outside its own accounting", e.getCause());
      }
    }
  }

  /** One sender's loop: take the next piece of the plan, send it, record what happened. */
  private void work(CdnApi signer) {
    Transport transport = new Transport(settings, client, pacer, nonces);
    for (Chunk chunk = next(); chunk != null; chunk = next()) {
      List<String> urls = plan.urls().subList(chunk.from, chunk.to);
      try {
        Task task = transport.ask(signer.purgeOf(urls), chunk.number, this::retrying);
        accepted(chunk, task);
      } catch (Refusal refusal) {
        refused(chunk, refusal);
      } catch (Unanswered failure) {
        noAnswer(chunk, failure);
      } catch (RuntimeException bug) {
        internal(chunk, bug);
      }
    }
  }

  /** The next piece to send, journaled as sent; null when everything is handed out or the job is stopping. */
  private synchronized Chunk next() {
    holdBackRefusedDomains();
    if (stop != null || position == plan.urls().size()) {
      return null;
    }
    if (Thread.currentThread().isInterrupted()) { // e.g. while the task listener ran: no request starts after it
      stop(null, Stop.noAnswer(new Unanswered("interrupted before sending", 0, null, false, null)), false);
      return null;
    }
    int end = plan.requestEnd(request); // the plan's requests are already cut to the service's batch
    DailyQuota.Grant grant;
    try {
      grant = quota.take(end - position);
    } catch (IOException e) {
      stop(null, Stop.journal(e), false);
      return null;
    }
    if (grant.count == 0) {
      stop(null, Stop.quota(null), false);
      return null;
    }
    Chunk chunk = new Chunk(++chunks, position, position + grant.count, grant);
    try {
      if (journal != null) {
        journal.sending(chunk.number, chunk.from, chunk.to);
      }
    } catch (IOException e) {
      giveBackQuietly(chunk);
      stop(null, Stop.journal(e), false);
      return null;
    }
    position = chunk.to;
    if (position == plan.requestEnd(request)) {
      request++;
    }
    return chunk;
  }

  /** Skips the requests of domains already refused: they would be refused too. They stay pending. */
  private void holdBackRefusedDomains() {
    while (stop == null && !domains.isEmpty() && position < plan.urls().size()
        && domains.heldBack(plan.domainAt(position), plan.requestEnd(request) - position)) {
      failed.add(new Chunk(0, position, plan.requestEnd(request), null));
      position = plan.requestEnd(request++);
    }
  }

  private void accepted(Chunk chunk, Task task) {
    IOException unrecorded = null;
    try {
      if (journal != null) {
        journal.accepted(chunk.from, chunk.to, task);
      }
    } catch (IOException e) {
      unrecorded = e;
    }
    synchronized (this) {
      acceptedChunks.add(chunk);
      acceptedTasks.add(task);
      if (unrecorded != null) {
        stop(chunk, Stop.journal(unrecorded), false);
      }
    }
    synchronized (listenerLock) {
      try {
        onTask.accept(task);
      } catch (RuntimeException e) {
        stop(chunk, Stop.stopped(e), false);
      }
    }
  }

  /** Tells the retry listener, one call at a time like the task listener; if it throws, the job stops. */
  private void retrying(Retry retry) {
    synchronized (listenerLock) {
      try {
        onRetry.accept(retry);
      } catch (RuntimeException e) {
        stop(null, Stop.stopped(e), false);
      }
    }
  }

  private void refused(Chunk chunk, Refusal refusal) {
    boolean dailyQuota = refusal.dailyQuota;
    try {
      if (dailyQuota) {
        quota.exhaust(chunk.grant);
      } else if (!refusal.earlierAttemptMayHaveReached) {
        quota.giveBack(chunk.grant);
      }
      if (journal != null) {
        journal.refused(chunk.from, chunk.to, refusal.code, refusal.message, dailyQuota,
            refusal.earlierAttemptMayHaveReached);
      }
    } catch (IOException e) {
      failed(chunk, Stop.journal(e), false);
      return;
    }
    String domain = refusal.aboutDomain && !dailyQuota ? domainOf(chunk) : null;
    if (domain != null) {
      synchronized (this) {
        failed.add(chunk);
        domains.refused(domain, refusal, chunk.number, chunk.to - chunk.from);
      }
      return;
    }
    failed(chunk, dailyQuota ? Stop.quota(refusal) : Stop.refused(refusal), refusal.earlierAttemptMayHaveReached);
  }

  /** The one domain of a chunk's URLs; null if they had two (a plan always cuts at domains, so never). */
  private String domainOf(Chunk chunk) {
    String domain = plan.domainAt(chunk.from);
    return domain.equals(plan.domainAt(chunk.to - 1)) ? domain : null;
  }

  private void noAnswer(Chunk chunk, Unanswered failure) {
    try {
      if (!failure.mayHaveReachedService) {
        quota.giveBack(chunk.grant);
      }
      if (journal != null) {
        journal.noAnswer(chunk.from, chunk.to, failure.mayHaveReachedService, failure.getMessage());
      }
    } catch (IOException e) {
      failed(chunk, Stop.journal(e), false);
      return;
    }
    failed(chunk, Stop.noAnswer(failure), failure.mayHaveReachedService);
  }

  /**
   * Something failed that should not (a bug, a broken nonce source): the job stops, the request counts as
   * possibly sent, so a resume sends it again, and the exception reaches the caller once every sender is done.
   */
  private void internal(Chunk chunk, RuntimeException bug) {
    try {
      if (journal != null) {
        journal.noAnswer(chunk.from, chunk.to, true, "internal error: " + bug);
      }
    } catch (IOException e) {
      bug.addSuppressed(e);
    }
    failed(chunk, Stop.internal(bug), true);
  }

  private synchronized void failed(Chunk chunk, Stop why, boolean reached) {
    failed.add(chunk);
    stop(chunk, why, reached);
  }

  /** Records the first reason to stop; later ones only add their chunk to the failed ones. */
  private synchronized void stop(Chunk chunk, Stop why, boolean reached) {
    if (stop == null) {
      stop = why;
      stoppedAt = chunk;
      earlierAttemptReached = reached;
    }
  }

  private void giveBackQuietly(Chunk chunk) {
    try {
      quota.giveBack(chunk.grant);
    } catch (IOException e) {
      // The journal already failed and stops the job; an over-counted ledger only costs quota, never data.
    }
  }

  /** The submission, or the exception that says where the job stood. */
  private synchronized Submission finish() {
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
