package dev.refreshcdn;

import java.util.List;
import java.util.Objects;

/** A refresh task the service created for one request: its id, how many URLs it counted and which they were. */
public final class Task {
  private final String taskId;
  private final int count;
  private final List<String> urls;
  private final boolean prefetch;

  Task(String taskId, int count, List<String> urls) {
    this(taskId, count, urls, false);
  }

  Task(String taskId, int count, List<String> urls, boolean prefetch) {
    this.taskId = Objects.requireNonNull(taskId);
    this.count = count;
    this.urls = List.copyOf(urls);
    this.prefetch = prefetch;
  }

  /** The task id exactly as the service wrote it (a 19-digit number on the legacy API), never rounded. */
  public String taskId() {
    return taskId;
  }

  /** The number of URLs the service says it accepted ({@code data.count}). */
  public int count() {
    return count;
  }

  /** The URLs sent in the request that created this task, in the order sent. */
  public List<String> urls() {
    return urls;
  }

  /**
   * Whether the task prefetches its URLs ({@code PushUrlsCache}, {@link Refresh#prefetch()}) rather than purges them:
   * a job with {@link Refresh#purgeFirst} creates both kinds.
   */
  public boolean prefetch() {
    return prefetch;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Task)) {
      return false;
    }
    Task that = (Task) o;
    return taskId.equals(that.taskId) && count == that.count && urls.equals(that.urls)
        && prefetch == that.prefetch;
  }

  @Override
  public int hashCode() {
    return Objects.hash(taskId, count, urls, prefetch);
  }

  @Override
  public String toString() {
    return (prefetch ? "Prefetch task " : "Task ") + taskId + " (" + count + " URLs" + (urls.isEmpty() ? "" : ", first " + urls.get(0)) + ")";
  }
}
