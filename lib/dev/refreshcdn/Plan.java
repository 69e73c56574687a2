package dev.refreshcdn;

import dev.refreshcdn.Api.HttpMethod;
import dev.refreshcdn.RefreshException.InvalidInputException;
import dev.refreshcdn.RefreshException.InvalidUrl;
import dev.refreshcdn.RefreshException.MissingCredentialsException;
import dev.refreshcdn.Submission.Retry;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Checked, de-duplicated URLs split into the requests that will be sent. A plan is immutable: it can be
 * printed, inspected, {@linkplain #dryRun() dry-run} and {@linkplain #submit() submitted}, even later.
 */
public final class Plan {
  /** From this many requests on, a dry run signs on several cores. */
  private static final int PARALLEL_DRY_RUN = 16;

  private final Settings settings;
  /** The API generation, unsigned: it plans; each sender signs with a copy of its own. */
  private final CdnApi api;
  private final List<String> urls;
  private final Batches batches;
  private final List<InvalidUrl> skipped;
  private final int duplicates;
  private final int batchSize;
  /** Built on first submission; guarded by {@code this}. */
  private HttpClient client;

  private Plan(Settings settings, CdnApi api, Batches batches, List<InvalidUrl> skipped, int duplicates,
      int batchSize) {
    this.batchSize = batchSize;
    this.settings = settings;
    this.api = api;
    this.urls = batches.urls();
    this.batches = batches;
    this.skipped = skipped;
    this.duplicates = duplicates;
  }

  static Plan of(List<String> input, Settings settings, CdnApi api, int batchSize) {
    int budget = api.parameterBudget(settings.tokenBytes());
    UrlCheck.Result checked = new UrlCheck(settings.ignoreQuery, budget - Batches.PARAMETER_OVERHEAD).check(input);
    if (!checked.invalid.isEmpty() && !settings.skipInvalid) {
      throw InvalidInputException.of(checked.invalid, checked.inputCount);
    }
    if (settings.resumption != null && !checked.urls.equals(input)) {
      // The journal names URLs by their place in the job's list: a resumed plan must be that list's rest, as is.
      throw new IllegalArgumentException("a resumed job's URLs cannot be checked differently (ignoreQuery, "
          + "skipInvalid, or a method whose requests cannot hold them): " + (input.size() - checked.urls.size())
          + " of " + input.size() + " would change");
    }
    if (checked.urls.isEmpty()) {
      String why = checked.inputCount == 0 ? "no URLs given" : "no valid URL among " + checked.inputCount + " entries";
      throw new InvalidInputException(why + "; nothing was sent", checked.invalid);
    }
    Batches batches = Batches.split(checked.urls, checked.encodedLengths, batchSize, budget);
    Resumption r = settings.resumption;
    Settings planned = r == null ? settings : settings.with(s -> s.resumption = new Resumption(r.jobId,
        batches.inPlanOrder(r.indices), r.resentUrls, r.journalSize)); // an old job's URLs, grouped by domain now
    return new Plan(planned, api, batches, checked.invalid, checked.duplicates, batchSize);
  }

  /** The planned requests, in the order they will be sent. */
  public List<Batch> requests() {
    List<Batch> batches = new ArrayList<>(requestCount());
    for (int i = 0; i < requestCount(); i++) {
      batches.add(new Batch(i + 1, urlsOf(i)));
    }
    return Collections.unmodifiableList(batches);
  }

  /** How many requests the plan will send. */
  public int requestCount() {
    return batches.requestCount();
  }

  /**
   * Every URL that will be sent, checked, trimmed and de-duplicated, grouped by domain (domains in first-seen order,
   * URLs in first-seen order within one): the order of {@link #requests()}, each of which holds one domain.
   */
  public List<String> urls() {
    return urls;
  }

  /** Entries left out as invalid (only with {@link Refresh#skipInvalid()}), in input order. */
  public List<InvalidUrl> skipped() {
    return skipped;
  }

  /** How many entries were dropped as exact duplicates of an earlier one (after {@code ignoreQuery}). */
  public int duplicatesDropped() {
    return duplicates;
  }

  private List<String> urlsOf(int request) {
    return batches.urlsOf(request);
  }

  /**
   * Signs and encodes every request exactly as {@link #submit()} would, and sends nothing.
   *
   * @throws MissingCredentialsException when no credentials were given and the environment has none
   */
  public DryRun dryRun() {
    Credentials credentials = settings.resolveCredentials(); // fail before any work when there are none
    IntSupplier nonces = settings.nonceSource();
    // Signing is CPU work with nothing shared between requests: large plans use every core, each
    // thread with its own signer (a codec reuses its buffers and MAC).
    ThreadLocal<CdnApi> signers = ThreadLocal.withInitial(() -> api.signedBy(credentials));
    IntStream indices = IntStream.range(0, requestCount());
    if (requestCount() >= PARALLEL_DRY_RUN) {
      indices = indices.parallel();
    }
    List<DryRun.Request> requests = indices.mapToObj(i -> {
      long timestamp = settings.clock.instant().getEpochSecond();
      EncodedRequest request = signers.get().purge(urlsOf(i), timestamp, nonces.getAsInt());
      return new DryRun.Request(i + 1, request.method, settings.endpoint(), request.size, request.urlCount,
          request.preview);
    }).collect(Collectors.toList());
    return new DryRun(requests);
  }

  /**
   * Sends every request in order and returns the tasks created. A request that fails in a way that may
   * pass is retried (see {@link Refresh#retries(int)}) before the job stops. With {@link Refresh#parallel}
   * several requests are in flight at once; with {@link Refresh#stateDir} the job is journaled there.
   *
   * @throws RefusedException when the service refuses a request; earlier tasks and unsent URLs are in it
   * @throws NoAnswerException when a request gets no usable answer; likewise
   * @throws QuotaExhaustedException when the daily quota is spent before every URL was sent; likewise
   * @throws MissingCredentialsException when no credentials were given and the environment has none
   * @throws StoppedException when the task listener of {@link #submit(Consumer)} throws
   * @throws RefreshException.JournalException when the state directory cannot be written
   * @throws IllegalStateException when the job is running in another submission (this process or another), or
   *     a resumed job changed since {@link JobStore#resume} read it: nothing is sent
   */
  public Submission submit() {
    return submit(task -> { });
  }

  /**
   * Like {@link #submit()}, telling {@code onTask} of each task as soon as it is created (one call at a
   * time, in the order the answers come); if it throws, the job stops with a {@link StoppedException}.
   */
  public Submission submit(Consumer<? super Task> onTask) {
    return submit(onTask, retry -> { });
  }

  /**
   * Like {@link #submit(Consumer)}, also telling {@code onRetry} of each retry before its wait (for a
   * progress display, say); if it throws, the job stops with a {@link StoppedException} once the request
   * in hand is settled.
   */
  public Submission submit(Consumer<? super Task> onTask, Consumer<? super Retry> onRetry) {
    Objects.requireNonNull(onTask, "onTask");
    Objects.requireNonNull(onRetry, "onRetry");
    HttpClient client = client();
    return new JobRun(batches, nothingSent(), settings, api, client, onTask, onRetry).submit(batchSize,
        (prefetch, urls, credentials, journal) -> {
          CdnApi warmApi = CdnApis.of(prefetch);
          Plan warm = Plan.of(urls, prefetch, warmApi, Limits.MAX_PUSH_BATCH_SIZE);
          return new JobRun(warm.batches, warm.nothingSent(), prefetch, warmApi, client, onTask, onRetry)
              .phase(credentials, journal);
        });
  }

  RefreshException.Progress nothingSent() {
    return new RefreshException.Progress(List.of(), List.of(), urls, 0, requestCount(), null, 0, settings.directories);
  }

  /** This plan's one HTTP client, built on first use and shared by every submission of the plan. */
  private synchronized HttpClient client() {
    if (client == null) {
      client = settings.client();
    }
    return client;
  }

  /** The endpoint this plan sends to. */
  public URI endpoint() {
    return settings.endpoint();
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("Plan: ").append(urls.size())
        .append(settings.directories ? " directories in " : " URLs in ")
        .append(requestCount()).append(' ').append(settings.method).append(" requests to ")
        .append(settings.endpoint()).append(" (")
        .append(api.describe())
        .append(')');
    if (duplicates > 0) {
      text.append(", ").append(duplicates).append(" duplicates dropped");
    }
    if (!skipped.isEmpty()) {
      text.append(", ").append(skipped.size()).append(" invalid entries skipped");
    }
    for (int i = 0; i < requestCount(); i++) {
      text.append("\n  ").append(new Batch(i + 1, urlsOf(i)));
    }
    return text.toString();
  }

  /** One planned request: its 1-based number in the plan and the URLs it will carry, in order. */
  public static final class Batch {
    private final int number;
    private final List<String> urls;

    Batch(int number, List<String> urls) {
      this.number = number;
      this.urls = List.copyOf(urls);
    }

    /** The request's 1-based position in the plan. */
    public int number() {
      return number;
    }

    /** The URLs this request carries, numbered {@code urls.0}, {@code urls.1}, … on the wire. */
    public List<String> urls() {
      return urls;
    }

    @Override
    public String toString() {
      String range = urls.size() == 1 ? urls.get(0) : urls.get(0) + " … " + urls.get(urls.size() - 1);
      return "request " + number + ": " + urls.size() + " URLs, " + range;
    }
  }

  /** Every request of a plan signed and encoded exactly as it would be sent, without sending it. */
  public static final class DryRun {
    private final List<Request> requests;

    DryRun(List<Request> requests) {
      this.requests = List.copyOf(requests);
    }

    /** One signed request: where it would go, how big it is and a preview with the secrets redacted. */
    public static final class Request {
      private final int number;
      private final HttpMethod method;
      private final URI endpoint;
      private final int bytes;
      private final int urlCount;
      private final String preview;

      Request(int number, HttpMethod method, URI endpoint, int bytes, int urlCount, String preview) {
        this.number = number;
        this.method = method;
        this.endpoint = endpoint;
        this.bytes = bytes;
        this.urlCount = urlCount;
        this.preview = preview;
      }

      /** The request's 1-based position in the plan. */
      public int number() {
        return number;
      }

      /** The HTTP method it would use. */
      public HttpMethod method() {
        return method;
      }

      /** The endpoint it would be sent to, without the query string. */
      public URI endpoint() {
        return endpoint;
      }

      /** Bytes of parameters on the wire: the form body for POST, the query for GET. */
      public int bytes() {
        return bytes;
      }

      /** How many URLs it carries. */
      public int urlCount() {
        return urlCount;
      }

      /** Its parameters with the SecretId masked, the middle URLs elided and the Signature redacted. */
      public String preview() {
        return preview;
      }

      @Override
      public String toString() {
        return "request " + number + ": " + method + " " + endpoint + ", " + urlCount + " URLs, " + bytes
            + " bytes: " + preview;
      }
    }

    /** The signed requests, in the order they would be sent. */
    public List<Request> requests() {
      return requests;
    }

    /** The total number of URLs across all requests. */
    public int urlCount() {
      int sum = 0;
      for (Request request : requests) {
        sum += request.urlCount;
      }
      return sum;
    }

    /** The total bytes of parameters across all requests. */
    public long bytes() {
      long sum = 0;
      for (Request request : requests) {
        sum += request.bytes;
      }
      return sum;
    }

    @Override
    public String toString() {
      StringBuilder text = new StringBuilder("Dry run: ").append(requests.size()).append(" requests, ")
          .append(urlCount()).append(" URLs, ").append(bytes()).append(" bytes, nothing sent");
      for (Request request : requests) {
        text.append('\n').append("  ").append(request);
      }
      return text.toString();
    }
  }
}
