package dev.refreshcdn;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Questions to the service about an account: task status and quota, on either API generation. One
 * instance asks over one client and is used by one thread at a time (the legacy codec reuses its buffers).
 */
final class Queries {
  static final String LOG_ACTION = "GetCdnRefreshLog";
  static final String TASKS_ACTION = "DescribePurgeTasks";
  static final String QUOTA_ACTION = "DescribePurgeQuota";
  /**
   * Rows asked per DescribePurgeTasks page. The documented default is 20 and no maximum is documented, so this
   * relies on two things only: the listing advances by the rows a page actually holds (a service that caps the
   * page quietly is still listed whole), and a service that refuses the size as a bad parameter is asked again
   * with {@link #DEFAULT_PAGE_SIZE}. A task of 1,000 URLs then costs one call, not fifty.
   */
  static final int PAGE_SIZE = 1000;
  /** DescribePurgeTasks' documented default page, which every account takes. */
  static final int DEFAULT_PAGE_SIZE = 20;
  /** Beijing time, second precision, as both APIs write and read dates. */
  static final DateTimeFormatter BEIJING_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(QuotaLedger.BEIJING);
  /** API 3.0's documented rate for these actions, 20 calls a second. */
  private static final Duration V3_INTERVAL = Duration.ofMillis(50);
  private static final Duration V2_INTERVAL = Duration.ofMillis(60); // GetCdnRefreshLog's 1,000 calls a minute
  /** Legacy module codes that mean "nothing recorded": no records (-9009), no such task_id (21001). */
  private static final int NO_RECORDS = -9009, NO_SUCH_TASK = 21001;

  private final Settings settings;
  private final Sender sender;
  /** The DescribePurgeTasks page asked for; {@link #DEFAULT_PAGE_SIZE} from the first refusal of a larger one on. */
  private int pageSize = PAGE_SIZE;
  /** Exactly one of the two is set, by the API generation. */
  private final V2Codec codec;
  private final Api3Call call;

  private Queries(Settings settings, HttpClient client) {
    Credentials credentials = settings.resolveCredentials();
    this.settings = settings;
    boolean v3 = settings.api == Api.V3;
    this.sender = new Sender(settings, null, client, new Pacer(settings, v3 ? V3_INTERVAL : V2_INTERVAL),
        settings.nonceSource());
    this.codec = v3 ? null : new V2Codec(settings.endpoint(), settings.method, settings.signatureMethod(), credentials);
    this.call = v3 ? new Api3Call(settings.endpoint(), credentials) : null;
  }

  /** Queries over a client of their own, built from the settings. */
  static Queries of(Settings settings) {
    return new Queries(settings, settings.client());
  }

  /** Queries over a client already built, e.g. the one a plan submitted with. */
  static Queries of(Settings settings, HttpClient client) {
    return new Queries(settings, client);
  }

  /** What the service says about one task; {@link TaskStatus.State#UNKNOWN} when it has no record of it. */
  TaskStatus task(String taskId) {
    if (call != null) {
      Map<String, Object> filter = new LinkedHashMap<>();
      filter.put("TaskId", taskId);
      List<TaskStatus> tasks = group(purgeLogs(filter));
      for (TaskStatus task : tasks) {
        if (task.taskId().equals(taskId)) {
          return task;
        }
      }
      return new TaskStatus(taskId, TaskStatus.State.UNKNOWN, List.of(), "");
    }
    // The log names no task: every record found by taskId belongs to that task.
    List<Map<String, Object>> records = refreshLog(Map.of("taskId", taskId));
    if (records.isEmpty()) {
      return new TaskStatus(taskId, TaskStatus.State.UNKNOWN, List.of(), "");
    }
    List<String> urls = new ArrayList<>();
    List<TaskStatus.State> states = new ArrayList<>();
    String created = null;
    for (Map<String, Object> record : records) {
      urls.addAll(strings(record.get("url_list")));
      states.add(legacyState(record.get("status")));
      String datetime = LegacyAnswer.text(record.get("datetime"));
      created = created == null || datetime.compareTo(created) < 0 ? datetime : created;
    }
    return new TaskStatus(taskId, aggregate(states), urls, created);
  }

  /** The tasks created between {@code since} and {@code until}, oldest first. */
  List<TaskStatus> tasks(Instant since, Instant until) {
    // Whole seconds that cover the range: since rounded down, until rounded up.
    String start = BEIJING_TIME.format(since.truncatedTo(ChronoUnit.SECONDS));
    Instant end = until.truncatedTo(ChronoUnit.SECONDS);
    String stop = BEIJING_TIME.format(end.equals(until) ? end : end.plusSeconds(1));
    if (call != null) {
      Map<String, Object> filter = new LinkedHashMap<>();
      filter.put("StartTime", start);
      filter.put("EndTime", stop);
      List<TaskStatus> tasks = group(purgeLogs(filter));
      tasks.sort(Comparator.comparing(TaskStatus::created));
      return List.copyOf(tasks);
    }
    List<Map<String, Object>> records = refreshLog(Map.of("startDate", start, "endDate", stop));
    records.sort(Comparator.comparing((Map<String, Object> r) -> LegacyAnswer.text(r.get("datetime")))
        .thenComparing(r -> r.get("id") instanceof Number ? ((Number) r.get("id")).longValue() : 0L));
    List<TaskStatus> tasks = new ArrayList<>();
    for (Map<String, Object> record : records) {
      // A legacy record does not name its task.
      tasks.add(new TaskStatus("", legacyState(record.get("status")), strings(record.get("url_list")),
          LegacyAnswer.text(record.get("datetime"))));
    }
    return List.copyOf(tasks);
  }

  /**
   * Today's quotas: API 3.0's {@code DescribePurgeQuota}, URLs then directories, per area; on the legacy
   * API, which has no quota query, what the local ledger counts.
   */
  List<Quota> quota() {
    if (call == null) {
      return QuotaLedger.localQuota(settings);
    }
    return ask(new Sender.Question<List<Quota>>() {
      @Override
      public EncodedRequest encode(long timestamp, int nonce) {
        return call.encode(QUOTA_ACTION, Map.of(), timestamp, 0, "");
      }

      @Override
      public List<Quota> read(String body) throws Transport.Failure, Sender.Refusal {
        Map<String, Object> response = answered(body);
        List<Quota> quotas = new ArrayList<>();
        quotas.addAll(quotas(response, "UrlPurge", false, body));
        quotas.addAll(quotas(response, "PathPurge", true, body));
        return List.copyOf(quotas);
      }
    });
  }

  /** Every row DescribePurgeTasks lists for {@code filter}, page by page, in the order listed. */
  private List<Map<String, Object>> purgeLogs(Map<String, Object> filter) {
    List<Map<String, Object>> rows = new ArrayList<>();
    // A task submitted while paging shifts the rows (newest come first); a row seen twice counts once.
    Set<List<String>> seen = new HashSet<>();
    for (int offset = 0; ; ) {
      Page page;
      try {
        page = page(filter, offset, pageSize);
      } catch (RefusedException e) {
        if (offset > 0 || pageSize == DEFAULT_PAGE_SIZE || !e.code().startsWith("InvalidParameter")) {
          throw e;
        }
        pageSize = DEFAULT_PAGE_SIZE;
        continue;
      }
      for (Map<String, Object> row : page.rows) {
        List<String> key = List.of(text(row, "TaskId"), text(row, "Url"), text(row, "PurgeType"));
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

  /** One page of DescribePurgeTasks for {@code filter}. */
  private Page page(Map<String, Object> filter, int offset, int limit) {
    Map<String, Object> payload = new LinkedHashMap<>(filter);
    payload.put("Offset", offset);
    payload.put("Limit", limit);
    return ask(new Sender.Question<Page>() {
      @Override
      public EncodedRequest encode(long timestamp, int nonce) {
        return call.encode(TASKS_ACTION, payload, timestamp, 0, "Offset: " + offset);
      }

      @Override
      public Page read(String body) throws Transport.Failure, Sender.Refusal {
        Map<String, Object> response = answered(body);
        Object total = response.get("TotalCount");
        return new Page(objects(response.get("PurgeLogs"), "PurgeLogs", body),
            total instanceof Number ? ((Number) total).longValue() : -1);
      }
    });
  }

  /**
   * Where a submitted task stands, asked as cheaply as the API allows, for polling: on API 3.0 up to three
   * one-row DescribePurgeTasks (any URL failed? any still processing? any recorded?) instead of listing
   * every row, 50 pages for a task of 1,000 URLs; on the legacy API one GetCdnRefreshLog, which lists a
   * task whole. The status carries the URLs the task was submitted with.
   */
  TaskStatus poll(Task task) {
    if (call == null) {
      TaskStatus status = task(task.taskId());
      return status.state() == TaskStatus.State.UNKNOWN ? status
          : new TaskStatus(task.taskId(), status.state(), task.urls(), status.created());
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
        return new TaskStatus(task.taskId(), states[i], task.urls(), text(page.rows.get(0), "CreateTime"));
      }
    }
    return new TaskStatus(task.taskId(), TaskStatus.State.UNKNOWN, task.urls(), "");
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
  private static List<TaskStatus> group(List<Map<String, Object>> rows) {
    Map<String, List<Map<String, Object>>> byTask = new LinkedHashMap<>();
    // The service lists the newest first; walking backwards keeps each task's URLs in submission order.
    for (int i = rows.size() - 1; i >= 0; i--) {
      byTask.computeIfAbsent(text(rows.get(i), "TaskId"), id -> new ArrayList<>()).add(rows.get(i));
    }
    List<TaskStatus> tasks = new ArrayList<>();
    for (Map.Entry<String, List<Map<String, Object>>> task : byTask.entrySet()) {
      List<String> urls = new ArrayList<>();
      List<TaskStatus.State> states = new ArrayList<>();
      String created = null;
      for (Map<String, Object> row : task.getValue()) {
        urls.add(text(row, "Url"));
        states.add(v3State(text(row, "Status")));
        String time = text(row, "CreateTime");
        created = created == null || time.compareTo(created) < 0 ? time : created;
      }
      tasks.add(new TaskStatus(task.getKey(), aggregate(states), urls, created));
    }
    return tasks;
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

  /** {@code fail}, {@code done}, {@code process}; anything else is taken as not finished yet. */
  static TaskStatus.State v3State(String status) {
    switch (status.toLowerCase(Locale.ROOT)) {
      case "fail":
        return TaskStatus.State.FAILED;
      case "done":
        return TaskStatus.State.DONE;
      default:
        return TaskStatus.State.PROCESSING;
    }
  }

  /** 1 succeeded, 0 in progress, negative failed; anything else is taken as not finished yet. */
  static TaskStatus.State legacyState(Object status) {
    long value = status instanceof Number ? ((Number) status).longValue()
        : LegacyAnswer.text(status).matches("-?\\d{1,18}") ? Long.parseLong(LegacyAnswer.text(status)) : 0;
    return value == 1 ? TaskStatus.State.DONE : value < 0 ? TaskStatus.State.FAILED : TaskStatus.State.PROCESSING;
  }

  /** The records GetCdnRefreshLog lists for {@code parameters}; empty when it says there are none. */
  private List<Map<String, Object>> refreshLog(Map<String, String> parameters) {
    return ask(new Sender.Question<List<Map<String, Object>>>() {
      @Override
      public EncodedRequest encode(long timestamp, int nonce) {
        return codec.encode(LOG_ACTION, parameters, V2Backend.ARRAY, List.of(), timestamp, nonce);
      }

      @Override
      public List<Map<String, Object>> read(String body) throws Transport.Failure, Sender.Refusal {
        LegacyAnswer answer = LegacyAnswer.parse(body);
        if (answer.code != 0) {
          int module = LegacyAnswer.moduleCode(answer.codeDesc, answer.message);
          if (module == NO_RECORDS || module == NO_SUCH_TASK) {
            return new ArrayList<>();
          }
          throw new Sender.Refusal(answer.refusal(), false);
        }
        return objects(answer.data.get("logs"), "data.logs", body);
      }
    });
  }

  /**
   * Asks until answered, refused for good, or the retries are spent.
   *
   * @throws RefusedException when the service refuses the question
   * @throws NoAnswerException when no usable answer comes
   */
  private <T> T ask(Sender.Question<T> question) {
    try {
      return sender.ask(question, 0, retry -> { });
    } catch (Sender.Refusal refusal) {
      Backend.Answer answer = refusal.answer;
      throw new RefusedException(answer.code, answer.codeDesc, answer.message, answer.requestId, false,
          RefreshException.Progress.NOTHING_SENT,
          LegacyRetirement.suggests(settings, answer.code) ? LegacyRetirement.HINT : "");
    } catch (Transport.Failure failure) {
      throw new NoAnswerException(failure.getMessage(), failure.status, failure.excerpt,
          failure.mayHaveReachedService, RefreshException.Progress.NOTHING_SENT, failure.getCause(),
          LegacyRetirement.suggests(settings, failure) ? LegacyRetirement.HINT : "");
    }
  }

  /** The Response of an API 3.0 answer, or the refusal its Error states. */
  private static Map<String, Object> answered(String body) throws Transport.Failure, Sender.Refusal {
    Api3Call.Reply reply = Api3Call.read(body);
    if (reply.refusal != null) {
      throw new Sender.Refusal(reply.refusal, false);
    }
    return reply.response;
  }

  private static List<Quota> quotas(Map<String, Object> response, String field, boolean directories, String body)
      throws Transport.Failure {
    List<Quota> quotas = new ArrayList<>();
    for (Map<String, Object> entry : objects(response.get(field), field, body)) {
      String area = text(entry, "Area").toUpperCase(Locale.ROOT);
      quotas.add(new Quota(directories, area.equals("MAINLAND") || area.equals("OVERSEAS") ? Area.valueOf(area) : null,
          number(entry, "Batch", body), number(entry, "Total", body), number(entry, "Available", body), true));
    }
    return quotas;
  }

  /** A JSON array of objects; absent or null reads as empty, anything else is not the documented answer. */
  private static List<Map<String, Object>> objects(Object value, String name, String body) throws Transport.Failure {
    List<Map<String, Object>> objects = new ArrayList<>();
    if (value == null) {
      return objects;
    }
    if (!(value instanceof List)) {
      throw LegacyAnswer.notDocumented(name + " is not an array", body, null);
    }
    for (Object item : (List<?>) value) {
      Map<String, Object> object = LegacyAnswer.object(item);
      if (object == null) {
        throw LegacyAnswer.notDocumented(name + " holds something other than objects", body, null);
      }
      objects.add(object);
    }
    return objects;
  }

  private static List<String> strings(Object value) {
    List<String> strings = new ArrayList<>();
    if (value instanceof List) {
      for (Object item : (List<?>) value) {
        strings.add(LegacyAnswer.text(item));
      }
    }
    return strings;
  }

  private static String text(Map<String, Object> object, String field) {
    return LegacyAnswer.text(object.get(field));
  }

  private static int number(Map<String, Object> object, String field, String body) throws Transport.Failure {
    Object value = object.get(field);
    if (!(value instanceof Number)) {
      throw LegacyAnswer.notDocumented(field + " is not a number", body, null);
    }
    return ((Number) value).intValue();
  }
}
