package dev.refreshcdn;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import dev.refreshcdn.internal.Texts;

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
      List<TaskStatus> statuses = purged.await(wait);
      urls = journal != null ? journal.jobUrls() : planned;
      String why = why(statuses, wait);
      if (!why.isEmpty()) {
        throw NoAnswerException.between(why + ", so nothing was prefetched (it would warm the old copies)",
            new RefreshException.Progress(purged.tasks(), List.of(), urls, 0, 0,
                journal == null ? null : journal.id, 0, false));
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

  /**
   * {@code purge task 12 failed}, {@code purge tasks 12 and 13 are not done after 10m}, both joined by
   * "; "; empty when every purge task is done.
   */
  private static String why(List<TaskStatus> statuses, Duration wait) {
    List<String> failed = new ArrayList<>();
    List<String> unfinished = new ArrayList<>();
    for (TaskStatus status : statuses) {
      if (status.state() == TaskStatus.State.FAILED) {
        failed.add(status.taskId());
      } else if (status.state() != TaskStatus.State.DONE) {
        unfinished.add(status.taskId());
      }
    }
    List<String> parts = new ArrayList<>();
    if (!failed.isEmpty()) {
      parts.add(tasks(failed) + " failed");
    }
    if (!unfinished.isEmpty()) {
      parts.add(tasks(unfinished) + (unfinished.size() == 1 ? " is" : " are") + " not done after "
          + Texts.duration(wait));
    }
    return String.join("; ", parts);
  }

  /** {@code purge task 12}, {@code purge tasks 12 and 13}, {@code purge tasks 12, 13 and 14}. */
  private static String tasks(List<String> ids) {
    int last = ids.size() - 1;
    return (last == 0 ? "purge task " : "purge tasks ") + (last == 0 ? ids.get(0)
        : String.join(", ", ids.subList(0, last)) + " and " + ids.get(last));
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
