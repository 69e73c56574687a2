package dev.refreshcdn;

import dev.refreshcdn.Api.HttpMethod;
import dev.refreshcdn.Api.SignatureMethod;
import dev.refreshcdn.internal.CredentialNames;
import dev.refreshcdn.internal.HttpClients;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * Everything a {@link Refresh} was told besides its URLs. Never changed once shared: every setter of
 * {@code Refresh} works on a {@link #with copy}.
 */
final class Settings implements Cloneable {
  Api api = Limits.DEFAULT_API;
  /** The endpoint given; null means the default endpoint of {@link #api}. */
  URI endpoint;
  Area area;
  boolean urlEncode;
  Credentials credentials;
  /** The HMAC given (API 2.0 only); null means {@link Refresh#DEFAULT_SIGNATURE_METHOD}. */
  SignatureMethod signatureMethod;
  HttpMethod method = Limits.DEFAULT_METHOD;
  Duration connectTimeout = Limits.DEFAULT_CONNECT_TIMEOUT;
  Duration timeout = Limits.DEFAULT_TIMEOUT;
  HttpClient httpClient;
  ProxySelector proxy;
  boolean ignoreQuery;
  boolean skipInvalid;
  int retries = Limits.DEFAULT_RETRIES;
  int callsPerMinute = Limits.DEFAULT_CALLS_PER_MINUTE;
  Duration retryWithin = Limits.DEFAULT_RETRY_WITHIN;
  /** Directories ({@code RefreshCdnDir}, {@code PurgePathCache}) rather than URLs. */
  boolean directories;
  /** A prefetch ({@code PushUrlsCache}) and its options; null for a purge. */
  Prefetch prefetch;
  /** Directories only: refresh everything under them (legacy {@code type=2}, API 3.0 {@code FlushType=delete}). */
  boolean flushAll;
  /** Where jobs are journaled and the quota ledger is kept; null: no journal, quota counted per submission. */
  java.nio.file.Path stateDir;
  /** The daily quota given; null means the default of the kind, or what DescribePurgeQuota says on API 3.0. */
  Integer dailyQuota;
  int parallel = Limits.DEFAULT_PARALLEL;
  /** The batch size a resumed job was planned with; 0: the kind's largest. */
  int batchSize;
  /** The job a resumption continues: its id and, for each URL, its index in the job's own list. */
  Resumption resumption;
  // Test seams: time, waiting, randomness and the environment.
  Clock clock = Clock.systemUTC();
  Sleeper sleeper = duration -> Thread.sleep(duration.toMillis());
  /** Nanoseconds for pacing and retry budgets; a test's sleeper may advance a fake one. */
  LongSupplier ticker = System::nanoTime;
  DoubleSupplier jitter;
  IntSupplier nonces;
  Function<String, String> environment = System::getenv;

  /** Waits between attempts; a seam so retry tests run instantly. */
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  /** The prefetch options, which must be set; {@code option} names the setter that asks. */
  Prefetch prefetchFor(String option) {
    if (prefetch == null) {
      throw new IllegalStateException(option + " applies to a prefetch: call prefetch() first");
    }
    return prefetch;
  }

  Settings with(Consumer<Settings> change) {
    Settings copy;
    try {
      copy = (Settings) clone();
    } catch (CloneNotSupportedException e) {
      throw new AssertionError(e);
    }
    change.accept(copy);
    return copy;
  }

  /** The documented daily quota of this kind of refresh, unless {@link #dailyQuota} was given. */
  int dailyQuotaOrDefault() {
    return dailyQuota != null ? dailyQuota : prefetch != null ? Limits.DEFAULT_DAILY_PUSH_QUOTA
        : directories ? Limits.DEFAULT_DAILY_DIR_QUOTA : Limits.DEFAULT_DAILY_QUOTA;
  }

  /** What this job spends: purged URLs, purged directories or prefetched URLs. */
  Area.Quota.Kind kind() {
    return prefetch != null ? Area.Quota.Kind.PREFETCH : directories ? Area.Quota.Kind.DIRECTORIES
        : Area.Quota.Kind.URLS;
  }

  /**
   * The batch every account takes when API 3.0 cannot say its own ({@code DescribePurgeQuota} unanswered):
   * for directories the 20 of the older documentation (the current one says 500, and accounts differ).
   */
  int safeBatchSize() {
    return prefetch != null ? Limits.MAX_PUSH_BATCH_SIZE : directories ? Limits.MAX_DIR_BATCH_SIZE
        : Limits.MAX_BATCH_SIZE;
  }

  SignatureMethod signatureMethod() {
    return signatureMethod != null ? signatureMethod : Limits.DEFAULT_SIGNATURE_METHOD;
  }

  URI endpoint() {
    return endpoint != null ? endpoint : api.defaultEndpoint();
  }

  Credentials resolveCredentials() {
    return credentials != null ? credentials : Credentials.fromEnvironment(environment);
  }

  /** A fresh random positive integer per request, never 0, as the replay check requires. */
  IntSupplier nonceSource() {
    if (nonces != null) {
      return nonces;
    }
    SecureRandom random = new SecureRandom();
    return () -> 1 + random.nextInt(Integer.MAX_VALUE - 1);
  }

  RetryPolicy retryPolicy() {
    DoubleSupplier random = jitter != null ? jitter : new SecureRandom()::nextDouble;
    return new RetryPolicy(retries, retryWithin, random);
  }

  /** A new client from these settings (or the caller's); a plan builds one and keeps it. */
  HttpClient client() {
    if (httpClient != null) {
      return httpClient;
    }
    return HttpClients.standard(connectTimeout, proxy);
  }

  /**
   * Room for a session token (temporary keys' tokens run to kilobytes), given or in the environment:
   * read when the plan is made, so requests are split with the token counted.
   */
  int tokenBytes() {
    String token = credentials != null ? credentials.token() : null;
    for (int i = 0; token == null && credentials == null && i < CredentialNames.TOKENS.size(); i++) {
      token = environment.apply(CredentialNames.TOKENS.get(i));
    }
    return token == null ? 0 : "&Token=".length() + PercentEncoding.encodedLength(token);
  }
}
