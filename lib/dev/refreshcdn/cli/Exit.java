package dev.refreshcdn.cli;

import dev.refreshcdn.TaskStatus;
import java.util.List;

/** The exit codes of {@code refresh-cdn}, as --help and the README list them. */
final class Exit {
  /** Every URL was submitted (and, with --wait, every task is done), or the dry run or query succeeded. */
  static final int OK = 0;
  /** An unexpected internal error. */
  static final int FAILURE = 1;
  /** A usage error, bad input or missing credentials: nothing was sent. */
  static final int USAGE = 2;
  /** The service refused a request. */
  static final int REFUSED = 3;
  /** No usable answer: network failure, timeout, an HTTP status other than 200, a malformed body. */
  static final int NO_ANSWER = 4;
  /** Stopped by the daily quota with URLs pending, recorded for {@code refresh-cdn resume}. */
  static final int PENDING = 5;
  /** After --wait, a task failed. */
  static final int TASK_FAILED = 6;
  /** --wait timed out with tasks still processing. */
  static final int WAIT_TIMEOUT = 7;

  private Exit() {}

  /** After --wait: {@link #TASK_FAILED} when a task failed, else {@link #WAIT_TIMEOUT} when one is not done, else OK. */
  static int of(List<TaskStatus> statuses) {
    boolean unfinished = false;
    for (TaskStatus status : statuses) {
      if (status.state() == TaskStatus.State.FAILED) {
        return TASK_FAILED;
      }
      unfinished |= status.state() != TaskStatus.State.DONE;
    }
    return unfinished ? WAIT_TIMEOUT : OK;
  }
}
