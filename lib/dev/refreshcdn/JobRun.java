package dev.refreshcdn;

import dev.refreshcdn.Area.Quota;
import dev.refreshcdn.JobOutcome.Chunk;
import dev.refreshcdn.RefreshException.JournalException;
import dev.refreshcdn.RefreshException.MissingCredentialsException;
import dev.refreshcdn.Submission.Retry;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * What {@link Plan#submit()} does: asks the service for the quota that will be charged, opens the job's journal, counts
 * the daily quota, then hands the requests, in order, to one sender or up to {@link Refresh#parallel} of them, within
 * that quota, journaling each before and after it is sent. A planned request (the plan has already cut it to the
 * service's batch) is cut shorter when the quota has less left. The first failure stops new requests; those in flight
 * finish and are accounted for ({@link JobOutcome}). A refusal about a request's domain (each request holds one) stops
 * only that domain: its later requests are held back, the others go on, and the job ends refused, naming the domains.
 * A prefetch with {@link Refresh#purgeFirst} runs as two phases of one journaled job: the purge of the URLs, a wait
 * for its tasks ({@link PurgeFirst}), then their prefetch.
 */
final class JobRun {
  /** The job's plan; each phase cuts it to the service's batch. */
  private final Batches plan;
  /** The progress a stop before any request reports. */
  private final RefreshException.Progress nothingSent;
  private final Settings settings;
  /** The API generation of the job's kind, unsigned: it asks for the quota. */
  private final CdnApi api;
  private final HttpClient client;
  private final Consumer<? super Task> onTask;
  private final Consumer<? super Retry> onRetry;

  /** The job of the planned {@code batches}. */
  JobRun(Batches batches, RefreshException.Progress nothingSent, Settings settings, CdnApi api, HttpClient client,
      Consumer<? super Task> onTask, Consumer<? super Retry> onRetry) {
    this.plan = batches;
    this.nothingSent = nothingSent;
    this.settings = settings;
    this.api = api;
    this.client = client;
    this.onTask = onTask;
    this.onRetry = onRetry;
  }

  /**
   * Runs the job; a two-phase one then prefetches through {@code warm}, which plans the prefetch of the job's URLs
   * (see {@link Plan}) and runs it with {@link #phase}.
   */
  Submission submit(int batchSize, WarmPhase warm) {
    Credentials credentials;
    try {
      credentials = settings.resolveCredentials();
    } catch (MissingCredentialsException e) {
      throw new MissingCredentialsException(e, nothingSent);
    }
    Duration purgeWait = settings.prefetch == null ? null : settings.prefetch.purgeFirst;
    // A fresh two-phase job, or one resumed in its purge phase, purges first.
    Settings first = purgeWait == null ? settings : settings.with(s -> s.prefetch = null);
    CdnApi firstApi = purgeWait == null ? api : CdnApis.of(first);
    Quota service = chargedQuota(first, firstApi, credentials, null);
    Journal journal;
    try {
      journal = settings.resumption != null ? Journal.reopen(settings, settings.resumption)
          : settings.stateDir != null ? Journal.create(settings, plan.urls(), batchSize, credentials) : null;
    } catch (IOException e) {
      throw new JournalException("cannot record the job in " + settings.stateDir, e, nothingSent);
    }
    Submission purged = run(first, firstApi, batchSize, credentials, journal, service);
    if (purgeWait == null) {
      return purged;
    }
    return new PurgeFirst(settings, client, journal).prefetch(purged, purgeWait, plan.urls(),
        (prefetch, urls) -> warm.run(prefetch, urls, credentials, journal));
  }

  /** The second phase, journaled into the first one's journal. */
  Submission phase(Credentials credentials, Journal journal) {
    Quota service = chargedQuota(settings, api, credentials, journal);
    return run(settings, api, Limits.MAX_PUSH_BATCH_SIZE, credentials, journal, service);
  }

  /**
   * The service's quota for this kind of job, or null (see {@link CdnApi#chargedQuota}); a refusal stops the job
   * with nothing sent, recorded in {@code journal} when the job already has one (a second phase).
   */
  private Quota chargedQuota(Settings kind, CdnApi kindApi, Credentials credentials, Journal journal) {
    try {
      return kindApi.signedBy(credentials).chargedQuota(plan.urls(), client);
    } catch (Refusal refusal) {
      RefusedException e = Failures.quotaRefused(kindApi, refusal, nothingSent);
      if (journal != null) {
        try (Journal closing = journal) {
          closing.stop(JournalFormat.StopReason.REFUSED, null, e.getMessage());
        } catch (IOException unrecorded) {
          e.addSuppressed(unrecorded);
        }
      }
      throw e;
    }
  }

  /** One phase: the daily quota of its kind, then the requests, journaled in {@code journal}. */
  private Submission run(Settings kind, CdnApi kindApi, int batchSize, Credentials credentials, Journal journal,
      Quota service) {
    QuotaLedger ledger = kind.stateDir == null ? null
        : new QuotaLedger(kind.stateDir, credentials.secretId(), kind.kind());
    String jobId = journal == null ? null : journal.id;
    DailyQuota quota;
    if (kind.dailyQuota != null) {
      quota = new DailyQuota(kind, ledger, jobId, kind.dailyQuota, -1);
    } else if (service != null) {
      quota = new DailyQuota(kind, ledger, jobId, service.total(), service.available());
    } else {
      // The service would not say: on API 3.0 the documented quota of one area bounds this job alone; the
      // ledger, which cannot tell areas apart, only records, so jobs of two areas never hold each other back.
      int documented = kind.dailyQuotaOrDefault();
      quota = new DailyQuota(kind, ledger, jobId, documented, kindApi.availableUnasked(documented));
    }
    int chunkSize = Math.max(1, Math.min(batchSize, service != null ? service.batch() : kind.safeBatchSize()));
    return new Phase(plan.cutTo(chunkSize), kind, kindApi, credentials, journal, quota)
        .send(kindApi.signedBy(credentials));
  }

  /** Plans and runs the prefetch phase: its settings, the job's whole list of URLs, the job's key pair and journal. */
  interface WarmPhase {
    Submission run(Settings prefetch, List<String> urls, Credentials credentials, Journal journal);
  }

  /**
   * One phase being sent (a job has one, a purge-then-prefetch two): its plan cut to the service's batch, its settings
   * and API generation, and what it counts, journals and records; the listeners and the HTTP client are the job's.
   */
  private final class Phase {
    private final Batches plan;
    private final Settings settings;
    /** The API generation, unsigned: it signs each sender's copy. */
    private final CdnApi api;
    private final Credentials credentials;
    private final Journal journal;
    private final DailyQuota quota;
    private final JobOutcome outcome;
    private final Pacer pacer;
    private final IntSupplier nonces;
    private final Object listenerLock = new Object();

    // Guarded by outcome, the one lock of handing out and accounting.
    private int request;
    private int position;
    private int chunks;
    /** Whether the caller's thread was interrupted while it waited for the senders; restored on the way out. */
    private boolean interrupted;

    Phase(Batches plan, Settings settings, CdnApi api, Credentials credentials, Journal journal, DailyQuota quota) {
      this.plan = plan;
      this.settings = settings;
      this.api = api;
      this.credentials = credentials;
      this.journal = journal;
      this.quota = quota;
      this.outcome = new JobOutcome(plan, settings, api, client, journal, quota);
      this.pacer = new Pacer(settings);
      this.nonces = settings.nonceSource();
    }

    /** Sends everything, or stops at the first failure; {@code first} is the already-built signer of thread one. */
    private Submission send(CdnApi first) {
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
        return outcome.finish(position, chunks);
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
          // No new request starts; those in flight are abandoned, as with one sender, and journaled before this
          // returns.
          interrupted = true;
          outcome.stop(null, Stop.noAnswer(new Unanswered("interrupted: the requests in flight were abandoned", 0, null,
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
    private Chunk next() {
      synchronized (outcome) { // one lock with the accounting: no answer is recorded mid-hand-out
        // The requests of domains already refused are skipped: they would be refused too, and stay pending.
        while (position < plan.urls().size() && outcome.heldBack(position, plan.requestEnd(request))) {
          position = plan.requestEnd(request++);
        }
        if (outcome.stopped() || position == plan.urls().size()) {
          return null;
        }
        if (Thread.currentThread().isInterrupted()) { // e.g. while the task listener ran: no request starts after it
          outcome.stop(null, Stop.noAnswer(new Unanswered("interrupted before sending", 0, null, false, null)), false);
          return null;
        }
        int end = plan.requestEnd(request); // the plan's requests are already cut to the service's batch
        DailyQuota.Grant grant;
        try {
          grant = quota.take(end - position);
        } catch (IOException e) {
          outcome.stop(null, Stop.journal(e), false);
          return null;
        }
        if (grant.count == 0) {
          outcome.stop(null, Stop.quota(null), false);
          return null;
        }
        Chunk chunk = new Chunk(++chunks, position, position + grant.count, grant);
        try {
          if (journal != null) {
            journal.sending(chunk.number, chunk.from, chunk.to);
          }
        } catch (IOException e) {
          giveBackQuietly(chunk);
          outcome.stop(null, Stop.journal(e), false);
          return null;
        }
        position = chunk.to;
        if (position == plan.requestEnd(request)) {
          request++;
        }
        return chunk;
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
      synchronized (outcome) {
        outcome.accepted(chunk, task);
        if (unrecorded != null) {
          outcome.stop(chunk, Stop.journal(unrecorded), false);
        }
      }
      synchronized (listenerLock) {
        try {
          onTask.accept(task);
        } catch (RuntimeException e) {
          outcome.stop(chunk, Stop.stopped(e), false);
        }
      }
    }

    /** Tells the retry listener, one call at a time like the task listener; if it throws, the job stops. */
    private void retrying(Retry retry) {
      synchronized (listenerLock) {
        try {
          onRetry.accept(retry);
        } catch (RuntimeException e) {
          outcome.stop(null, Stop.stopped(e), false);
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
        outcome.failed(chunk, Stop.journal(e), false);
        return;
      }
      String domain = refusal.aboutDomain && !dailyQuota ? domainOf(chunk) : null;
      if (domain != null) {
        outcome.domainRefused(chunk, domain, refusal);
        return;
      }
      outcome.failed(chunk, dailyQuota ? Stop.quota(refusal) : Stop.refused(refusal),
          refusal.earlierAttemptMayHaveReached);
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
        outcome.failed(chunk, Stop.journal(e), false);
        return;
      }
      outcome.failed(chunk, Stop.noAnswer(failure), failure.mayHaveReachedService);
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
      outcome.failed(chunk, Stop.internal(bug), true);
    }

    private void giveBackQuietly(Chunk chunk) {
      try {
        quota.giveBack(chunk.grant);
      } catch (IOException e) {
        // The journal already failed and stops the job; an over-counted ledger only costs quota, never data.
      }
    }
  }
}
