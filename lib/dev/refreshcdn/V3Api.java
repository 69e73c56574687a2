package dev.refreshcdn;

import dev.refreshcdn.Api.HttpMethod;
import dev.refreshcdn.Api.SignatureMethod;
import dev.refreshcdn.Area.Quota;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * API 3.0: {@code PurgeUrlsCache} with {@code Urls}, or {@code PurgePathCache} with {@code Paths} and
 * {@code FlushType}; {@code DescribePurgeTasks} ({@link V3Tasks}) and {@code DescribePurgeQuota}; for a prefetch
 * {@code PushUrlsCache}, {@code DescribePushTasks} and {@code DescribePushQuota}; each a TC3-signed JSON POST
 * ({@link V3Call}), answered by {@code {"Response": {...}}}.
 */
final class V3Api implements CdnApi {
  static final String ACTION = "PurgeUrlsCache";
  static final String DIR_ACTION = "PurgePathCache";
  static final String QUOTA_ACTION = "DescribePurgeQuota";
  static final String PUSH_ACTION = "PushUrlsCache";
  static final String PUSH_QUOTA_ACTION = "DescribePushQuota";
  /** The documented rate of these actions, 20 calls a second. */
  private static final Duration INTERVAL = Duration.ofMillis(50);

  private final Settings settings;
  /** Null until {@link #signedBy signed}. */
  private final V3Call call;

  V3Api(Settings settings, V3Call call) {
    if (settings.flushAll && !settings.directories) {
      throw new IllegalArgumentException("flushAll applies to directories only");
    }
    if (settings.prefetch != null && settings.directories) {
      throw new IllegalArgumentException("a prefetch takes URLs, not directories");
    }
    this.settings = settings;
    this.call = call;
  }

  @Override
  public CdnApi signedBy(Credentials credentials) {
    return new V3Api(settings, new V3Call(settings.endpoint(), credentials));
  }

  @Override
  public int maxBatchSize() {
    return settings.prefetch != null ? Limits.MAX_PUSH_BATCH_SIZE
        : settings.directories ? Limits.MAX_V3_DIR_BATCH_SIZE : Limits.MAX_BATCH_SIZE;
  }

  @Override
  public int parameterBudget(int tokenBytes) {
    return Limits.MAX_V3_POST_BYTES - Limits.RESERVED_BYTES - tokenBytes;
  }

  @Override
  public void checkOptions() {
    if (settings.method == HttpMethod.GET) {
      throw new IllegalArgumentException("API 3.0 requests are POSTs with a JSON body; method(GET) is for the legacy API");
    }
    if (settings.endpoint().getPath().endsWith(Api.V2.defaultEndpoint().getPath())) {
      // An old script's endpoint: TC3 requests there would only get a legacy "MissingParameter" back.
      throw new IllegalArgumentException(settings.endpoint() + " is an API 2.0 endpoint, but API 3.0 is the default: "
          + "choose the legacy API 2.0 for it, or an API 3.0 endpoint such as " + Api.V3.defaultEndpoint());
    }
    if (settings.area == Area.GLOBAL && (settings.prefetch == null || settings.prefetch.purgeFirst != null)) {
      throw new IllegalArgumentException("a purge is in the mainland or overseas area; global is for a prefetch alone");
    }
    if (settings.signatureMethod != null) {
      throw new IllegalArgumentException("API 3.0 requests are signed with TC3-HMAC-SHA256; signatureMethod(...) is for "
          + "the legacy API");
    }
  }

  @Override
  public String signing() {
    return "API 3.0, TC3-HMAC-SHA256";
  }

  @Override
  public String describe() {
    return "API 3.0 " + action() + ", TC3-HMAC-SHA256";
  }

  @Override
  public String quotaAction() {
    return settings.prefetch != null ? PUSH_QUOTA_ACTION : QUOTA_ACTION;
  }

  private String action() {
    return settings.prefetch != null ? PUSH_ACTION : settings.directories ? DIR_ACTION : ACTION;
  }

  /** The service would not say: the documented quota of one area bounds this job alone. */
  @Override
  public int availableUnasked(int documented) {
    return documented;
  }

  /** API 3.0 signs with TC3 whatever the journal's default HMAC. */
  @Override
  public SignatureMethod resumedSignatureMethod(SignatureMethod journaled) {
    return null;
  }

  @Override
  public Duration queryInterval() {
    return INTERVAL;
  }

  @Override
  public EncodedRequest purge(List<String> items, long timestamp, int nonce) {
    boolean directories = settings.directories;
    String field = directories ? "Paths" : "Urls";
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put(field, items);
    if (directories) {
      payload.put("FlushType", settings.flushAll ? "delete" : "flush");
    }
    if (settings.area != null) {
      payload.put("Area", settings.area.wire());
    }
    if (settings.prefetch != null) {
      settings.prefetch.addTo(payload);
    }
    if (settings.urlEncode) {
      payload.put("UrlEncode", true);
    }
    String detail = field + ": [" + items.get(0) + (items.size() > 1 ? ", … " + (items.size() - 1) + " more" : "") + "]"
        + (directories ? ", FlushType: " + payload.get("FlushType") : "")
        + (settings.area == null ? "" : ", Area: " + settings.area.wire())
        + (settings.prefetch == null ? "" : settings.prefetch.describe());
    return call.encode(action(), payload, timestamp, items.size(), detail);
  }

  @Override
  public Task readPurge(String body, List<String> items) throws Unanswered, Refusal {
    String taskId = Json.text(V3Call.read(body).get("TaskId"));
    if (taskId.isEmpty()) {
      throw Json.notDocumented("the answer has no Response.TaskId", body, null);
    }
    return new Task(taskId, items.size(), items, settings.prefetch != null);
  }

  /** A purge task, else a prefetch task of that id: the two kinds of ids look alike. */
  @Override
  public TaskStatus taskStatus(String taskId, Transport transport) throws Unanswered, Refusal {
    Map<String, Object> filter = new LinkedHashMap<>();
    filter.put("TaskId", taskId);
    for (TaskStatus task : new V3Tasks(call, transport, false).tasks(filter)) {
      if (task.taskId().equals(taskId)) {
        return task;
      }
    }
    try {
      for (TaskStatus task : new V3Tasks(call, transport, true).tasks(filter)) {
        if (task.taskId().equals(taskId)) {
          return task;
        }
      }
    } catch (Refusal e) {
      if (e.code.startsWith("AuthFailure")) {
        throw e;
      }
      // e.g. UnauthorizedOperation: an account that may not list prefetch tasks has none of this id to show
    }
    return new TaskStatus(taskId, TaskStatus.State.UNKNOWN, List.of(), "");
  }

  @Override
  public List<TaskStatus> taskStatus(Instant since, Instant until, Transport transport) throws Unanswered, Refusal {
    String[] range = TaskRows.beijingRange(since, until);
    Map<String, Object> filter = new LinkedHashMap<>();
    filter.put("StartTime", range[0]);
    filter.put("EndTime", range[1]);
    List<TaskStatus> tasks = new ArrayList<>(new V3Tasks(call, transport, settings.prefetch != null).tasks(filter));
    tasks.sort(Comparator.comparing(TaskStatus::created));
    return List.copyOf(tasks);
  }

  @Override
  public TaskStatus poll(Task task, Transport transport) throws Unanswered, Refusal {
    return new V3Tasks(call, transport, settings.prefetch != null).poll(task);
  }

  /**
   * {@code DescribePurgeQuota}, URLs then directories, then {@code DescribePushQuota}, prefetch, per area. An
   * account that may purge but not read its prefetch quota (a refusal other than {@code AuthFailure}) is shown its
   * purge quotas alone.
   */
  @Override
  public List<Quota> quota(Transport transport) throws Unanswered, Refusal {
    List<Quota> quotas = new ArrayList<>(quota(transport, false));
    try {
      quotas.addAll(quota(transport, true));
    } catch (Refusal e) {
      if (e.code.startsWith("AuthFailure")) {
        throw e;
      }
    }
    return List.copyOf(quotas);
  }

  /** One quota action: {@code DescribePushQuota} when {@code push}, else {@code DescribePurgeQuota}. */
  private List<Quota> quota(Transport transport, boolean push) throws Unanswered, Refusal {
    return transport.ask(new Transport.Question<List<Quota>>() {
      @Override
      public EncodedRequest encode(long timestamp, int nonce) {
        return call.encode(push ? PUSH_QUOTA_ACTION : QUOTA_ACTION, Map.of(), timestamp, 0, "");
      }

      @Override
      public List<Quota> read(String body) throws Unanswered, Refusal {
        Map<String, Object> response = V3Call.read(body);
        if (push) {
          return quotas(response, "UrlPush", Quota.Kind.PREFETCH, body);
        }
        List<Quota> quotas = new ArrayList<>();
        quotas.addAll(quotas(response, "UrlPurge", Quota.Kind.URLS, body));
        quotas.addAll(quotas(response, "PathPurge", Quota.Kind.DIRECTORIES, body));
        return List.copyOf(quotas);
      }
    }, 0, retry -> { });
  }

  /**
   * Today's quota for this kind of refresh, in the area that will be charged: the {@link Refresh#area area}
   * given, else the area the domains are accelerated in, asked once ({@code DescribeDomains}) when the areas'
   * quotas differ enough to change the plan. A {@code global} domain is charged in both areas. When the area
   * stays unknown (domains of several areas, or the service will not say), the most any area has left bounds
   * the job and the service's {@code ...ExceedDayLimit} decides the rest, so a local refusal never holds back
   * what the service would take; requests then go at the smallest batch of the areas. Null when the service
   * cannot tell, e.g. a sub-account without permission for DescribePurgeQuota: then the documented defaults
   * hold. An {@code AuthFailure} is thrown: the credentials themselves are refused, every purge would be too.
   */
  @Override
  public Quota chargedQuota(List<String> items, HttpClient client) throws Refusal {
    List<Quota> quotas;
    try {
      quotas = quota(Transport.forQuestions(settings, client, INTERVAL), settings.prefetch != null);
    } catch (Refusal e) {
      if (e.code.startsWith("AuthFailure")) {
        throw e;
      }
      return null; // e.g. UnauthorizedOperation: a sub-account may purge without leave to read the quota
    } catch (Unanswered e) {
      return null; // the purge requests will meet the same trouble, and report it with their progress
    }
    List<Quota> kind = new ArrayList<>();
    for (Quota quota : quotas) {
      // A Batch of 0 is an area the account cannot purge in (not enabled): it says nothing of this job's requests.
      if (quota.kind() == settings.kind() && quota.batch() > 0) {
        kind.add(quota);
      }
    }
    if (settings.area != null) {
      return Quota.least(Quota.inAreas(kind, Area.charged(settings.area)));
    }
    Quota most = Quota.most(kind);
    Quota least = Quota.least(kind);
    if (least == null || least.available() >= items.size()) {
      // Every area takes the whole job, at the smallest batch (which most and least both carry): where it is
      // charged changes nothing.
      return most;
    }
    Set<String> hosts = DomainAreas.hosts(items);
    Transport domains = Transport.forQuestions(settings, client, DomainAreas.INTERVAL);
    Set<Area> areas = chargedAreas(hosts, DomainAreas.of(call, domains, hosts));
    if (settings.prefetch != null && areas != null && areas.size() > 1) {
      areas = null; // a global domain's prefetch without an Area is charged where the service decides
    }
    Quota charged = areas == null ? null : Quota.least(Quota.inAreas(kind, areas));
    return charged != null ? charged : most;
  }

  /** The areas every URL of the job is charged in, when its domains share them; null when not known. */
  private static Set<Area> chargedAreas(Set<String> hosts, Map<String, String> domainAreas) {
    Set<String> found = new HashSet<>(domainAreas.values());
    if (domainAreas.size() != hosts.size() || found.size() != 1) {
      return null; // a domain not listed, or domains of several areas in one job
    }
    switch (found.iterator().next()) {
      case "mainland":
        return Set.of(Area.MAINLAND);
      case "overseas":
        return Set.of(Area.OVERSEAS);
      case "global":
        return Set.of(Area.MAINLAND, Area.OVERSEAS);
      default:
        return null;
    }
  }

  @Override
  public String hint(Refusal refusal) {
    return "";
  }

  @Override
  public String hint(Unanswered failure) {
    return "";
  }

  private static List<Quota> quotas(Map<String, Object> response, String field, Quota.Kind kind, String body)
      throws Unanswered {
    List<Quota> quotas = new ArrayList<>();
    for (Map<String, Object> entry : Json.objects(response.get(field), field, body)) {
      String area = Json.text(entry, "Area").toUpperCase(Locale.ROOT);
      quotas.add(new Quota(kind, area.equals("MAINLAND") || area.equals("OVERSEAS") ? Area.valueOf(area) : null,
          Json.number(entry, "Batch", body), Json.number(entry, "Total", body), Json.number(entry, "Available", body),
          true));
    }
    return quotas;
  }
}
