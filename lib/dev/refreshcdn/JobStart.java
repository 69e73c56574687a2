package dev.refreshcdn;

import dev.refreshcdn.Area.Quota;
import dev.refreshcdn.RefreshException.JournalException;
import dev.refreshcdn.RefreshException.MissingCredentialsException;
import dev.refreshcdn.Submission.Retry;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * What {@link Plan#submit()} does: asks the service for the quota that will be charged, opens the job's journal,
 * counts the daily quota and runs the job ({@link JobRun}). A prefetch with {@link Refresh#purgeFirst} runs as two
 * phases of one journaled job: the purge of the URLs, a wait for its tasks, then their prefetch.
 */
final class JobStart {
  private final Batches batches;
  private final RefreshException.Progress nothingSent;
  private final Settings settings;
  private final CdnApi api;
  private final HttpClient client;
  private final Consumer<? super Task> onTask;
  private final Consumer<? super Retry> onRetry;

  /** For the planned {@code batches}; {@code nothingSent} is the progress a stop before any request reports. */
  JobStart(Batches batches, RefreshException.Progress nothingSent, Settings settings, CdnApi api, HttpClient client,
      Consumer<? super Task> onTask, Consumer<? super Retry> onRetry) {
    this.batches = batches;
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
          : settings.stateDir != null ? Journal.create(settings, batches.urls(), batchSize, credentials) : null;
    } catch (IOException e) {
      throw new JournalException("cannot record the job in " + settings.stateDir, e, nothingSent);
    }
    Submission purged = run(first, firstApi, batches, batchSize, credentials, journal, service);
    if (purgeWait == null) {
      return purged;
    }
    return new PurgeFirst(settings, client, journal).prefetch(purged, purgeWait, batches.urls(),
        (prefetch, urls) -> warm.run(prefetch, urls, credentials, journal));
  }

  /** The second phase, journaled into the first one's journal. */
  Submission phase(Credentials credentials, Journal journal) {
    Quota service = chargedQuota(settings, api, credentials, journal);
    return run(settings, api, batches, Limits.MAX_PUSH_BATCH_SIZE, credentials, journal, service);
  }

  /**
   * The service's quota for this kind of job, or null (see {@link CdnApi#chargedQuota}); a refusal stops the job
   * with nothing sent, recorded in {@code journal} when the job already has one (a second phase).
   */
  private Quota chargedQuota(Settings kind, CdnApi kindApi, Credentials credentials, Journal journal) {
    try {
      return kindApi.signedBy(credentials).chargedQuota(batches.urls(), client);
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
  private Submission run(Settings kind, CdnApi kindApi, Batches batches, int batchSize, Credentials credentials,
      Journal journal, Quota service) {
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
    return new JobRun(batches.cutTo(chunkSize), kind, kindApi, credentials, client, onTask, onRetry, journal, quota)
        .run(kindApi.signedBy(credentials));
  }

  /** Plans and runs the prefetch phase: its settings, the job's whole list of URLs, the job's key pair and journal. */
  interface WarmPhase {
    Submission run(Settings prefetch, List<String> urls, Credentials credentials, Journal journal);
  }
}
