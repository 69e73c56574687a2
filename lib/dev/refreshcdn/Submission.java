package dev.refreshcdn;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What {@link Plan#submit()} created: one {@link Task} for each request, in the order sent. */
public final class Submission {
  private final List<Task> tasks;
  private final String jobId;
  private final int resentUrls;
  /** Asks the service about tasks, with the plan's settings and client; null in tests that build a bare one. */
  private final Waiting waiting;

  Submission(List<Task> tasks, String jobId, int resentUrls, Waiting waiting) {
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
   * On a {@linkplain Refresh#resume resumed} job, how many URLs were sent again because an earlier attempt
   * may have reached the service with no answer recorded (a lost answer, a crash or a kill mid-request):
   * the service may have refreshed them twice, which costs quota only. 0 otherwise.
   */
  public int resentUrls() {
    return resentUrls;
  }

  /**
   * Polls the service ({@code GetCdnRefreshLog}, or {@code DescribePurgeTasks} on API 3.0) until every
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
    return waiting.await(tasks, timeout);
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
    return "Submission: " + tasks.size() + " tasks, " + urlCount() + " URLs " + tasks;
  }
}
