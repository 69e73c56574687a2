package dev.refreshcdn.emulator;

import dev.refreshcdn.internal.Beijing;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


/** RefreshCdnUrl, RefreshCdnDir and GetCdnRefreshLog of the legacy API, after authentication. */
final class LegacyActions {
  private final EmulatorConfig config;
  private final Ledger ledger;

  LegacyActions(EmulatorConfig config, Ledger ledger) {
    this.config = config;
    this.ledger = ledger;
  }

  ReplyDraft run(Tenant account, ReplyDraft a, Map<String, String> params) {
    switch (a.action) {
      case "RefreshCdnUrl":
        return purge(account, a, indexed(params, "urls"), PurgeTask.Kind.URL, "flush");
      case "RefreshCdnDir":
        String type = params.getOrDefault("type", "1");
        if (!"1".equals(type) && !"2".equals(type)) {
          return LegacyApi.refuse(a, 9003, "参数错误 invalid parameter: type must be 1 or 2: " + type);
        }
        return purge(account, a, indexed(params, "dirs"), PurgeTask.Kind.PATH, "1".equals(type) ? "flush" : "delete");
      case "GetCdnRefreshLog":
        return log(account, a, params);
      default:
        return LegacyApi.error(a, 4000, "InvalidAction", "模块或接口不存在 unknown Action: " + a.action);
    }
  }

  private ReplyDraft purge(Tenant account, ReplyDraft a, Indexed items, PurgeTask.Kind kind, String flushType) {
    String name = kind == PurgeTask.Kind.URL ? "urls" : "dirs";
    if (items.gap != null) {
      return LegacyApi.refuse(a, 9003, "参数错误 " + name + ".n must be numbered from 0 without gaps: "
          + name + "." + items.gap + " is missing");
    }
    if (items.values.isEmpty()) {
      return LegacyApi.refuse(a, 9003, "参数错误 missing parameter " + name + ".0");
    }
    int batch = Ledger.legacyBatchLimit(kind);
    if (items.values.size() > batch) {
      return kind == PurgeTask.Kind.URL
          ? LegacyApi.refuse(a, 22043, "单次提交的URL数量超过限制 too many urls in one request: "
              + items.values.size() + " > " + batch)
          : LegacyApi.refuse(a, 22045, "单次提交的目录数量超过限制 too many dirs in one request: "
              + items.values.size() + " > " + batch);
    }
    Targets.Result r = Targets.resolve(account, items.values, null, false);
    if (!r.ok()) {
      switch (r.problem) {
        case NOT_HTTP:
          return LegacyApi.refuse(a, 9003, "参数错误 url must start with http:// or https://: " + r.culprit);
        case NO_SUCH_HOST:
          // Exactly the documented answer, which names no URL.
          return LegacyApi.refuse(a, 9110, "没有这个域名的信息 cdn no such host");
        default:
          return LegacyApi.refuse(a, 28008, "域名不在线 cdn host is not online: " + Targets.host(r.culprit));
      }
    }
    Ledger.Submission s = ledger.submit(account.secretId(), kind, flushType, r.targets, true);
    if (s.task == null) {
      return kind == PurgeTask.Kind.URL
          ? LegacyApi.refuse(a, 22044, "超过当日URL刷新配额 daily url refresh quota exceeded: "
              + ledger.dailyLimit(kind, s.exceeded) + " per day")
          : LegacyApi.refuse(a, 22046, "超过当日目录刷新配额 daily dir refresh quota exceeded: "
              + ledger.dailyLimit(kind, s.exceeded) + " per day");
    }
    a.urls = s.task.urls();
    a.taskId = s.task.id;
    if (kind == PurgeTask.Kind.PATH) {
      // The documented RefreshCdnDir answer has no data and no task_id.
      return LegacyApi.success(a, null);
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("count", items.values.size());
    data.put("task_id", s.task.id);
    return LegacyApi.success(a, data);
  }

  private ReplyDraft log(Tenant account, ReplyDraft a, Map<String, String> params) {
    String taskId = params.getOrDefault("taskId", "");
    String start = params.getOrDefault("startDate", "");
    String end = params.getOrDefault("endDate", "");
    boolean byDates = !start.isEmpty() || !end.isEmpty();
    if (taskId.isEmpty() && !byDates) {
      return LegacyApi.refuse(a, 9003, "参数错误 give taskId, or startDate and endDate");
    }
    Instant from = Instant.MIN;
    Instant to = Instant.MAX;
    if (byDates) {
      try {
        from = LocalDateTime.parse(start, Beijing.WALL).toInstant(Beijing.ZONE);
        to = LocalDateTime.parse(end, Beijing.WALL).toInstant(Beijing.ZONE);
      } catch (DateTimeParseException e) {
        return LegacyApi.refuse(a, 9150, "日期不合法 invalid date, expected yyyy-MM-dd HH:mm:ss: " + start + " / " + end);
      }
      if (to.isBefore(from)) {
        return LegacyApi.refuse(a, 9150, "日期不合法 invalid date: endDate is before startDate");
      }
    }
    String host = params.getOrDefault("host", "");
    String url = params.getOrDefault("url", "");
    Instant now = ledger.now();
    List<Map<String, Object>> logs = new ArrayList<>();
    boolean taskFound = false;
    for (PurgeTask t : ledger.tasks(account.secretId())) {
      if (!taskId.isEmpty() && !taskId.equals(t.id)) {
        continue;
      }
      taskFound = true;
      if (t.created.isBefore(from) || t.created.isAfter(to)) {
        continue;
      }
      for (PurgeTask.LogRecord rec : t.logRecords) {
        if ((host.isEmpty() || host.equalsIgnoreCase(rec.host)) && (url.isEmpty() || rec.urls.contains(url))) {
          logs.add(0, record(account, t, rec, now));
        }
      }
    }
    if (!taskId.isEmpty() && byDates && taskFound && logs.isEmpty() && host.isEmpty() && url.isEmpty()) {
      return LegacyApi.refuse(a, 9150, "日期不合法 invalid date: the task was not submitted in that period");
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("logs", logs);
    data.put("total", logs.size());
    LegacyApi.success(a, data);
    // The official example carries these undocumented fields too; clients must tolerate them.
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("retcode", 0);
    body.put("errmsg", "ok");
    body.put("code", 0);
    body.put("message", "");
    body.put("codeDesc", "Success");
    body.put("data", data);
    return a.json(body);
  }

  private Map<String, Object> record(Tenant account, PurgeTask t, PurgeTask.LogRecord rec, Instant now) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", rec.id);
    m.put("app_id", appId(account));
    m.put("project_id", 0);
    m.put("host", rec.host);
    m.put("type", t.kind == PurgeTask.Kind.URL ? 0 : 1);
    m.put("status", !t.done(now, config.taskCompletion) ? 0 : rec.urls.stream().anyMatch(u -> PurgeTask.fails(config, u)) ? -1 : 1);
    m.put("url_list", rec.urls);
    m.put("datetime", Beijing.wall(t.created));
    return m;
  }

  /** A stable made-up APPID per account, in the range real ones use. */
  private static long appId(Tenant account) {
    return 1_250_000_000L + Math.floorMod(account.secretId().hashCode(), 1_000_000);
  }

  /** The values of name.0, name.1, ... in index order, or the first missing index. */
  static final class Indexed {
    final List<String> values;
    final Integer gap;

    Indexed(List<String> values, Integer gap) {
      this.values = values;
      this.gap = gap;
    }
  }

  static Indexed indexed(Map<String, String> params, String name) {
    Pattern p = Pattern.compile(Pattern.quote(name) + "\\.(0|[1-9][0-9]{0,8})");
    TreeMap<Integer, String> byIndex = new TreeMap<>();
    for (Map.Entry<String, String> e : params.entrySet()) {
      Matcher m = p.matcher(e.getKey());
      if (m.matches()) {
        byIndex.put(Integer.parseInt(m.group(1)), e.getValue());
      }
    }
    List<String> values = new ArrayList<>();
    int expected = 0;
    for (Map.Entry<Integer, String> e : byIndex.entrySet()) {
      if (e.getKey() != expected) {
        return new Indexed(List.of(), expected);
      }
      values.add(e.getValue());
      expected++;
    }
    return new Indexed(values, null);
  }
}
