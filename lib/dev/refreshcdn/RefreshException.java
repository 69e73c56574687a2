package dev.refreshcdn;

import java.util.List;

/**
 * The root of every failure this library reports. Nothing is lost when a job stops half-way: the
 * exception carries the tasks already created, the URLs of the request that failed and the URLs that
 * were never sent.
 */
public abstract class RefreshException extends RuntimeException {
  private final Progress progress;

  RefreshException(String message, Progress progress, Throwable cause) {
    super(message, cause);
    this.progress = progress;
  }

  /** The tasks created before the failure, in the order sent; empty when nothing was accepted. */
  public List<Task> tasks() {
    return progress.tasks;
  }

  /** The URLs of the request that failed; whether the service acted on them is told by the subtype. */
  public List<String> failedUrls() {
    return progress.failedUrls;
  }

  /** The URLs of the requests that were never sent because of this failure. */
  public List<String> unsentUrls() {
    return progress.unsentUrls;
  }

  /** The 1-based number of the request that failed within its plan; 0 when no request was involved. */
  public int requestNumber() {
    return progress.requestNumber;
  }

  /**
   * On a {@linkplain Refresh#resume resumed} job, how many URLs it sent again because the answer to an
   * earlier attempt was lost (see {@link Submission#resentUrls()}); 0 otherwise.
   */
  public int resentUrls() {
    return progress.resentUrls;
  }

  /**
   * The job this failure stopped, when it was submitted with a {@link Refresh#stateDir state directory}:
   * its journal holds everything above, and {@link Refresh#resume} sends what was not accepted.
   */
  public java.util.Optional<String> jobId() {
    return java.util.Optional.ofNullable(progress.jobId);
  }

  /** Where a job stood when it failed: immutable, shared by every exception type. */
  static final class Progress {
    static final Progress NOTHING_SENT = new Progress(List.of(), List.of(), List.of(), 0, 0);

    final List<Task> tasks;
    final List<String> failedUrls;
    final List<String> unsentUrls;
    /** 1-based number of the failed request, 0 when no request was involved. */
    final int requestNumber;
    final int requestCount;
    /** The journaled job, or null when the submission kept no journal. */
    final String jobId;
    final int resentUrls;
    /** Whether the job refreshes directories, for the words of its messages. */
    final boolean directories;

    Progress(List<Task> tasks, List<String> failedUrls, List<String> unsentUrls, int requestNumber, int requestCount) {
      this(tasks, failedUrls, unsentUrls, requestNumber, requestCount, null, 0, false);
    }

    Progress(List<Task> tasks, List<String> failedUrls, List<String> unsentUrls, int requestNumber, int requestCount,
        String jobId, int resentUrls, boolean directories) {
      this.jobId = jobId;
      this.directories = directories;
      this.resentUrls = resentUrls;
      this.tasks = List.copyOf(tasks);
      this.failedUrls = List.copyOf(failedUrls);
      this.unsentUrls = List.copyOf(unsentUrls);
      this.requestNumber = requestNumber;
      this.requestCount = requestCount;
    }

    /** The sentence that ends every job-failure message: what was created and what was not. */
    String summary() {
      int created = 0;
      for (Task task : tasks) {
        created += task.count();
      }
      return "; " + tasks.size() + (tasks.size() == 1 ? " task" : " tasks") + " created before it ("
          + Texts.count(created, directories) + "), " + count(failedUrls.size()) + " in the failed request, "
          + count(unsentUrls.size()) + " not sent";
    }

    /** {@code n} URLs or directories, as the job holds. */
    String count(long n) {
      return Texts.count(n, directories);
    }
  }
}
