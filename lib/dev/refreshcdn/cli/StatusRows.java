package dev.refreshcdn.cli;

import dev.refreshcdn.TaskStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Task statuses as shown, one row per task. API 2.0's GetCdnRefreshLog, asked for a time range, names no task and
 * lists one record per host of a task; refresh-cdn plans one domain a request, so each of its tasks is one record, and
 * records created in the same second are not merged (they are, as often as not, that many tasks of one job). A
 * prefetch task (API 3.0 only) carries its progress.
 */
final class StatusRows {
  final String taskId;
  final TaskStatus.State state;
  final List<String> urls;
  final String created;
  final OptionalInt percent;

  private StatusRows(TaskStatus status) {
    this.taskId = status.taskId();
    this.state = status.state();
    this.urls = status.urls();
    this.created = status.created();
    this.percent = status.percent();
  }

  /** One row per task of {@code statuses}, in their order. */
  static List<StatusRows> of(List<TaskStatus> statuses) {
    List<StatusRows> rows = new ArrayList<>();
    for (TaskStatus status : statuses) {
      rows.add(new StatusRows(status));
    }
    return rows;
  }
}
