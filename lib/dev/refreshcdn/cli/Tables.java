package dev.refreshcdn.cli;

import dev.refreshcdn.Area.Quota;
import dev.refreshcdn.JobStore.Job;
import dev.refreshcdn.TaskStatus;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The human tables of {@code jobs}, {@code status}, {@code quota} and --wait: aligned columns, one row a line. */
final class Tables {
  private Tables() {}

  /**
   * The jobs, oldest first: id, creation in {@code local} time (the header says so), state, accepted of total,
   * pending, API and endpoint host; then one line for each job with a problem (unreadable, or a damaged journal).
   */
  static String jobs(List<Job> jobs, ZoneId local) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"JOB", "CREATED (local)", "STATE", "KIND", "ACCEPTED", "PENDING", "API", "ENDPOINT"});
    StringBuilder problems = new StringBuilder();
    for (Job job : jobs) {
      job.problem().ifPresent(problem -> problems.append("job ").append(job.id())
          .append(job.state() == Job.State.UNREADABLE ? " cannot be read: " : ": ").append(problem).append('\n'));
      if (job.state() == Job.State.UNREADABLE) {
        rows.add(new String[] {job.id(), "", "unreadable", "", "", "", "", ""});
        continue;
      }
      rows.add(new String[] {job.id(), job.created() == null ? "" : Times.wall(job.created(), local),
          job.state().name().toLowerCase(Locale.ROOT), kind(job.kind()), accepted(job),
          String.valueOf(job.pendingUrls()), job.api() == null ? "" : job.api().name().toLowerCase(Locale.ROOT),
          job.endpoint() == null ? "" : hostOf(job.endpoint())});
    }
    return align(rows) + problems;
  }

  /** A job's kind as users say it: purge, directories, prefetch, purge+prefetch. */
  static String kind(Job.Kind kind) {
    return kind == Job.Kind.PURGE_THEN_PREFETCH ? "purge+prefetch" : kind.name().toLowerCase(Locale.ROOT);
  }

  /** {@code 3/8}; a two-phase job, each phase: {@code 8/8 purged, 2/8 prefetched}. */
  static String accepted(Job job) {
    int n = job.urlCount();
    if (job.kind() == Job.Kind.PURGE_THEN_PREFETCH) {
      return Math.min(job.acceptedUrls(), n) + "/" + n + " purged, " + Math.max(0, job.acceptedUrls() - n) + "/" + n
          + " prefetched";
    }
    return job.acceptedUrls() + "/" + n;
  }

  /**
   * Task statuses, one row per task: id, state (a prefetch's with its percent), URL count, creation (Beijing time,
   * UTC+8, as the service writes it) and the first URL. A legacy task found by time has no id: {@code (no id)}.
   */
  static String statuses(List<TaskStatus> statuses) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"TASK", "STATE", "URLS", "CREATED (UTC+8)", "FIRST URL"});
    for (TaskStatus task : statuses) {
      rows.add(new String[] {task.taskId().isEmpty() ? "(no id)" : task.taskId(),
          task.state().name().toLowerCase(Locale.ROOT) + (task.percent().isPresent() // a prefetch's progress
              ? " " + task.percent().getAsInt() + "%" : ""), String.valueOf(task.urls().size()), task.created(),
          task.urls().isEmpty() ? "" : task.urls().get(0)});
    }
    return align(rows);
  }

  /** Quotas: what (purged URLs or directories, prefetched URLs), area, available, total, per request and where the numbers come from. */
  static String quotas(List<Quota> quotas) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"KIND", "AREA", "AVAILABLE", "TOTAL", "PER REQUEST", "SOURCE"});
    for (Quota quota : quotas) {
      rows.add(new String[] {quota.kind() == Quota.Kind.URLS ? "URLs" : quota.kind().name().toLowerCase(Locale.ROOT),
          quota.area().map(a -> a.name().toLowerCase(Locale.ROOT)).orElse("all"), String.valueOf(quota.available()),
          String.valueOf(quota.total()), String.valueOf(quota.batch()),
          quota.fromService() ? "service" : "local ledger"});
    }
    return align(rows);
  }

  /** The host (and port, when not the default) of an endpoint. */
  static String hostOf(java.net.URI endpoint) {
    return endpoint.getPort() == -1 ? endpoint.getHost() : endpoint.getHost() + ":" + endpoint.getPort();
  }

  /** Columns padded to their widest cell, two spaces apart, no trailing spaces. */
  static String align(List<String[]> rows) {
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(row[i]);
        if (i < row.length - 1) {
          line.append(" ".repeat(widths[i] - row[i].length() + 2));
        }
      }
      text.append(line.toString().stripTrailing()).append('\n');
    }
    return text.toString();
  }
}
