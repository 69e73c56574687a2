package dev.refreshcdn.emulator;

import dev.refreshcdn.internal.Beijing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.refreshcdn.emulator.Emulator.Region;

/**
 * Prefetch ("预热") of API 3.0: PushUrlsCache, DescribePushTasks and DescribePushQuota, after the gateway has
 * checked the parameters' names and types. The facts are those of the Java SDK 3.1.1114 models and of the
 * PushUrlsCache documentation (tencentcloud.com/document/product/228/33600 and the doc comments of
 * TencentCloud/tencentcloud-sdk-go-intl-en, tencentcloud/cdn/v20180606/models.go): {@code Area} mainland
 * (the default), overseas or global, which needs a domain accelerated there and is charged to both areas'
 * prefetch quota when global; {@code Layer} only {@code middle}; up to 20 {@code Headers}, names up to 128
 * characters, values up to 1024. {@code UserAgent}, {@code ParseM3U8} and {@code DisableRange} are accepted
 * and change nothing here, as the emulator fetches nothing from an origin. The error codes are those the same
 * client.go lists for PushUrlsCache: {@code LimitExceeded.CdnPushExceedBatchLimit} ("预热的Url数量超过单次限制"),
 * {@code LimitExceeded.CdnPushExceedDayLimit} ("预热的Url数量超过每日限制"), {@code
 * ResourceNotFound.CdnHostNotExists}, {@code ResourceUnavailable.CdnHostIsNotOnline} and {@code
 * InvalidParameter.CdnParamError}.
 */
final class Api3Push {
  private static final String PARAM_ERROR = "InvalidParameter.CdnParamError";
  static final Set<String> AREAS = Set.of("mainland", "overseas", "global");
  static final int MAX_HEADERS = 20;
  static final int MAX_HEADER_NAME = 128;
  static final int MAX_HEADER_VALUE = 1024;

  private final EmulatorConfig config;
  private final Ledger ledger;

  Api3Push(EmulatorConfig config, Ledger ledger) {
    this.config = config;
    this.ledger = ledger;
  }

  @SuppressWarnings("unchecked")
  ReplyDraft push(Tenant account, ReplyDraft a, Map<String, Object> json) {
    List<String> urls = (List<String>) json.get("Urls");
    if (urls == null) {
      return Api3.error(a, "MissingParameter", "The request is missing a required parameter `Urls`.");
    }
    if (urls.isEmpty()) {
      return Api3.error(a, PARAM_ERROR, "Urls must not be empty.");
    }
    String area = (String) json.getOrDefault("Area", "mainland");
    if (!AREAS.contains(area)) {
      return Api3.error(a, PARAM_ERROR, "Area must be mainland, overseas or global: " + area);
    }
    Object layer = json.get("Layer");
    if (layer != null && !"middle".equals(layer)) {
      return Api3.error(a, PARAM_ERROR, "Layer must be middle: " + layer);
    }
    String badHeader = headerProblem((List<Map<String, Object>>) json.getOrDefault("Headers", List.of()));
    if (badHeader != null) {
      return Api3.error(a, PARAM_ERROR, badHeader);
    }
    Region region = Region.valueOf(area.toUpperCase(Locale.ROOT));
    Targets.Result r = Targets.resolve(account, urls, region, Boolean.TRUE.equals(json.get("UrlEncode")));
    if (!r.ok()) {
      return Api3Actions.refusal(a, r, true, area);
    }
    int batch = config.limits.batch(PurgeTask.Kind.PUSH, Api3Actions.charged(r.targets));
    if (urls.size() > batch) {
      return Api3.error(a, "LimitExceeded.CdnPushExceedBatchLimit",
          "Too many URLs in one prefetch: " + urls.size() + " > " + batch + ".");
    }
    Ledger.Prefetch p = ledger.prefetch(account.secretId(), r.targets, area);
    if (p.task == null) {
      return Api3.error(a, "LimitExceeded.CdnPushExceedDayLimit", "The daily URL prefetch quota of "
          + ledger.dailyLimit(PurgeTask.Kind.PUSH, p.exceeded) + " for area "
          + p.exceeded.name().toLowerCase(Locale.ROOT) + " is used up.");
    }
    a.urls = p.task.urls();
    a.taskId = p.task.id;
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("TaskId", p.task.id);
    return Api3.success(a, fields);
  }

  private static String headerProblem(List<Map<String, Object>> headers) {
    if (headers.size() > MAX_HEADERS) {
      return "At most " + MAX_HEADERS + " Headers: " + headers.size();
    }
    for (int i = 0; i < headers.size(); i++) {
      Object name = headers.get(i).get("Name");
      Object value = headers.get(i).getOrDefault("Value", "");
      if (name == null || ((String) name).isEmpty() || ((String) name).length() > MAX_HEADER_NAME) {
        return "Headers." + i + ".Name must be 1 to " + MAX_HEADER_NAME + " characters: " + name;
      }
      if (((String) value).length() > MAX_HEADER_VALUE) {
        return "Headers." + i + ".Value must be at most " + MAX_HEADER_VALUE + " characters.";
      }
    }
    return null;
  }

  /** One row per URL of each prefetch asked for, newest first (as DescribePurgeTasks lists them). */
  ReplyDraft tasks(Tenant account, ReplyDraft a, Map<String, Object> json) {
    TaskQuery query = TaskQuery.of(json);
    if (query.problem != null) {
      return Api3.error(a, PARAM_ERROR, query.problem);
    }
    Instant now = ledger.now();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (PushTask t : ledger.pushTasks(account.secretId())) {
      if (!query.covers(t.id, t.created)) {
        continue;
      }
      for (Target target : t.targets) {
        String state = t.status(config, target, now);
        if (query.keeps(target, state, t.area)) {
          rows.add(0, row(t, target, state, now));
        }
      }
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("PushLogs", query.page(rows));
    fields.put("TotalCount", rows.size());
    return Api3.success(a, fields);
  }

  /** Exactly the fields of the SDK's PushTask model. */
  private Map<String, Object> row(PushTask t, Target target, String state, Instant now) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("TaskId", t.id);
    row.put("Url", target.url);
    row.put("Status", state);
    row.put("Percent", t.percent(now, config.taskCompletion));
    row.put("CreateTime", Beijing.wall(t.created));
    row.put("Area", t.area);
    row.put("UpdateTime", Beijing.wall(t.updated(now, config.taskCompletion)));
    return row;
  }

  ReplyDraft quota(Tenant account, ReplyDraft a) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("UrlPush", Api3Actions.quotas(config, ledger, account, PurgeTask.Kind.PUSH, ledger.today()));
    return Api3.success(a, fields);
  }
}
