package dev.refreshcdn;

import dev.refreshcdn.Api.HttpMethod;
import dev.refreshcdn.Api.SignatureMethod;
import dev.refreshcdn.Area.Quota;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The legacy API 2.0: {@code RefreshCdnUrl} with {@code urls.N}, or {@code RefreshCdnDir} with {@code dirs.N}
 * and {@code type}; {@code GetCdnRefreshLog} for task status; no quota query (the local ledger counts). Answered
 * by {@code {code, codeDesc, message, data}}; signed by {@link V2Codec}.
 */
final class V2Api implements CdnApi {
  static final String ACTION = "RefreshCdnUrl";
  static final String ARRAY = "urls";
  static final String DIR_ACTION = "RefreshCdnDir";
  static final String DIR_ARRAY = "dirs";
  static final String LOG_ACTION = "GetCdnRefreshLog";
  /** {@code type=1}: only what changed under the directories (the service's default); 2: everything. */
  static final String CHANGED_ONLY = "1";
  static final String EVERYTHING = "2";
  /**
   * What a failure adds when the legacy API looks gone for this account (Tencent's notice "CDN API2.0 切换
   * API3.0 指引" says it went offline on 2022-11-30): HTTP 404 from the endpoint, code 6100 ("not supported in
   * this version, check the host"), or the legacy host no longer resolving.
   */
  static final String HINT = "; Tencent retired the legacy API 2.0 on 2022-11-30: API 3.0, the default, replaces it";
  private static final Duration INTERVAL = Duration.ofMillis(60); // GetCdnRefreshLog's 1,000 calls a minute
  /** Legacy module codes that mean "nothing recorded": no records (-9009), no such task_id (21001). */
  private static final int NO_RECORDS = -9009, NO_SUCH_TASK = 21001;

  private final Settings settings;
  /** Null until {@link #signedBy signed}. */
  private final V2Codec codec;

  V2Api(Settings settings, V2Codec codec) {
    if (settings.flushAll && !settings.directories) {
      throw new IllegalArgumentException("flushAll applies to directories only");
    }
    this.settings = settings;
    this.codec = codec;
  }

  @Override
  public CdnApi signedBy(Credentials credentials) {
    return new V2Api(settings, new V2Codec(settings.endpoint(), settings.method, settings.signatureMethod(),
        credentials));
  }

  @Override
  public int maxBatchSize() {
    return settings.directories ? Limits.MAX_DIR_BATCH_SIZE : Limits.MAX_BATCH_SIZE;
  }

  @Override
  public int parameterBudget(int tokenBytes) {
    int reserved = Limits.RESERVED_BYTES + tokenBytes;
    return settings.method == HttpMethod.POST
        ? Limits.MAX_POST_BYTES - reserved
        : Limits.MAX_GET_BYTES - reserved - settings.endpoint().toString().length();
  }

  @Override
  public void checkOptions() {
    if (settings.prefetch != null) {
      // CdnPusherV2 and GetPushLogs went with the rest of API 2.0.
      throw new IllegalArgumentException("prefetch is API 3.0 only (PushUrlsCache): API 2.0's prefetch actions are "
          + "retired with it");
    }
  }

  @Override
  public String signing() {
    return settings.method + ", " + settings.signatureMethod;
  }

  @Override
  public String quotaAction() {
    return "the local ledger"; // the legacy API has no quota query: a refusal never comes from one
  }

  @Override
  public String describe() {
    return (settings.directories ? "RefreshCdnDir, " : "") + settings.signatureMethod();
  }

  @Override
  public int availableUnasked(int documented) {
    return -1;
  }

  @Override
  public SignatureMethod resumedSignatureMethod(SignatureMethod journaled) {
    return journaled;
  }

  @Override
  public Duration queryInterval() {
    return INTERVAL;
  }

  @Override
  public EncodedRequest purge(List<String> items, long timestamp, int nonce) {
    if (settings.directories) {
      // type is sent even for the default, so the request says what it asks for.
      return codec.encode(DIR_ACTION, Map.of("type", settings.flushAll ? EVERYTHING : CHANGED_ONLY), DIR_ARRAY,
          items, timestamp, nonce);
    }
    return codec.encode(ACTION, Map.of(), ARRAY, items, timestamp, nonce);
  }

  @Override
  public Task readPurge(String body, List<String> items) throws Unanswered, Refusal {
    LegacyEnvelope answer = LegacyEnvelope.parse(body);
    if (answer.code != 0) {
      throw answer.refusal();
    }
    if (settings.directories) {
      // RefreshCdnDir documents neither data nor task_id: the task has no id unless one comes back.
      return new Task(answer.taskIdOrEmpty(), answer.count(items.size()), items);
    }
    return new Task(answer.taskId(body), answer.count(items.size()), items);
  }

  @Override
  public TaskStatus taskStatus(String taskId, Transport transport) throws Unanswered, Refusal {
    // The log names no task: every record found by taskId belongs to that task.
    List<Map<String, Object>> records = refreshLog(Map.of("taskId", taskId), transport);
    if (records.isEmpty()) {
      return new TaskStatus(taskId, TaskStatus.State.UNKNOWN, List.of(), "");
    }
    List<String> urls = new ArrayList<>();
    List<TaskStatus.State> states = new ArrayList<>();
    String created = null;
    for (Map<String, Object> record : records) {
      urls.addAll(Json.strings(record.get("url_list")));
      states.add(state(record.get("status")));
      String datetime = Json.text(record.get("datetime"));
      created = created == null || datetime.compareTo(created) < 0 ? datetime : created;
    }
    return new TaskStatus(taskId, TaskRows.aggregate(states), urls, created);
  }

  @Override
  public List<TaskStatus> taskStatus(Instant since, Instant until, Transport transport) throws Unanswered, Refusal {
    String[] range = TaskRows.beijingRange(since, until);
    List<Map<String, Object>> records = refreshLog(Map.of("startDate", range[0], "endDate", range[1]), transport);
    records.sort(Comparator.comparing((Map<String, Object> r) -> Json.text(r.get("datetime")))
        .thenComparing(r -> r.get("id") instanceof Number ? ((Number) r.get("id")).longValue() : 0L));
    List<TaskStatus> tasks = new ArrayList<>();
    for (Map<String, Object> record : records) {
      // A legacy record does not name its task.
      tasks.add(new TaskStatus("", state(record.get("status")), Json.strings(record.get("url_list")),
          Json.text(record.get("datetime"))));
    }
    return List.copyOf(tasks);
  }

  /** One GetCdnRefreshLog, which lists a task whole. */
  @Override
  public TaskStatus poll(Task task, Transport transport) throws Unanswered, Refusal {
    TaskStatus status = taskStatus(task.taskId(), transport);
    return status.state() == TaskStatus.State.UNKNOWN ? status
        : new TaskStatus(task.taskId(), status.state(), task.urls(), status.created());
  }

  /** The legacy API has no quota query: what the local ledger counts. */
  @Override
  public List<Quota> quota(Transport transport) {
    return QuotaLedger.localQuota(settings, maxBatchSize());
  }

  @Override
  public Quota chargedQuota(List<String> items, HttpClient client) {
    return null;
  }

  @Override
  public String hint(Refusal refusal) {
    return "6100".equals(refusal.code) ? HINT : "";
  }

  @Override
  public String hint(Unanswered failure) {
    if (failure.status == 404) {
      return HINT;
    }
    boolean legacyHost = Api.V2.defaultEndpoint().getHost().equalsIgnoreCase(settings.endpoint().getHost());
    return legacyHost && (Transport.causedBy(failure, UnresolvedAddressException.class)
        || Transport.causedBy(failure, UnknownHostException.class)) ? HINT : "";
  }

  /** 1 succeeded, 0 in progress, negative failed; anything else is taken as not finished yet. */
  static TaskStatus.State state(Object status) {
    long value = status instanceof Number ? ((Number) status).longValue()
        : Json.text(status).matches("-?\\d{1,18}") ? Long.parseLong(Json.text(status)) : 0;
    return value == 1 ? TaskStatus.State.DONE : value < 0 ? TaskStatus.State.FAILED : TaskStatus.State.PROCESSING;
  }

  /** The records GetCdnRefreshLog lists for {@code parameters}; empty when it says there are none. */
  private List<Map<String, Object>> refreshLog(Map<String, String> parameters, Transport transport)
      throws Unanswered, Refusal {
    return transport.ask(new Transport.Question<List<Map<String, Object>>>() {
      @Override
      public EncodedRequest encode(long timestamp, int nonce) {
        return codec.encode(LOG_ACTION, parameters, ARRAY, List.of(), timestamp, nonce);
      }

      @Override
      public List<Map<String, Object>> read(String body) throws Unanswered, Refusal {
        LegacyEnvelope answer = LegacyEnvelope.parse(body);
        if (answer.code != 0) {
          int module = ServiceCodes.moduleCode(answer.codeDesc, answer.message);
          if (module == NO_RECORDS || module == NO_SUCH_TASK) {
            return new ArrayList<>();
          }
          throw answer.refusal();
        }
        return Json.objects(answer.data.get("logs"), "data.logs", body);
      }
    }, 0, retry -> { });
  }
}
