package dev.refreshcdn;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/** What the service says about one refresh task: its state and the URLs (or directories) it covers. */
public final class TaskStatus {
  /** A task's progress as the service reports it. */
  public enum State {
    /** Still being applied ({@code status} 0 on the legacy API, {@code process} on API 3.0). */
    PROCESSING,
    /** Applied everywhere ({@code status} 1, {@code done}). */
    DONE,
    /** Failed (a negative {@code status}, {@code fail}; a prefetch's {@code invalid}). */
    FAILED,
    /** The service has no record of the task (yet). */
    UNKNOWN
  }

  private final String taskId;
  private final State state;
  private final List<String> urls;
  private final String created;
  /** 0 to 100; -1 for a purge task, which reports none. */
  private final int percent;

  TaskStatus(String taskId, State state, List<String> urls, String created) {
    this(taskId, state, urls, created, -1);
  }

  TaskStatus(String taskId, State state, List<String> urls, String created, int percent) {
    this.percent = percent;
    this.taskId = Objects.requireNonNull(taskId);
    this.state = Objects.requireNonNull(state);
    this.urls = List.copyOf(urls);
    this.created = created == null ? "" : created;
  }

  /** The task id; empty for a legacy record found by time range, which does not name its task. */
  public String taskId() {
    return taskId;
  }

  /** The task's state: FAILED if any of its URLs failed, else PROCESSING while any is, else DONE. */
  public State state() {
    return state;
  }

  /** The URLs (or directories) the service lists for the task. */
  public List<String> urls() {
    return urls;
  }

  /** When the task was created, as the service wrote it, e.g. {@code 2018-07-30 18:10:53} (Beijing time). */
  public String created() {
    return created;
  }

  /**
   * How far a prefetch task got, 0 to 100 ({@code Percent} of {@code DescribePushTasks}, averaged over its URLs);
   * empty for a purge task, which reports no progress.
   */
  public OptionalInt percent() {
    return percent < 0 ? OptionalInt.empty() : OptionalInt.of(percent);
  }

  @Override
  public String toString() {
    return "TaskStatus " + (taskId.isEmpty() ? "(no id)" : taskId) + ": " + state
        + (percent < 0 ? "" : " " + percent + "%") + ", " + urls.size() + " URLs"
        + (created.isEmpty() ? "" : ", created " + created);
  }
}
