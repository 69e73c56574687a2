package dev.refreshcdn.emulator;

import dev.refreshcdn.internal.Beijing;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;


/**
 * DescribeDomains of API 3.0, after the gateway has checked the parameters' names and types: the account's
 * domains (never another account's), in the order they were added, as rows with exactly the fields of the
 * SDK's BriefDomain and Origin models, filtered by {@code Filters} (each filter matches one of its values;
 * all filters must match) and paged by {@code Offset}/{@code Limit}. The limits are those of the Java SDK
 * 3.1.1114 model documentation; a value beyond them is {@code InvalidParameter.CdnParamError}, the code the
 * SDKs list for this action.
 */
final class Api3Domains {
  private static final String PARAM_ERROR = "InvalidParameter.CdnParamError";
  /** DescribeDomainsRequest.Limit: "默认为 100，最大可设置为 1000". */
  static final long DEFAULT_LIMIT = 100;
  static final long MAX_LIMIT = 1000;
  /** DomainFilter.Value: "模糊查询时，Value长度最大为1，否则Value长度最大为5". */
  static final int MAX_VALUES = 5;
  static final int MAX_FUZZY_VALUES = 1;
  /** DomainFilter.Name: the documented list; Fuzzy only for origin and domain. */
  static final Set<String> NAMES = Set.of("origin", "domain", "resourceId", "status", "serviceType", "projectId",
      "domainType", "fullUrlCache", "https", "originPullProtocol", "tagKey");
  static final Set<String> FUZZY_NAMES = Set.of("origin", "domain");

  /** The emulator's domains exist from its start: their CreateTime and UpdateTime. */
  private final String created;

  Api3Domains(Instant start) {
    this.created = Beijing.wall(start);
  }

  @SuppressWarnings("unchecked")
  ReplyDraft describe(Tenant account, ReplyDraft a, Map<String, Object> json) {
    long offset = integer(json.get("Offset"), 0);
    long limit = integer(json.get("Limit"), DEFAULT_LIMIT);
    if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
      return Api3.error(a, PARAM_ERROR, "Offset must be 0 or more and Limit between 1 and " + MAX_LIMIT + ": "
          + json.get("Offset") + ", " + json.get("Limit"));
    }
    List<Map<String, Object>> filters = (List<Map<String, Object>>) json.getOrDefault("Filters", List.of());
    for (int i = 0; i < filters.size(); i++) {
      ReplyDraft refused = refusal(a, filters.get(i), "Filters." + i + ".");
      if (refused != null) {
        return refused;
      }
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Domain d : account.domains()) {
      Map<String, Object> row = row(account, d);
      if (filters.stream().allMatch(f -> matches(f, d, row))) {
        rows.add(row);
      }
    }
    int first = (int) Math.min(offset, rows.size());
    int last = (int) Math.min(first + limit, rows.size());
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("Domains", new ArrayList<>(rows.subList(first, last)));
    fields.put("TotalNumber", rows.size());
    return Api3.success(a, fields);
  }

  /** An integer the gateway let through (Integer, Long or BigInteger), a BigInteger beyond a long as -1. */
  private static long integer(Object value, long fallback) {
    if (value == null) {
      return fallback;
    }
    BigInteger big = new BigInteger(value.toString());
    return big.bitLength() < 64 ? big.longValue() : -1;
  }

  /** Null when the filter is one the service takes, else its refusal naming the filter's place. */
  private static ReplyDraft refusal(ReplyDraft a, Map<String, Object> filter, String where) {
    Object name = filter.get("Name");
    @SuppressWarnings("unchecked")
    List<String> values = (List<String>) filter.get("Value");
    boolean fuzzy = Boolean.TRUE.equals(filter.get("Fuzzy"));
    if (name == null || values == null) {
      return Api3.error(a, "MissingParameter", "The request is missing a required parameter `" + where
          + (name == null ? "Name" : "Value") + "`.");
    }
    if (!NAMES.contains(name)) {
      return Api3.error(a, PARAM_ERROR, where + "Name must be one of " + String.join(", ", new TreeSet<>(NAMES))
          + ": " + name);
    }
    if (fuzzy && !FUZZY_NAMES.contains(name)) {
      return Api3.error(a, PARAM_ERROR, where + "Fuzzy is only for origin and domain, not " + name + ".");
    }
    int max = fuzzy ? MAX_FUZZY_VALUES : MAX_VALUES;
    if (values.isEmpty() || values.size() > max) {
      return Api3.error(a, PARAM_ERROR, where + "Value takes 1 to " + max + " values" + (fuzzy ? " with Fuzzy" : "")
          + ": " + values.size() + ".");
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static boolean matches(Map<String, Object> filter, Domain d, Map<String, Object> row) {
    String actual = field((String) filter.get("Name"), d, row);
    if (actual == null) {
      return false;
    }
    boolean fuzzy = Boolean.TRUE.equals(filter.get("Fuzzy"));
    for (String value : (List<String>) filter.get("Value")) {
      String wanted = value.toLowerCase(Locale.ROOT);
      String have = actual.toLowerCase(Locale.ROOT);
      if (fuzzy ? have.contains(wanted) : have.equals(wanted)) {
        return true;
      }
    }
    return false;
  }

  /** What a filter compares: the row's field as text; null for tagKey, as the emulator's domains have no tags. */
  private static String field(String name, Domain d, Map<String, Object> row) {
    @SuppressWarnings("unchecked")
    Map<String, Object> origin = (Map<String, Object>) row.get("Origin");
    switch (name) {
      case "domain":
        return d.host;
      case "origin":
        return ((List<?>) origin.get("Origins")).get(0).toString();
      case "resourceId":
        return (String) row.get("ResourceId");
      case "status":
        return (String) row.get("Status");
      case "serviceType":
        return (String) row.get("ServiceType");
      case "projectId":
        return String.valueOf(row.get("ProjectId"));
      case "domainType":
        return "cname"; // an origin of the user's own, not COS or third-party storage
      case "fullUrlCache":
        return d.filterQuery ? "off" : "on";
      case "https":
        return "off";
      case "originPullProtocol":
        return (String) origin.get("OriginPullProtocol");
      default:
        return null;
    }
  }

  /** Exactly the fields of the SDK's BriefDomain model. */
  private Map<String, Object> row(Tenant account, Domain d) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("ResourceId", resourceId(account, d));
    row.put("AppId", appId(account));
    row.put("Domain", d.host);
    row.put("Cname", d.host + ".cdn.dnsv1.com");
    row.put("Status", status(d));
    row.put("ProjectId", 0);
    row.put("ServiceType", "web");
    row.put("CreateTime", created);
    row.put("UpdateTime", created);
    row.put("Origin", origin(d));
    row.put("Disable", "normal");
    row.put("Area", d.area.name().toLowerCase(Locale.ROOT));
    row.put("Readonly", "normal");
    row.put("Product", "cdn");
    row.put("ParentHost", null); // not a sub-domain of a wildcard domain
    return row;
  }

  /** Exactly the fields of the SDK's Origin model: a plain origin by domain name, nulls where nothing is set. */
  private static Map<String, Object> origin(Domain d) {
    Map<String, Object> origin = new LinkedHashMap<>();
    origin.put("Origins", List.of("origin." + d.host));
    origin.put("OriginType", "domain");
    origin.put("ServerName", d.host);
    origin.put("CosPrivateAccess", "off");
    origin.put("OriginPullProtocol", "http");
    origin.put("BackupOrigins", List.of());
    origin.put("BackupOriginType", null);
    origin.put("BackupServerName", null);
    origin.put("BasePath", null);
    origin.put("PathRules", List.of());
    origin.put("PathBasedOrigin", List.of());
    origin.put("Sni", null);
    origin.put("AdvanceHttps", null);
    origin.put("OriginCompany", null);
    return origin;
  }

  /** BriefDomain.Status: rejected, processing (部署中), online (已启动), offline (已关闭). */
  private static String status(Domain d) {
    switch (d.status) {
      case DEPLOYING:
        return "processing";
      case OFFLINE:
        return "offline";
      default:
        return "online";
    }
  }

  /** Stable per account and domain, in the service's form "cdn-" and 8 characters. */
  private static String resourceId(Tenant account, Domain d) {
    String id = Long.toString((account.secretId() + "/" + d.host).hashCode() & 0xffffffffL, 36);
    return "cdn-" + "0".repeat(8 - id.length()) + id;
  }

  /** Stable per account: a 10-digit APPID such as the service gives. */
  private static long appId(Tenant account) {
    return 1_250_000_000L + Math.floorMod(account.secretId().hashCode(), 10_000_000);
  }
}
