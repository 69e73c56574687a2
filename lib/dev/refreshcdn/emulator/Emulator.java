package dev.refreshcdn.emulator;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for Tencent Cloud CDN's refresh APIs (legacy API 2.0 and API 3.0) on a loopback port.
 *
 * <pre>{@code
 * try (Emulator emu = Emulator.builder()
 *         .account("AKIDexample", "secretKey", "www.test.com")
 *         .start()) {
 *     URI legacy = emu.endpoint();   // http://127.0.0.1:PORT/v2/index.php (API 2.0)
 *     URI v3 = emu.endpointV3();     // http://127.0.0.1:PORT/ (API 3.0)
 *     emu.failNext(1, 503);          // the first request gets HTTP 503, a retry goes through
 *     // ... run the client under test with SecretId "AKIDexample" and SecretKey "secretKey" ...
 *     for (RecordedRequest r : emu.requests()) {
 *         System.out.println(r);     // ... POST v2 RefreshCdnUrl AKID****mple -> OK, 1 url, task 1767240000000123456
 *     }
 * }
 * }</pre>
 *
 * <p>It checks signatures (v1 HmacSHA1/HmacSHA256 and TC3-HMAC-SHA256), timestamps, nonces, per-request
 * and daily limits (Beijing calendar day), domain ownership and status, and answers with the documented
 * envelopes and error codes. Tests can inject faults ({@link #failNext}, {@link #dropNext},
 * {@link #malformedNext}, {@link #delay}) and a {@link Clock}. Faulted requests are not processed:
 * nothing is charged or recorded as a task. The clock also judges the clients' timestamps, so a test that
 * moves it must sign with the same time. The object is thread-safe.
 *
 * <p>It changes no JVM-wide state. Every answer carries {@code Connection: close}, so a client opens one
 * connection a request: that keeps answers fast (about 2 ms on loopback) without the JDK's
 * {@code sun.net.httpserver.nodelay} property, whose absence otherwise costs about 40 ms an answer.
 *
 * <p>From a command line, a caller builds one and calls {@link #runUntilInterrupted(PrintStream)}, which
 * prints the endpoints, the credentials to export and then one line per request.
 */
public final class Emulator implements AutoCloseable {

  /** The path of the legacy API 2.0 endpoint. */
  public static final String LEGACY_PATH = "/v2/index.php";

  private final EmulatorConfig config;

  private final HttpServer server;
  private final ExecutorService executor;
  private final Exchanges exchanges;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Emulator(EmulatorConfig config) throws IOException {
    this.config = config;
    this.exchanges = new Exchanges(config);
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port), 0);
    this.executor = Executors.newCachedThreadPool(daemonThreads());
    server.setExecutor(executor);
    server.createContext("/", exchanges);
    server.start();
  }

  /** Returns a builder with no accounts, a random port, the system clock and the documented limits. */
  public static Builder builder() {
    return new Builder();
  }

  /** Starts an emulator on a random port with one generated account owning {@code www.test.com}. */
  public static Emulator start() {
    return builder().account(Tenant.generate("www.test.com")).start();
  }

  /** Returns the legacy API 2.0 endpoint, {@code http://127.0.0.1:PORT/v2/index.php}. */
  public URI endpoint() {
    return URI.create(base() + LEGACY_PATH);
  }

  /** Returns the API 3.0 endpoint, {@code http://127.0.0.1:PORT/}. */
  public URI endpointV3() {
    return URI.create(base() + "/");
  }

  /** Returns the loopback port the emulator listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Returns the SecretId of the first configured account. */
  public String secretId() {
    return config.accounts.get(0).secretId();
  }

  /** Returns the SecretKey of the first configured account, for handing to a client under test. */
  public String secretKey() {
    return config.accounts.get(0).secretKey();
  }

  /** Returns the configured accounts, in the order they were added. */
  public List<Tenant> accounts() {
    return config.accounts;
  }

  /** Returns a snapshot of every request received so far with its verdict, oldest first. */
  public List<RecordedRequest> requests() {
    return exchanges.recorded();
  }

  /** Answers the next {@code count} requests with HTTP {@code status} (429 also carries {@code Retry-After: 1}). */
  public Emulator failNext(int count, int status) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("HTTP status must be between 100 and 599: " + status);
    }
    exchanges.faults().add(count, Faults.Kind.STATUS, status);
    return this;
  }

  /** Closes the connection of the next {@code count} requests without answering. */
  public Emulator dropNext(int count) {
    exchanges.faults().add(count, Faults.Kind.DROP, 0);
    return this;
  }

  /** Answers the next {@code count} requests with HTTP 200 and a body that is not valid JSON. */
  public Emulator malformedNext(int count) {
    exchanges.faults().add(count, Faults.Kind.MALFORMED, 0);
    return this;
  }

  /** Delays every following answer by {@code delay} ({@link Duration#ZERO} switches it off). */
  public Emulator delay(Duration delay) {
    exchanges.faults().delay(delay);
    return this;
  }

  /**
   * Prints the endpoints and credentials, then one line per request to {@code log}, and blocks until the
   * thread is interrupted or the JVM shuts down; the emulator is closed on the way out.
   */
  public void runUntilInterrupted(PrintStream log) {
    Objects.requireNonNull(log, "log");
    // Listen before printing the banner, so every request a reader of the banner sends is logged.
    exchanges.listen(r -> {
      log.println(r);
      log.flush();
    });
    log.print(Banner.of(this, config.accounts));
    log.flush();
    CountDownLatch never = new CountDownLatch(1);
    Thread hook = new Thread(this::close, "refresh-cdn-emulator-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    boolean interrupted = false;
    try {
      never.await();
    } catch (InterruptedException e) {
      interrupted = true;
    } finally {
      close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is already exiting; the hook closes the emulator.
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Stops listening and releases the port and threads; closing twice is harmless. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    // HttpServer.stop joins its dispatcher thread; a pending interrupt would cut that join short and
    // return before the server has shut down, so the flag is set aside meanwhile and restored after.
    boolean interrupted = Thread.interrupted();
    try {
      server.stop(0);
    } finally {
      executor.shutdownNow();
      exchanges.close();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Returns the base address and the accounts (SecretIds masked, keys never shown). */
  @Override
  public String toString() {
    return "Emulator[" + base() + ", accounts=" + config.accounts + "]";
  }

  private String base() {
    return "http://127.0.0.1:" + port();
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "refresh-cdn-emulator-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Configures and starts an {@link Emulator}; not thread-safe, use it from one thread. */
  public static final class Builder {
    /** Default daily URL quota per account and area (Beijing calendar day). */
    public static final int DEFAULT_DAILY_URL_QUOTA = 10_000;
    /** Default daily directory quota per account and area (Beijing calendar day). */
    public static final int DEFAULT_DAILY_DIR_QUOTA = 100;
    /** Default largest API 3.0 URL purge per area, reported as {@code UrlPurge[].Batch}. */
    public static final int DEFAULT_URL_BATCH = 1_000;
    /** Default largest API 3.0 directory purge per area, reported as {@code PathPurge[].Batch}. */
    public static final int DEFAULT_DIR_BATCH = 20;
    /** Default daily prefetch (PushUrlsCache) quota per account and area, reported by DescribePushQuota. */
    public static final int DEFAULT_DAILY_PREFETCH_QUOTA = 1_000;
    /** Default largest prefetch per area, reported as {@code UrlPush[].Batch}. */
    public static final int DEFAULT_PREFETCH_BATCH = 500;
    /** Default time after which a submitted task reports done. */
    public static final Duration DEFAULT_TASK_COMPLETION = Duration.ofSeconds(5);

    private final List<Tenant> accounts = new ArrayList<>();
    private int port;
    private Clock clock = Clock.systemUTC();
    private Duration taskCompletion = DEFAULT_TASK_COMPLETION;
    private PurgeLimits limits = PurgeLimits.defaults();
    private Path requestLog;
    private final List<String> failingTasks = new ArrayList<>();

    private Builder() {
    }

    /** Adds an account owning the given domains, all online and keeping the query string in the cache key. */
    public Builder account(String secretId, String secretKey, String... onlineDomains) {
      Tenant a = Tenant.of(secretId, secretKey);
      for (String d : onlineDomains) {
        a = a.domain(d);
      }
      return account(a);
    }

    /** Adds an account; SecretIds must be unique. */
    public Builder account(Tenant account) {
      Objects.requireNonNull(account, "account");
      for (Tenant a : accounts) {
        if (a.secretId().equals(account.secretId())) {
          throw new IllegalArgumentException("duplicate SecretId: " + account.secretId());
        }
      }
      accounts.add(account);
      return this;
    }

    /** Sets the loopback port; default 0, a random free port. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
      }
      this.port = port;
      return this;
    }

    /** Sets the clock for timestamps, the quota day and task completion; default the system UTC clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Sets how long after submission a task reports done; default 5 seconds. */
    public Builder taskCompletion(Duration taskCompletion) {
      if (taskCompletion.isNegative()) {
        throw new IllegalArgumentException("task completion must not be negative: " + taskCompletion);
      }
      this.taskCompletion = taskCompletion;
      return this;
    }

    /** Sets the daily URL quota per account in both areas; default 10,000. */
    public Builder dailyUrlQuota(int quota) {
      limits = limits.withDaily(PurgeTask.Kind.URL, PurgeLimits.positive("daily URL quota", quota));
      return this;
    }

    /** Sets the daily directory quota per account in both areas; default 100. */
    public Builder dailyDirQuota(int quota) {
      limits = limits.withDaily(PurgeTask.Kind.PATH, PurgeLimits.positive("daily directory quota", quota));
      return this;
    }

    /**
     * Sets the URL quota of {@code area} ({@link Region#GLOBAL}: both): {@code daily} URLs a Beijing day (0 refuses
     * every purge charged to it), at most {@code batch} a request on API 3.0 (API 2.0 keeps its documented 1,000);
     * DescribePurgeQuota reports both. Defaults 10,000 and 1,000.
     */
    public Builder urlQuota(Region area, int daily, int batch) {
      limits = limits.with(PurgeTask.Kind.URL, Objects.requireNonNull(area, "area"), daily, batch);
      return this;
    }

    /** Sets the directory quota of {@code area} like {@link #urlQuota}; defaults 100 a day, 20 a request (API 2.0: 20). */
    public Builder dirQuota(Region area, int daily, int batch) {
      limits = limits.with(PurgeTask.Kind.PATH, Objects.requireNonNull(area, "area"), daily, batch);
      return this;
    }

    /** Sets the daily prefetch quota per account in both areas (0 refuses every prefetch); default 1,000. */
    public Builder dailyPrefetchQuota(int quota) {
      limits = limits.withDaily(PurgeTask.Kind.PUSH, quota);
      return this;
    }

    /** Sets the prefetch quota of {@code area} like {@link #urlQuota}, for PushUrlsCache; defaults 1,000 a day, 500 a request. */
    public Builder prefetchQuota(Region area, int daily, int batch) {
      limits = limits.with(PurgeTask.Kind.PUSH, Objects.requireNonNull(area, "area"), daily, batch);
      return this;
    }

    /**
     * Makes every purged or prefetched URL or directory containing {@code urlSubstring} fail: once its task is complete
     * it reports {@code fail} in DescribePurgeTasks and DescribePushTasks, a negative {@code status} in GetCdnRefreshLog
     * instead of done. May be called several times; by default nothing fails.
     */
    public Builder failingTasks(String urlSubstring) {
      Objects.requireNonNull(urlSubstring, "urlSubstring");
      if (urlSubstring.isEmpty()) {
        throw new IllegalArgumentException("urlSubstring must not be empty");
      }
      failingTasks.add(urlSubstring);
      return this;
    }

    /** Appends every request and its verdict as one JSON line to {@code file}; default none. */
    public Builder requestLog(Path file) {
      this.requestLog = Objects.requireNonNull(file, "file");
      return this;
    }

    /** Starts the emulator; at least one account is required. */
    public Emulator start() {
      if (accounts.isEmpty()) {
        throw new IllegalStateException("at least one account is required");
      }
      try {
        return new Emulator(new EmulatorConfig(accounts, port, clock, taskCompletion, limits, requestLog, failingTasks));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the emulator on port " + port, e);
      }
    }
  }

  /** The state of an accelerated domain, which decides whether it may be purged. */
  public enum DomainStatus {
    /** Started (已启动): purges are accepted. */
    ONLINE,
    /** Deploying (部署中): purges are accepted. */
    DEPLOYING,
    /** Offline (已关闭): purges are refused. */
    OFFLINE
  }

  /** Where a domain is accelerated, which decides which daily quota a purge uses. */
  public enum Region {
    /** The Chinese mainland (the default). */
    MAINLAND,
    /** Outside the Chinese mainland. */
    OVERSEAS,
    /** Both; a purge without an explicit area uses both quotas. */
    GLOBAL
  }
}
