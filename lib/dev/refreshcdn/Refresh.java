package dev.refreshcdn;

import dev.refreshcdn.Api.HttpMethod;
import dev.refreshcdn.Api.SignatureMethod;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Expires cached URLs (or {@linkplain #dirs directories}) on Tencent Cloud CDN, through API 3.0
 * ({@code PurgeUrlsCache}) by default or the legacy API 2.0 ({@code RefreshCdnUrl}, see {@link #api}):
 *
 * <pre>{@code
 * Submission s = Refresh.urls("https://www.test.com/1.jpg", "https://www.test.com/2.jpg")
 *     .credentials(secretId, secretKey)   // default: TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY
 *     .batch()                            // requests of at most 1000 URLs
 *     .submit();
 * for (Task t : s.tasks()) System.out.println(t.taskId() + " " + t.count());
 * }</pre>
 *
 * <p>Every method returns a new immutable value, so a configured {@code Refresh} can be shared and
 * reused. {@link #batch()} checks the URLs (naming every bad entry with its position), drops exact
 * duplicates and splits them into a {@link Plan} that can be printed, dry-run or submitted; nothing is
 * sent before {@link Plan#submit()}. Questions about the account (task status, quota) go to an {@link Account}
 * made of a refresh's connection; journaled jobs are listed, resumed and forgotten through a {@link JobStore}.
 * {@link #prefetch()} warms the edge instead ({@code PushUrlsCache}), after a purge with {@link #purgeFirst}.
 */
public final class Refresh {
  /** This library's version, as the {@code User-Agent} of every request names it. */
  public static final String VERSION = Limits.VERSION;
  /** API 3.0, the live one, used unless {@link #api(Api)} says otherwise (Tencent retired API 2.0 on 2022-11-30). */
  public static final Api DEFAULT_API = Limits.DEFAULT_API;
  /** The API 3.0 endpoint, used unless {@link #endpoint(String)} says otherwise. */
  public static final URI DEFAULT_ENDPOINT = Api.V3.defaultEndpoint();
  /** The legacy API 2.0 endpoint, used with {@code api(Api.V2)} unless {@link #endpoint(String)} says otherwise. */
  public static final URI LEGACY_ENDPOINT = Api.V2.defaultEndpoint();
  /** HMAC-SHA1, API 2.0's own default, used there unless {@link #signatureMethod} says otherwise. */
  public static final SignatureMethod DEFAULT_SIGNATURE_METHOD = Limits.DEFAULT_SIGNATURE_METHOD;
  /** POST, which the service recommends for many URLs, used unless {@link #method} says otherwise. */
  public static final HttpMethod DEFAULT_METHOD = Limits.DEFAULT_METHOD;
  /** How long to wait for a connection unless {@link #connectTimeout} says otherwise: 10 seconds. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Limits.DEFAULT_CONNECT_TIMEOUT;
  /** How long to wait for each answer unless {@link #timeout} says otherwise: 30 seconds. */
  public static final Duration DEFAULT_TIMEOUT = Limits.DEFAULT_TIMEOUT;
  /** How many times a request is retried after a failure that may pass, unless {@link #retries} says otherwise. */
  public static final int DEFAULT_RETRIES = Limits.DEFAULT_RETRIES;
  /** How long a request may be retried in all, unless {@link #retries(int, Duration)} says otherwise: 2 minutes. */
  public static final Duration DEFAULT_RETRY_WITHIN = Limits.DEFAULT_RETRY_WITHIN;
  /** 1,200 calls a minute (RefreshCdnUrl's documented rate; API 3.0 documents 20 a second), unless {@link #callsPerMinute} says otherwise. */
  public static final int DEFAULT_CALLS_PER_MINUTE = Limits.DEFAULT_CALLS_PER_MINUTE;
  /** The most URLs the service takes in one request, and the size {@link #batch()} uses. */
  public static final int MAX_BATCH_SIZE = Limits.MAX_BATCH_SIZE;
  /** The documented largest POST request, "1 MB", read the stricter (decimal) way; larger ones get HTTP 501. */
  public static final int MAX_POST_BYTES = Limits.MAX_POST_BYTES;
  /** The documented largest API 3.0 POST signed with TC3, "10 MB", read the stricter (decimal) way. */
  public static final int MAX_V3_POST_BYTES = Limits.MAX_V3_POST_BYTES;
  /** The documented largest GET request, "32 KB", read the stricter (decimal) way; larger ones get HTTP 501. */
  public static final int MAX_GET_BYTES = Limits.MAX_GET_BYTES;
  /** The documented daily URL quota of an account (per area on API 3.0), unless {@link #dailyQuota} says otherwise. */
  public static final int DEFAULT_DAILY_QUOTA = Limits.DEFAULT_DAILY_QUOTA;
  /** The documented daily directory quota of an account, unless {@link #dailyQuota} says otherwise. */
  public static final int DEFAULT_DAILY_DIR_QUOTA = Limits.DEFAULT_DAILY_DIR_QUOTA;
  /**
   * The most directories the legacy {@code RefreshCdnDir} takes in one request, the size {@link #batch()} uses for
   * them there, and on API 3.0 the size sent when {@code DescribePurgeQuota} cannot say the account's own.
   */
  public static final int MAX_DIR_BATCH_SIZE = Limits.MAX_DIR_BATCH_SIZE;
  /** Requests in flight at once, unless {@link #parallel} says otherwise: one, in order. */
  public static final int DEFAULT_PARALLEL = Limits.DEFAULT_PARALLEL;
  /** The most requests {@link #parallel} lets be in flight at once. */
  public static final int MAX_PARALLEL = Limits.MAX_PARALLEL;

  private final List<String> urls;
  private final Settings settings;

  private Refresh(List<String> urls, Settings settings) {
    this.urls = urls;
    this.settings = settings;
  }

  /** Starts a refresh of these URLs, in this order; they are checked by {@link #batch()}. */
  public static Refresh urls(String... urls) {
    return urls(Arrays.asList(urls));
  }

  /**
   * Starts a refresh of these URLs, in iteration order; they are checked by {@link #batch()}. Any
   * {@code CharSequence} is taken as its text, so a Groovy list of GStrings works as it reads.
   */
  public static Refresh urls(Collection<? extends CharSequence> urls) {
    return new Refresh(Checks.texts(urls), new Settings());
  }

  /**
   * Starts a refresh of these directories ({@code RefreshCdnDir}; API 3.0: {@code PurgePathCache}), e.g.
   * {@code https://www.test.com/img/}: by default only what changed under them, everything with
   * {@link #flushAll()}. As many a request as {@code DescribePurgeQuota} says (the legacy API:
   * {@link #MAX_DIR_BATCH_SIZE}), {@link #DEFAULT_DAILY_DIR_QUOTA} a day.
   */
  public static Refresh dirs(String... dirs) {
    return dirs(Arrays.asList(dirs));
  }

  /** Like {@link #dirs(String...)}, in iteration order. */
  public static Refresh dirs(Collection<? extends CharSequence> dirs) {
    Refresh refresh = urls(dirs);
    return new Refresh(refresh.urls, refresh.settings.with(s -> s.directories = true));
  }

  /** A refresh of already-checked URLs with these settings: a resumed job's. */
  static Refresh of(List<String> urls, Settings settings) {
    return new Refresh(Collections.unmodifiableList(new ArrayList<>(urls)), settings);
  }

  /** A copy with {@code change} applied; package-private as the seam tests set time, nonces and waiting by. */
  Refresh with(Consumer<Settings> change) {
    return new Refresh(urls, settings.with(change));
  }

  /**
   * Signs with this SecretId and SecretKey. By default they come from the environment variables
   * {@code TENCENTCLOUD_SECRET_ID} and {@code TENCENTCLOUD_SECRET_KEY}, read when the plan is signed.
   */
  public Refresh credentials(String secretId, String secretKey) {
    Credentials credentials = new Credentials(secretId, secretKey);
    return with(s -> s.credentials = credentials);
  }

  /**
   * Signs with temporary credentials: a SecretId, SecretKey and the session token that goes with them
   * (sent as the signed {@code Token} parameter). By default the token comes from
   * {@code TENCENTCLOUD_TOKEN} or {@code TENCENTCLOUD_SECURITY_TOKEN} when the keys come from the environment.
   */
  public Refresh credentials(String secretId, String secretKey, String token) {
    Credentials credentials = new Credentials(secretId, secretKey, Objects.requireNonNull(token, "token"));
    return with(s -> s.credentials = credentials);
  }

  /**
   * Sends to this endpoint; default {@link #DEFAULT_ENDPOINT}, or {@link #LEGACY_ENDPOINT} with {@code api(Api.V2)}. It must be https, or http on a loopback
   * address (a local emulator or test server), and have no query string.
   */
  public Refresh endpoint(String endpoint) {
    return endpoint(URI.create(Objects.requireNonNull(endpoint, "endpoint")));
  }

  /** Sends to this endpoint; see {@link #endpoint(String)}. */
  public Refresh endpoint(URI endpoint) {
    URI checked = Endpoints.check(endpoint);
    return with(s -> s.endpoint = checked);
  }

  /**
   * Sends through this API generation; default {@link #DEFAULT_API}. With {@link Api#V3} each request
   * is a {@code PurgeUrlsCache} POST with a JSON body signed with TC3-HMAC-SHA256, to
   * {@link #DEFAULT_ENDPOINT}; with {@link Api#V2} a {@code RefreshCdnUrl} to {@link #LEGACY_ENDPOINT}
   * (unless {@link #endpoint(String)} says otherwise). {@link #method} and {@link #signatureMethod} apply to
   * the legacy API only.
   */
  public Refresh api(Api api) {
    Objects.requireNonNull(api, "api");
    return with(s -> s.api = api);
  }

  /**
   * With API 3.0, purges (or prefetches) only in this area; by default the domain's own acceleration region.
   * {@link Area#GLOBAL} is for a prefetch.
   */
  public Refresh area(Area area) {
    Objects.requireNonNull(area, "area");
    return with(s -> s.area = area);
  }

  /** With API 3.0, asks the service to encode Chinese characters in the URLs before purging ({@code UrlEncode}). */
  public Refresh urlEncode() {
    return with(s -> s.urlEncode = true);
  }

  /** Directories only: refresh everything under them, not only what changed (legacy {@code type=2}, {@code FlushType=delete}). */
  public Refresh flushAll() {
    if (!settings.directories) {
      throw new IllegalStateException("flushAll() applies to Refresh.dirs(...), not to URLs");
    }
    return with(s -> s.flushAll = true);
  }

  /**
   * Keeps a journal of every submission under {@code dir}{@code /jobs} and a ledger of the daily quota spent
   * per account under {@code dir}{@code /quota}, so a job stopped by the quota, a crash or a network failure
   * can be {@linkplain #resume resumed} with nothing lost. Secrets are never written there. By default nothing
   * is kept, and the daily quota is counted within each submission only.
   */
  public Refresh stateDir(Path dir) {
    Objects.requireNonNull(dir, "dir");
    return with(s -> s.stateDir = dir);
  }

  /**
   * Sends at most this many URLs (or directories) a day for this account, Beijing time; default
   * {@link #DEFAULT_DAILY_QUOTA} URLs or {@link #DEFAULT_DAILY_DIR_QUOTA} directories, or on API 3.0 what
   * {@code DescribePurgeQuota} says is available. A job larger than what is left submits what fits and stops
   * with a {@link QuotaExhaustedException}.
   */
  public Refresh dailyQuota(int dailyQuota) {
    Checks.positive(dailyQuota, "daily quota");
    return with(s -> s.dailyQuota = dailyQuota);
  }

  /**
   * Keeps up to this many requests in flight at once, 1 to {@link #MAX_PARALLEL}; default
   * {@link #DEFAULT_PARALLEL}. The call rate ({@link #callsPerMinute}) still holds across all of them.
   */
  public Refresh parallel(int requests) {
    Checks.between(requests, 1, MAX_PARALLEL, "parallel");
    return with(s -> s.parallel = requests);
  }

  /** API 2.0 only: signs with this HMAC; default {@link #DEFAULT_SIGNATURE_METHOD}. {@link #batch()} refuses it on API 3.0. */
  public Refresh signatureMethod(SignatureMethod signatureMethod) {
    Objects.requireNonNull(signatureMethod, "signatureMethod");
    return with(s -> s.signatureMethod = signatureMethod);
  }

  /**
   * API 2.0 only: sends parameters in a form body (POST) or the query (GET); default {@link #DEFAULT_METHOD}. API 3.0
   * requests are JSON POSTs, and {@link #batch()} refuses GET there.
   */
  public Refresh method(HttpMethod method) {
    Objects.requireNonNull(method, "method");
    return with(s -> s.method = method);
  }

  /** Waits this long for a connection; default {@link #DEFAULT_CONNECT_TIMEOUT}. */
  public Refresh connectTimeout(Duration connectTimeout) {
    Duration checked = Checks.positive(connectTimeout, "connectTimeout");
    return with(s -> s.connectTimeout = checked);
  }

  /** Waits this long for each answer; default {@link #DEFAULT_TIMEOUT}. */
  public Refresh timeout(Duration timeout) {
    Duration checked = Checks.positive(timeout, "timeout");
    return with(s -> s.timeout = checked);
  }

  /**
   * Retries a failed request up to {@code retries} times (default {@link #DEFAULT_RETRIES}), with
   * exponential backoff and jitter, honouring {@code Retry-After}. Only failures that may pass are
   * retried: network errors, timeouts, HTTP 5xx and 429, and the service's busy codes (6000, 6200,
   * 9000, 9163, 22063); a refusal such as 4100 (signature) or 9110 (unknown domain) never is. A retried
   * request is signed anew; a refresh is idempotent, so one whose answer was lost costs only quota.
   */
  public Refresh retries(int retries) {
    return retries(retries, DEFAULT_RETRY_WITHIN);
  }

  /** Like {@link #retries(int)}, also bounding the time spent on one request's retries (default 2 minutes). */
  public Refresh retries(int retries, Duration within) {
    Checks.between(retries, 0, 100, "retries");
    Duration checked = Checks.positive(within, "within");
    return with(s -> {
      s.retries = retries;
      s.retryWithin = checked;
    });
  }

  /**
   * Starts at most this many requests a minute, retries included; default
   * {@link #DEFAULT_CALLS_PER_MINUTE}, the documented limit (older revisions of the docs said 10,000).
   */
  public Refresh callsPerMinute(int callsPerMinute) {
    Checks.between(callsPerMinute, 1, 60_000, "calls per minute");
    return with(s -> s.callsPerMinute = callsPerMinute);
  }

  /** Connects through this proxy selector; by default connections are direct. */
  public Refresh proxy(ProxySelector proxy) {
    Objects.requireNonNull(proxy, "proxy");
    return with(s -> s.proxy = proxy);
  }

  /**
   * Sends through this client instead of one built from the timeouts and proxy above (which it then
   * ignores); the request timeout still applies.
   */
  public Refresh httpClient(HttpClient httpClient) {
    Objects.requireNonNull(httpClient, "httpClient");
    return with(s -> s.httpClient = httpClient);
  }

  /**
   * Strips query strings and fragments, then drops the duplicates this makes: for domains whose cache
   * ignores query strings, where {@code /a?v=1} and {@code /a?v=2} are the same cached object.
   */
  public Refresh ignoreQuery() {
    return with(s -> s.ignoreQuery = true);
  }

  /**
   * Prefetches the URLs instead of purging them (API 3.0 {@code PushUrlsCache}): the edge fetches them from the
   * origin ahead of users. Up to 500 URLs a request and, by default, 1,000 a day per area, as
   * {@code DescribePushQuota} says, counted apart from the purge quotas; {@link Submission#await} polls
   * {@code DescribePushTasks}. The options below apply after it; {@link #batch()} refuses it on API 2.0.
   */
  public Refresh prefetch() {
    return with(s -> s.prefetch = s.prefetch != null ? s.prefetch : Prefetch.DEFAULT);
  }

  /**
   * Prefetch only: purges the URLs first, waits up to {@code wait} for the purge tasks to be done, then prefetches
   * them; one job, journaled in two phases and resumable at either. A purge task that failed or was not done in
   * time stops the job before the prefetch, with a {@link NoAnswerException}; resuming it prefetches.
   */
  public Refresh purgeFirst(Duration wait) {
    Prefetch options = settings.prefetchFor("purgeFirst").purgeFirst(Checks.positive(wait, "wait"));
    return with(s -> s.prefetch = options);
  }

  /** Prefetch only: the {@code User-Agent} the edge sends to the origin; default {@code TencentCdn}. */
  public Refresh userAgent(String userAgent) {
    return with(s -> s.prefetch = settings.prefetchFor("userAgent").userAgent(userAgent));
  }

  /** Prefetch only: adds a header the edge sends to the origin ({@code Headers}); repeatable, in order. */
  public Refresh header(String name, String value) {
    return with(s -> s.prefetch = settings.prefetchFor("header").header(name, value));
  }

  /** Prefetch only: warms the middle tier only ({@code Layer: middle}), not the edge. */
  public Refresh middleLayer() {
    return with(s -> s.prefetch = settings.prefetchFor("middleLayer").middleLayer());
  }

  /** Prefetch only: also prefetches the TS segments an M3U8 playlist lists ({@code ParseM3U8}). */
  public Refresh parseM3u8() {
    return with(s -> s.prefetch = settings.prefetchFor("parseM3u8").parseM3u8());
  }

  /** Prefetch only: fetches each file whole from the origin, without range requests ({@code DisableRange}). */
  public Refresh disableRange() {
    return with(s -> s.prefetch = settings.prefetchFor("disableRange").disableRange());
  }

  /** Leaves bad entries out of the plan, listed in {@link Plan#skipped()}, instead of refusing the input. */
  public Refresh skipInvalid() {
    return with(s -> s.skipInvalid = true);
  }

  /**
   * Checks the URLs and plans requests of at most {@link #MAX_BATCH_SIZE} URLs, or of directories 500 on API 3.0
   * and {@link #MAX_DIR_BATCH_SIZE} on the legacy API (fewer when size demands, or a resumed job was planned
   * smaller). On API 3.0 {@link Plan#submit()} cuts them further to the batch {@code DescribePurgeQuota} reports.
   */
  public Plan batch() {
    return batch(settings.batchSize != 0 ? settings.batchSize : CdnApis.of(settings).maxBatchSize());
  }

  /**
   * Checks the URLs and plans requests of at most {@code size} URLs, fewer when a request would exceed
   * the documented size limit.
   *
   * @throws IllegalArgumentException when {@code size} is not between 1 and 1000 (directories: 500, or 20 on the
   *     legacy API)
   * @throws InvalidInputException when an entry is bad (unless {@link #skipInvalid()}) or none is left
   */
  public Plan batch(int size) {
    CdnApi api = CdnApis.of(settings);
    Checks.between(size, 1, api.maxBatchSize(), "batch size");
    api.checkOptions();
    return Plan.of(urls, settings, api, size);
  }

  /** The settings, for an {@link Account} asked with this refresh's connection. */
  Settings settings() {
    return settings;
  }

  /** A seam for tests: a fake environment ({@link #with} sets the clock, nonces and waiting). */
  Refresh environment(Map<String, String> variables) {
    return with(s -> s.environment = Credentials.environmentOf(variables));
  }

  @Override
  public String toString() {
    String signing = CdnApis.of(settings).signing();
    return "Refresh[" + urls.size() + (settings.directories ? " directories to "
        : settings.prefetch != null ? " URLs to prefetch at " : " URLs to ") + settings.endpoint() + ", " + signing + (settings.credentials == null ? ", credentials from environment" : ", "
        + settings.credentials) + "]";
  }
}
