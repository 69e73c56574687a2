package dev.refreshcdn;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Between the two phases of a purge-then-prefetch job: waits for the purge tasks, then hands the job's whole list
 * of URLs to the prefetch phase. A prefetch that ran before the purge took effect would warm the old copies, so a
 * purge task that failed, or was not done in time, stops the job here; its journal then holds the prefetch phase
 * pending, and a resume prefetches.
 */
final class PurgeFirst {
  private final Settings settings;
  private final HttpClient client;
  /** The job's journal, already in its prefetch phase ({@link Journal#done()} of the purge phase); or null. */
  private final Journal journal;

  PurgeFirst(Settings settings, HttpClient client, Journal journal) {
    this.settings = settings;
    this.client = client;
    this.journal = journal;
  }

  /** Waits up to {@code wait} for {@code purged}'s tasks, then runs {@code phase} on the job's URLs. */
  Submission prefetch(Submission purged, Duration wait, List<String> planned, Phase phase) {
    List<String> urls;
    try {
      List<String> unfinished = new ArrayList<>();
      for (TaskStatus status : purged.await(wait)) {
        if (status.state() != TaskStatus.State.DONE) {
          unfinished.add(status.taskId() + " " + status.state().name().toLowerCase(java.util.Locale.ROOT));
        }
      }
      urls = journal != null ? journal.jobUrls() : planned;
      if (!unfinished.isEmpty()) {
        throw new NoAnswerException("the purge is not done after " + wait.getSeconds() + " s ("  + String.join(", ",
            unfinished) + "), so nothing was prefetched"
            + (journal == null ? "" : ": `refresh-cdn resume " + journal.id + "` prefetches"), 0, null, false,
            new RefreshException.Progress(purged.tasks(), List.of(), urls, 0, 0,
                journal == null ? null : journal.id, 0, false), null);
      }
    } catch (RefreshException | IOException e) {
      RuntimeException thrown = e instanceof RefreshException ? (RefreshException) e
          : new RefreshException.JournalException("cannot read the job's URLs in " + settings.stateDir,
              (IOException) e, RefreshException.Progress.NOTHING_SENT);
      stop(thrown);
      throw thrown;
    }
    Settings prefetch = settings.with(s -> {
      s.prefetch = s.prefetch.withoutPurge();
      s.resumption = null;
      s.batchSize = 0;
    });
    return phase.run(prefetch, urls);
  }

  /** Records why the job stopped between its phases, and closes its journal. */
  private void stop(RuntimeException why) {
    if (journal == null) {
      return;
    }
    try (Journal closing = journal) {
      closing.stop(JournalFormat.StopReason.PURGE_WAIT, null, why.getMessage());
    } catch (IOException e) {
      why.addSuppressed(e);
    }
  }

  /** The prefetch phase, given the settings it runs with and the job's whole list of URLs. */
  interface Phase {
    Submission run(Settings prefetch, List<String> urls);
  }
}
