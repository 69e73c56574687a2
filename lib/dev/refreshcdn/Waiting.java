package dev.refreshcdn;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Polls the status of submitted tasks until each is done or failed, backing off between polls: the
 * first wait is {@link #FIRST_INTERVAL}, each next one twice as long up to {@link #MAX_INTERVAL}, and
 * none runs past the deadline. A task with no id (the legacy {@code RefreshCdnDir} returns none)
 * cannot be asked about: it is {@link TaskStatus.State#UNKNOWN} at once.
 */
final class Waiting {
  /** The wait after the first poll; a purge takes about five minutes, so polling faster gains nothing. */
  static final Duration FIRST_INTERVAL = Duration.ofSeconds(2);
  /** The longest wait between two polls. */
  static final Duration MAX_INTERVAL = Duration.ofSeconds(30);

  private final Settings settings;
  private final HttpClient client;

  Waiting(Settings settings, HttpClient client) {
    this.settings = settings;
    this.client = client;
  }

  /** Each task's last known status, in the order of {@code tasks}; see {@link Submission#await}. */
  List<TaskStatus> await(List<Task> tasks, Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative: " + timeout);
    }
    long deadline = settings.ticker.getAsLong() + nanos(timeout);
    TaskStatus[] statuses = new TaskStatus[tasks.size()];
    boolean[] pending = new boolean[tasks.size()];
    for (int i = 0; i < statuses.length; i++) {
      Task task = tasks.get(i);
      statuses[i] = new TaskStatus(task.taskId(), TaskStatus.State.UNKNOWN, task.urls(), "");
      pending[i] = !task.taskId().isEmpty();
    }
    CdnApi api = null; // signed only when some task can be asked about
    Transport transport = null;
    Duration interval = FIRST_INTERVAL;
    while (true) {
      boolean anyPending = false;
      for (int i = 0; i < statuses.length; i++) {
        if (!pending[i]) {
          continue;
        }
        if (api == null) {
          api = CdnApis.of(settings).signedBy(settings.resolveCredentials());
          transport = Transport.forQuestions(settings, client, api.queryInterval());
        }
        CdnApi asked = api;
        Transport by = transport;
        Task task = tasks.get(i);
        TaskStatus status = Failures.call(api, () -> asked.poll(task, by));
        // A task the service has not recorded yet keeps the URLs it was submitted with.
        statuses[i] = status.state() == TaskStatus.State.UNKNOWN ? statuses[i] : status;
        pending[i] = !isFinal(status.state());
        anyPending |= pending[i];
      }
      long left = deadline - settings.ticker.getAsLong();
      if (!anyPending || left <= 0) {
        return List.copyOf(Arrays.asList(statuses));
      }
      sleep(left < interval.toNanos() ? Duration.ofNanos(left) : interval);
      interval = interval.multipliedBy(2).compareTo(MAX_INTERVAL) > 0 ? MAX_INTERVAL : interval.multipliedBy(2);
    }
  }

  static boolean isFinal(TaskStatus.State state) {
    return state == TaskStatus.State.DONE || state == TaskStatus.State.FAILED;
  }

  /** A timeout in nanoseconds, saturated: a timeout of centuries means "no timeout", not an overflow. */
  private static long nanos(Duration timeout) {
    return timeout.compareTo(Duration.ofDays(365L * 100)) > 0 ? Long.MAX_VALUE / 4 : timeout.toNanos();
  }

  private void sleep(Duration wait) {
    try {
      settings.sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NoAnswerException("interrupted while waiting to poll the task status", 0, null, false,
          RefreshException.Progress.NOTHING_SENT, e);
    }
  }
}
