package dev.refreshcdn;

import dev.refreshcdn.internal.Beijing;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** What both API generations do alike with the task records they list. */
final class TaskRows {
  private TaskRows() {}

  /** Whole Beijing seconds that cover {@code since .. until}: since rounded down, until rounded up. */
  static String[] beijingRange(Instant since, Instant until) {
    Instant end = until.truncatedTo(ChronoUnit.SECONDS);
    return new String[] {Beijing.wall(since.truncatedTo(ChronoUnit.SECONDS)),
        Beijing.wall(end.equals(until) ? end : end.plusSeconds(1))};
  }

  /** FAILED if any part failed, else PROCESSING while any part is, else DONE. */
  static TaskStatus.State aggregate(List<TaskStatus.State> states) {
    if (states.isEmpty()) {
      return TaskStatus.State.UNKNOWN;
    }
    if (states.contains(TaskStatus.State.FAILED)) {
      return TaskStatus.State.FAILED;
    }
    return states.contains(TaskStatus.State.PROCESSING) ? TaskStatus.State.PROCESSING : TaskStatus.State.DONE;
  }
}
