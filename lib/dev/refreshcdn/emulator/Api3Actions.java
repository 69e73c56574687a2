package dev.refreshcdn.emulator;

import dev.refreshcdn.internal.Beijing;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.refreshcdn.emulator.Emulator.Region;

/**
 * PurgeUrlsCache, PurgePathCache, DescribePurgeTasks, DescribePurgeQuota, DescribeDomains ({@link Api3Domains})
 * and the prefetch actions ({@link Api3Push}) of API 3.0, after authentication.
 */
final class Api3Actions {
  private static final String PARAM_ERROR = "InvalidParameter.CdnParamError";

  private final EmulatorConfig config;
  private final Ledger ledger;
  private final Api3Domains domains;
  private final Api3Push push;

  Api3Actions(EmulatorConfig config, Ledger ledger) {
    this.config = config;
    this.ledger = ledger;
    this.domains = new Api3Domains(ledger.now());
    this.push = new Api3Push(config, ledger);
  }

  ReplyDraft run(Tenant account, ReplyDraft a, Map<String, Object> json) {
    switch (a.action) {
      case "PurgeUrlsCache":
        return purge(account, a, json, PurgeTask.Kind.URL);
      case "PurgePathCache":
        return purge(account, a, json, PurgeTask.Kind.PATH);
      case "DescribePurgeTasks":
        return tasks(account, a, json);
      case "DescribePurgeQuota":
        return quota(account, a);
      case "DescribeDomains":
        return domains.describe(account, a, json);
      case "PushUrlsCache":
        return push.push(account, a, json);
      case "DescribePushTasks":
        return push.tasks(account, a, json);
      case "DescribePushQuota":
        return push.quota(account, a);
      default:
        return Api3.error(a, "InvalidAction", "The requested action `" + a.action + "` does not exist.");
    }
  }

  /** The gateway has checked the parameters' names and types; this checks their values. */
  @SuppressWarnings("unchecked")
  private ReplyDraft purge(Tenant account, ReplyDraft a, Map<String, Object> json, PurgeTask.Kind kind) {
    boolean urls = kind == PurgeTask.Kind.URL;
    String field = urls ? "Urls" : "Paths";
    List<String> items = (List<String>) json.get(field);
    if (items == null) {
      return Api3.error(a, "MissingParameter", "The request is missing a required parameter `" + field + "`.");
    }
    if (items.isEmpty()) {
      return Api3.error(a, PARAM_ERROR, field + " must not be empty.");
    }
    String flushType = "flush";
    if (!urls) {
      Object ft = json.get("FlushType");
      if (ft == null) {
        return Api3.error(a, "MissingParameter", "The request is missing a required parameter `FlushType`.");
      }
      if (!"flush".equals(ft) && !"delete".equals(ft)) {
        return Api3.error(a, PARAM_ERROR, "FlushType must be flush or delete: " + ft);
      }
      flushType = (String) ft;
    }
    Region area = null;
    Object areaValue = json.get("Area");
    if (areaValue != null) {
      if (!"mainland".equals(areaValue) && !"overseas".equals(areaValue)) {
        return Api3.error(a, PARAM_ERROR, "Area must be mainland or overseas: " + areaValue);
      }
      area = Region.valueOf(((String) areaValue).toUpperCase(Locale.ROOT));
    }
    Targets.Result r = Targets.resolve(account, items, area, Boolean.TRUE.equals(json.get("UrlEncode")));
    if (!r.ok()) {
      return refusal(a, r, urls, areaValue);
    }
    // The limit is the one DescribePurgeQuota reports for the area(s) charged: a global domain purged
    // without an Area is charged to both, so the smaller of the two applies.
    int batch = config.limits.batch(kind, charged(r.targets));
    if (items.size() > batch) {
      return Api3.error(a, urls ? "LimitExceeded.CdnPurgeUrlExceedBatchLimit" : "LimitExceeded.CdnPurgePathExceedBatchLimit",
          "Too many " + (urls ? "URLs" : "paths") + " in one request: " + items.size() + " > " + batch + ".");
    }
    Ledger.Submission s = ledger.submit(account.secretId(), kind, flushType, r.targets, false);
    if (s.task == null) {
      return Api3.error(a, urls ? "LimitExceeded.CdnPurgeUrlExceedDayLimit" : "LimitExceeded.CdnPurgePathExceedDayLimit",
          "The daily " + (urls ? "URL" : "path") + " purge quota of " + ledger.dailyLimit(kind, s.exceeded)
              + " for area " + s.exceeded.name().toLowerCase(Locale.ROOT) + " is used up.");
    }
    a.urls = s.task.urls();
    a.taskId = s.task.id;
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("TaskId", s.task.id);
    return Api3.success(a, fields);
  }

  static List<Region> charged(List<Target> targets) {
    Set<Region> areas = EnumSet.noneOf(Region.class);
    for (Target t : targets) {
      areas.addAll(t.areas);
    }
    return List.copyOf(areas);
  }

  static ReplyDraft refusal(ReplyDraft a, Targets.Result r, boolean urls, Object area) {
    switch (r.problem) {
      case NOT_HTTP:
        return Api3.error(a, PARAM_ERROR, "The URL must start with http:// or https://: " + r.culprit);
      case NO_SUCH_HOST:
        return Api3.error(a, "ResourceNotFound.CdnHostNotExists", "The domain does not exist: " + Targets.host(r.culprit));
      case OFFLINE:
        // The SDK lists HostIsNotOnline for URL purges only; path purges report an invalid status.
        return Api3.error(a, urls ? "ResourceUnavailable.CdnHostIsNotOnline" : "InvalidParameter.CdnHostInvalidStatus",
            "The domain is not online: " + Targets.host(r.culprit));
      default:
        return Api3.error(a, PARAM_ERROR, "域名 " + Targets.host(r.culprit) + " 未部署在 " + area);
    }
  }

  private ReplyDraft tasks(Tenant account, ReplyDraft a, Map<String, Object> json) {
    TaskQuery query = TaskQuery.of(json);
    if (query.problem != null) {
      return Api3.error(a, PARAM_ERROR, query.problem);
    }
    String purgeType = (String) json.get("PurgeType");
    Instant now = ledger.now();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (PurgeTask t : ledger.tasks(account.secretId())) {
      String type = t.kind == PurgeTask.Kind.URL ? "url" : "path";
      if (!query.covers(t.id, t.created) || (purgeType != null && !purgeType.equals(type))) {
        continue;
      }
      boolean done = t.done(now, config.taskCompletion);
      for (Target target : t.targets) {
        String state = !done ? "process" : PurgeTask.fails(config, target.url) ? "fail" : "done";
        String where = target.areas.size() > 1 ? "global" : target.areas.get(0).name().toLowerCase(Locale.ROOT);
        if (query.keeps(target, state, where)) {
          rows.add(0, row(t, target, type, state));
        }
      }
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("PurgeLogs", query.page(rows));
    fields.put("TotalCount", rows.size());
    return Api3.success(a, fields);
  }

  /** Exactly the fields of the SDK's PurgeTask model, nothing more. */
  private static Map<String, Object> row(PurgeTask t, Target target, String type, String state) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("TaskId", t.id);
    row.put("Url", target.url);
    row.put("Status", state);
    row.put("PurgeType", type);
    row.put("FlushType", t.flushType);
    row.put("CreateTime", Beijing.wall(t.created));
    return row;
  }

  private ReplyDraft quota(Tenant account, ReplyDraft a) {
    LocalDate today = ledger.today();
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("UrlPurge", quotas(config, ledger, account, PurgeTask.Kind.URL, today));
    fields.put("PathPurge", quotas(config, ledger, account, PurgeTask.Kind.PATH, today));
    return Api3.success(a, fields);
  }

  /** One row per area for DescribePurgeQuota or DescribePushQuota. */
  static List<Map<String, Object>> quotas(EmulatorConfig config, Ledger ledger, Tenant account, PurgeTask.Kind kind,
      LocalDate today) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Region area : PurgeLimits.AREAS) {
      int total = config.limits.daily(kind, area);
      // The fields of the SDK's Quota model; Batch is the per-request limit the action enforces.
      Map<String, Object> q = new LinkedHashMap<>();
      q.put("Area", area.name().toLowerCase(Locale.ROOT));
      q.put("Batch", config.limits.batch(kind, area));
      q.put("Total", total);
      q.put("Available", Math.max(0, total - ledger.used(account.secretId(), kind, area, today)));
      list.add(q);
    }
    return list;
  }
}
