package dev.refreshcdn.cli;

import dev.refreshcdn.TaskStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Task statuses as shown, one row per task. API 2.0's GetCdnRefreshLog, asked for a time range, lists one record per
 * host of a task and names no task: its records created in the same second are one task (as {@code status --task}
 * shows it), so they are one row, its state FAILED if any part failed, else PROCESSING while any part is. A
 * prefetch task (API 3.0 only, never merged) carries its progress.
 */
final class StatusRows {
  final String taskId;
  final TaskStatus.State state;
  final List<String> urls;
  final String created;
  final OptionalInt percent;

  private StatusRows(String taskId, TaskStatus.State state, List<String> urls, String created, OptionalInt percent) {
    this.taskId = taskId;
    this.state = state;
    this.urls = urls;
    this.created = created;
    this.percent = percent;
  }

  /** One row per task of {@code statuses}, in their order. */
  static List<StatusRows> of(List<TaskStatus> statuses) {
    List<StatusRows> rows = new ArrayList<>();
    for (TaskStatus status : statuses) {
      StatusRows last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
      if (last != null && status.taskId().isEmpty() && last.taskId.isEmpty() && !status.created().isEmpty()
          && status.created().equals(last.created)) {
        List<String> urls = new ArrayList<>(last.urls);
        urls.addAll(status.urls());
        rows.set(rows.size() - 1, new StatusRows("", worse(last.state, status.state()), urls, last.created,
            OptionalInt.empty()));
      } else {
        rows.add(new StatusRows(status.taskId(), status.state(), status.urls(), status.created(), status.percent()));
      }
    }
    return rows;
  }

  /** FAILED over PROCESSING over UNKNOWN over DONE: what the task as a whole is. */
  private static TaskStatus.State worse(TaskStatus.State a, TaskStatus.State b) {
    List<TaskStatus.State> order = List.of(TaskStatus.State.FAILED, TaskStatus.State.PROCESSING,
        TaskStatus.State.UNKNOWN, TaskStatus.State.DONE);
    return order.indexOf(a) <= order.indexOf(b) ? a : b;
  }
}
