package dev.refreshcdn.emulator;

import dev.refreshcdn.internal.Beijing;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The query DescribePurgeTasks and DescribePushTasks share, after the gateway has checked names and types:
 * {@code TaskId} or {@code StartTime}+{@code EndTime} (Beijing wall time), {@code Offset}, {@code Limit} (default
 * 20), and the row filters {@code Status}, {@code Keyword} (a domain or a whole URL) and {@code Area}; immutable.
 */
final class TaskQuery {
  /** The refusal's message, or null for a usable query. */
  final String problem;
  private final String taskId;
  private final Instant from;
  private final Instant to;
  private final long offset;
  private final long limit;
  private final String status;
  private final String keyword;
  private final String area;

  private TaskQuery(String problem, String taskId, Instant from, Instant to, long offset, long limit, Map<String, Object> json) {
    this.problem = problem;
    this.taskId = taskId;
    this.from = from;
    this.to = to;
    this.offset = offset;
    this.limit = limit;
    this.status = (String) json.get("Status");
    this.keyword = (String) json.get("Keyword");
    this.area = (String) json.get("Area");
  }

  static TaskQuery of(Map<String, Object> json) {
    String taskId = json.get("TaskId") == null ? null : String.valueOf(json.get("TaskId"));
    Instant from = Instant.MIN;
    Instant to = Instant.MAX;
    if (json.get("StartTime") != null || json.get("EndTime") != null) {
      try {
        from = LocalDateTime.parse(String.valueOf(json.get("StartTime")), Beijing.WALL).toInstant(Beijing.ZONE);
        to = LocalDateTime.parse(String.valueOf(json.get("EndTime")), Beijing.WALL).toInstant(Beijing.ZONE);
      } catch (DateTimeParseException e) {
        return refused("StartTime and EndTime must both be yyyy-MM-dd HH:mm:ss.", json);
      }
    } else if (taskId == null) {
      return refused("Give TaskId, or StartTime and EndTime.", json);
    }
    Long offset = number(json.get("Offset"), 0);
    Long limit = number(json.get("Limit"), 20);
    if (offset == null || offset < 0 || offset > Integer.MAX_VALUE || limit == null || limit < 1 || limit > 1000) {
      return refused("Offset must be between 0 and 2^31-1 and Limit between 1 and 1000: "
          + json.get("Offset") + ", " + json.get("Limit"), json);
    }
    return new TaskQuery(null, taskId, from, to, offset, limit, json);
  }

  /** Whether a task with this id, submitted then, is asked for. */
  boolean covers(String id, Instant created) {
    return (taskId == null || taskId.equals(id)) && !created.isBefore(from) && !created.isAfter(to);
  }

  /**
   * Whether a row passes the filters: {@code where} is the row's area; a query for global takes every row, and
   * a global row answers a query for either area.
   */
  boolean keeps(Target target, String state, String where) {
    if (status != null && !status.equals(state)) {
      return false;
    }
    if (keyword != null && !keyword.equals(target.url) && !keyword.equalsIgnoreCase(target.domain.host)) {
      return false;
    }
    return area == null || "global".equals(area) || where.equals(area) || "global".equals(where);
  }

  /** The rows of the page asked for. */
  <T> List<T> page(List<T> rows) {
    int first = (int) Math.min(offset, rows.size());
    int last = (int) Math.min(offset + limit, rows.size());
    return new ArrayList<>(rows.subList(first, last));
  }

  private static TaskQuery refused(String problem, Map<String, Object> json) {
    return new TaskQuery(problem, null, null, null, 0, 0, json);
  }

  private static Long number(Object value, long fallback) {
    if (value == null) {
      return fallback;
    }
    return value instanceof Number ? Long.valueOf(((Number) value).longValue()) : null;
  }
}
