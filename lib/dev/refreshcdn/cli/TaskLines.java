package dev.refreshcdn.cli;

import dev.refreshcdn.Submission;
import dev.refreshcdn.Task;
import dev.refreshcdn.internal.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The tasks of one run as they are created: each one's line, the count of the summary, and for a purge-then-prefetch
 * job ({@code refresh-cdn --prefetch}) which phase each task belongs to, and when the purge phase is sent whole (the
 * wait for its tasks comes next). A two-phase job's submission and stop hold only the tasks of its last phase: what is
 * counted here is every task this run created.
 */
final class TaskLines {
  private final boolean directories;
  /** The URLs this run plans to send, each once a phase: the purge phase is sent whole when as many are purged. */
  private final int planned;
  /** The run purges, then prefetches: {@code refresh-cdn --prefetch}, or the resumption of such a job. */
  private final boolean purgeFirst;
  private final List<Task> created = new ArrayList<>();
  private int purged;

  TaskLines(boolean directories, int planned, boolean purgeFirst) {
    this.directories = directories;
    this.planned = planned;
    this.purgeFirst = purgeFirst;
  }

  /** Records a task just created and returns its line: a two-phase job's lines say the phase. */
  String created(Task task) {
    created.add(task);
    return (task.prefetch() ? "prefetch " : purgeFirst ? "purge " : "") + taskLine(task, directories);
  }

  /**
   * Whether {@code task}, just {@linkplain #created created}, is the last of a purge phase that a prefetch follows:
   * every planned URL is purged, the wait for the purge tasks begins.
   */
  boolean purgeSent(Task task) {
    if (!purgeFirst || task.prefetch()) {
      return false;
    }
    purged += task.urls().size();
    return purged == planned;
  }

  /** The ids of the purge tasks this run created for a purge-then-prefetch job; null for a job of one kind. */
  List<String> purgeTaskIds() {
    return !purgeFirst ? null : created.stream().filter(task -> !task.prefetch()).map(Task::taskId)
        .filter(id -> !id.isEmpty()).collect(Collectors.toList());
  }

  /** The tasks created by this run: every phase's, when {@code reported} (a submission's or stop's) has fewer. */
  List<Task> all(List<Task> reported) {
    return created.size() > reported.size() ? created : reported;
  }

  /** {@code 2 URLs in 1 task}; a two-phase job: {@code 2 URLs in 2 tasks (1 purge, then 1 prefetch)}. */
  String summary(Submission submission) {
    String count = Texts.count(submission.urlCount(), directories) + " in ";
    if (!twoPhase()) {
      return count + tasks(submission.tasks());
    }
    long prefetches = created.stream().filter(Task::prefetch).count();
    return count + Texts.plural(created.size(), "task") + " (" + (created.size() - prefetches) + " purge, then "
        + prefetches + " prefetch)";
  }

  private boolean twoPhase() {
    return purgeFirst && created.stream().anyMatch(Task::prefetch) && created.stream().anyMatch(t -> !t.prefetch());
  }

  /** One line per task: its id, count and first URL; one without an id (RefreshCdnDir) is an accepted request. */
  static String taskLine(Task task, boolean directories) {
    List<String> urls = task.urls();
    String first = urls.isEmpty() ? "" : ", first " + urls.get(0);
    if (task.taskId().isEmpty()) {
      return "request accepted: " + Texts.count(task.count(), directories) + " ("
          + (directories ? "RefreshCdnDir gives" : "the service gave") + " no task id)" + first;
    }
    return "task " + task.taskId() + ": " + Texts.count(task.count(), directories) + first;
  }

  /** {@code 2 tasks}; {@code 2 requests} when the service named no task (the legacy RefreshCdnDir). */
  static String tasks(List<Task> tasks) {
    long named = tasks.stream().filter(task -> !task.taskId().isEmpty()).count();
    return named == tasks.size() ? Texts.plural(named, "task") : Texts.plural(tasks.size(), "request")
        + (named == 0 ? "" : " (" + Texts.plural(named, "task") + " with an id)");
  }
}
