package dev.refreshcdn;

import dev.refreshcdn.internal.Texts;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/** What {@link Plan#submit()} created: one {@link Task} for each request, in the order sent. */
public final class Submission {
  private final List<Task> tasks;
  private final String jobId;
  private final int resentUrls;
  /** Polls the tasks' status until final or the timeout (the submission's client); null when nothing to wait for. */
  private final BiFunction<List<Task>, Duration, List<TaskStatus>> waiting;

  Submission(List<Task> tasks, String jobId, int resentUrls,
      BiFunction<List<Task>, Duration, List<TaskStatus>> waiting) {
    this.tasks = List.copyOf(tasks);
    this.jobId = jobId;
    this.resentUrls = resentUrls;
    this.waiting = waiting;
  }

  /** The job's id in the state directory, when it was submitted with {@link Refresh#stateDir}. */
  public Optional<String> jobId() {
    return Optional.ofNullable(jobId);
  }

  /**
   * On a {@linkplain JobStore#resume resumed} job, how many URLs were sent again because an earlier attempt
   * may have reached the service with no answer recorded (a lost answer, a crash or a kill mid-request):
   * the service may have refreshed them twice, which costs quota only. 0 otherwise.
   */
  public int resentUrls() {
    return resentUrls;
  }

  /**
   * Polls the service ({@code GetCdnRefreshLog}, or {@code DescribePurgeTasks} on API 3.0, {@code DescribePushTasks}
   * for a {@linkplain Refresh#prefetch() prefetch}) until every
   * task is done or failed, or {@code timeout} has passed, waiting longer between polls as it goes.
   * Returns each task's last known status, in the order of {@link #tasks()}; a task still
   * {@link TaskStatus.State#PROCESSING} or {@link TaskStatus.State#UNKNOWN} means the timeout came first.
   *
   * @throws RefusedException when the service refuses a status query
   * @throws NoAnswerException when a status query gets no usable answer
   */
  public List<TaskStatus> await(Duration timeout) {
    if (waiting == null) {
      throw new IllegalStateException("this submission was not made by Plan.submit");
    }
    return waiting.apply(tasks, timeout);
  }

  /** The tasks created, one per request, in the order the requests were sent. */
  public List<Task> tasks() {
    return tasks;
  }

  /** The number of URLs the service accepted across all tasks. */
  public int urlCount() {
    int sum = 0;
    for (Task task : tasks) {
      sum += task.count();
    }
    return sum;
  }

  @Override
  public String toString() {
    return "Submission: " + Texts.plural(tasks.size(), "task") + ", " + Texts.count(urlCount(), false) + " " + tasks;
  }

  /**
   * A request about to be sent again after a failure that may pass (a network error, a timeout, HTTP 5xx or
   * 429, a busy service), as told to the retry listener of {@link Plan#submit(java.util.function.Consumer,
   * java.util.function.Consumer)}.
   */
  public static final class Retry {
    private final int request;
    private final int attempt;
    private final Duration delay;
    private final String reason;

    Retry(int request, int attempt, Duration delay, String reason) {
      this.request = request;
      this.attempt = attempt;
      this.delay = delay;
      this.reason = reason;
    }

    /** The 1-based number of the request in this submission. */
    public int request() {
      return request;
    }

    /** The attempt about to be made: 2 for the first retry. */
    public int attempt() {
      return attempt;
    }

    /** How long the sender waits before it: backoff with jitter, at least what a {@code Retry-After} asked. */
    public Duration delay() {
      return delay;
    }

    /** What failed, e.g. {@code HTTP 503} or {@code code 6000, message "…"}; never a secret. */
    public String reason() {
      return reason;
    }

    @Override
    public String toString() {
      return "Retry of request " + request + " (attempt " + attempt + ") in " + delay.toMillis() + " ms after " + reason;
    }
  }
}
