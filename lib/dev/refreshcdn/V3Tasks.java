package dev.refreshcdn;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * API 3.0's {@code DescribePurgeTasks} ({@code PurgeLogs}), or for prefetch tasks {@code DescribePushTasks}
 * ({@code PushLogs}, with {@code Percent}), page by page, rows grouped into tasks; for one question at a time.
 */
final class V3Tasks {
  static final String ACTION = "DescribePurgeTasks";
  static final String PUSH_ACTION = "DescribePushTasks";
  /**
   * Rows asked per DescribePurgeTasks page. The documented default is 20 and no maximum is documented, so this
   * relies on two things only: the listing advances by the rows a page actually holds (a service that caps the
   * page quietly is still listed whole), and a service that refuses the size as a bad parameter is asked again
   * with {@link #DEFAULT_PAGE_SIZE}. A task of 1,000 URLs then costs one call, not fifty.
   */
  static final int PAGE_SIZE = 1000;
  /** DescribePurgeTasks' documented default page, which every account takes. */
  static final int DEFAULT_PAGE_SIZE = 20;

  private final V3Call call;
  private final Transport transport;
  /** Prefetch tasks ({@code DescribePushTasks}) rather than purge tasks. */
  private final boolean push;
  /** The page asked for; {@link #DEFAULT_PAGE_SIZE} from the first refusal of a larger one on. */
  private int pageSize = PAGE_SIZE;

  V3Tasks(V3Call call, Transport transport, boolean push) {
    this.call = call;
    this.transport = transport;
    this.push = push;
  }

  /** The tasks whose rows match {@code filter}, grouped, in the order each task was first seen, oldest first. */
  List<TaskStatus> tasks(Map<String, Object> filter) throws Unanswered, Refusal {
    return group(purgeLogs(filter));
  }

  /**
   * Up to three one-row pages (any URL failed? any still processing? any recorded?) instead of listing every
   * row, 50 pages for a task of 1,000 URLs. The status carries the URLs the task was submitted with.
   */
  TaskStatus poll(Task task) throws Unanswered, Refusal {
    if (push) {
      // A prefetch task is at most 500 rows, one page, and its Percent is an average of them all.
      Map<String, Object> filter = new LinkedHashMap<>();
      filter.put("TaskId", task.taskId());
      for (TaskStatus status : tasks(filter)) {
        if (status.taskId().equals(task.taskId())) {
          return new TaskStatus(task.taskId(), status.state(), task.urls(), status.created(),
              status.percent().orElse(-1));
        }
      }
      return new TaskStatus(task.taskId(), TaskStatus.State.UNKNOWN, task.urls(), "");
    }
    String[] filters = {"fail", "process", null};
    TaskStatus.State[] states = {TaskStatus.State.FAILED, TaskStatus.State.PROCESSING, TaskStatus.State.DONE};
    for (int i = 0; i < filters.length; i++) {
      Map<String, Object> filter = new LinkedHashMap<>();
      filter.put("TaskId", task.taskId());
      if (filters[i] != null) {
        filter.put("Status", filters[i]);
      }
      Page page = page(filter, 0, 1);
      if (!page.rows.isEmpty()) {
        return new TaskStatus(task.taskId(), states[i], task.urls(), Json.text(page.rows.get(0), "CreateTime"));
      }
    }
    return new TaskStatus(task.taskId(), TaskStatus.State.UNKNOWN, task.urls(), "");
  }

  /** Every row listed for {@code filter}, page by page, in the order listed. */
  private List<Map<String, Object>> purgeLogs(Map<String, Object> filter) throws Unanswered, Refusal {
    List<Map<String, Object>> rows = new ArrayList<>();
    // A task submitted while paging shifts the rows (newest come first); a row seen twice counts once.
    Set<List<String>> seen = new HashSet<>();
    for (int offset = 0; ; ) {
      Page page;
      try {
        page = page(filter, offset, pageSize);
      } catch (Refusal e) {
        if (offset > 0 || pageSize == DEFAULT_PAGE_SIZE || !e.code.startsWith("InvalidParameter")) {
          throw e;
        }
        pageSize = DEFAULT_PAGE_SIZE;
        continue;
      }
      for (Map<String, Object> row : page.rows) {
        List<String> key = List.of(Json.text(row, "TaskId"), Json.text(row, "Url"),
            Json.text(row, push ? "Area" : "PurgeType"));
        if (seen.add(key)) {
          rows.add(row);
        }
      }
      offset += page.rows.size();
      // PurgeLogs may be null; an empty page ends the listing even if TotalCount promised more.
      if (page.rows.isEmpty() || page.total < 0 || offset >= page.total) {
        return rows;
      }
    }
  }

  private Page page(Map<String, Object> filter, int offset, int limit) throws Unanswered, Refusal {
    Map<String, Object> payload = new LinkedHashMap<>(filter);
    payload.put("Offset", offset);
    payload.put("Limit", limit);
    return transport.ask(new Transport.Question<Page>() {
      @Override
      public EncodedRequest encode(long timestamp, int nonce) {
        return call.encode(push ? PUSH_ACTION : ACTION, payload, timestamp, 0, "Offset: " + offset);
      }

      @Override
      public Page read(String body) throws Unanswered, Refusal {
        Map<String, Object> response = V3Call.read(body);
        Object total = response.get("TotalCount");
        String logs = push ? "PushLogs" : "PurgeLogs";
        return new Page(Json.objects(response.get(logs), logs, body),
            total instanceof Number ? ((Number) total).longValue() : -1);
      }
    }, 0, retry -> { });
  }

  /** One page of DescribePurgeTasks. */
  private static final class Page {
    final List<Map<String, Object>> rows;
    /** TotalCount, or -1 when the answer leaves it out. */
    final long total;

    Page(List<Map<String, Object>> rows, long total) {
      this.rows = rows;
      this.total = total;
    }
  }

  /** Rows grouped by TaskId, in the order each task was first seen, oldest listed first. */
  private List<TaskStatus> group(List<Map<String, Object>> rows) {
    Map<String, List<Map<String, Object>>> byTask = new LinkedHashMap<>();
    // The service lists the newest first; walking backwards keeps each task's URLs in submission order.
    for (int i = rows.size() - 1; i >= 0; i--) {
      byTask.computeIfAbsent(Json.text(rows.get(i), "TaskId"), id -> new ArrayList<>()).add(rows.get(i));
    }
    List<TaskStatus> tasks = new ArrayList<>();
    for (Map.Entry<String, List<Map<String, Object>>> task : byTask.entrySet()) {
      List<String> urls = new ArrayList<>();
      List<TaskStatus.State> states = new ArrayList<>();
      String created = null;
      long percent = 0;
      for (Map<String, Object> row : task.getValue()) {
        urls.add(Json.text(row, "Url"));
        states.add(state(Json.text(row, "Status")));
        String time = Json.text(row, "CreateTime");
        created = created == null || time.compareTo(created) < 0 ? time : created;
        Object p = row.get("Percent");
        percent += p instanceof Number ? Math.max(0, Math.min(100, ((Number) p).longValue())) : 0;
      }
      tasks.add(new TaskStatus(task.getKey(), TaskRows.aggregate(states), urls, created,
          push ? (int) (percent / task.getValue().size()) : -1));
    }
    return tasks;
  }

  /** {@code fail} (a prefetch's {@code invalid} too), {@code done}, {@code process}; anything else is not finished yet. */
  static TaskStatus.State state(String status) {
    switch (status.toLowerCase(Locale.ROOT)) {
      case "fail":
      case "invalid":
        return TaskStatus.State.FAILED;
      case "done":
        return TaskStatus.State.DONE;
      default:
        return TaskStatus.State.PROCESSING;
    }
  }
}
