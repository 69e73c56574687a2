package dev.refreshcdn;

import dev.refreshcdn.internal.Texts;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The root of every failure this library reports. Nothing is lost when a job stops half-way: the
 * exception carries the tasks already created, the URLs of the request that failed and the URLs that
 * were never sent.
 */
public abstract class RefreshException extends RuntimeException {
  private final Progress progress;

  RefreshException(String message, Progress progress, Throwable cause) {
    super(message, cause);
    this.progress = progress;
  }

  /** The tasks created before the failure, in the order sent; empty when nothing was accepted. */
  public List<Task> tasks() {
    return progress.tasks;
  }

  /**
   * The URLs of the request that failed, and those of every domain the service refused (see
   * {@link #refusedDomains()}); whether the service acted on them is told by the subtype.
   */
  public List<String> failedUrls() {
    return progress.failedUrls;
  }

  /**
   * The domains whose requests the service refused for the domain itself (unknown to the account, offline, not
   * this sub-account's), in the order refused: the job went on with the other domains' requests, and their URLs
   * are in {@link #failedUrls()}, pending in the job's journal. Empty when no domain was refused.
   */
  public List<RefusedDomain> refusedDomains() {
    return progress.refusedDomains;
  }

  /** The URLs of the requests that were never sent because of this failure. */
  public List<String> unsentUrls() {
    return progress.unsentUrls;
  }

  /** The 1-based number of the request that failed within its plan; 0 when no request was involved. */
  public int requestNumber() {
    return progress.requestNumber;
  }

  /**
   * On a {@linkplain JobStore#resume resumed} job, how many URLs it sent again because the answer to an
   * earlier attempt was lost (see {@link Submission#resentUrls()}); 0 otherwise.
   */
  public int resentUrls() {
    return progress.resentUrls;
  }

  /**
   * The job this failure stopped, when it was submitted with a {@link Refresh#stateDir state directory}:
   * its journal holds everything above, and {@link JobStore#resume} sends what was not accepted.
   */
  public java.util.Optional<String> jobId() {
    return java.util.Optional.ofNullable(progress.jobId);
  }

  /** Where a job stood when it failed: immutable, shared by every exception type. */
  static final class Progress {
    static final Progress NOTHING_SENT = new Progress(List.of(), List.of(), List.of(), 0, 0);

    final List<Task> tasks;
    final List<String> failedUrls;
    final List<String> unsentUrls;
    /** 1-based number of the failed request, 0 when no request was involved. */
    final int requestNumber;
    final int requestCount;
    /** The journaled job, or null when the submission kept no journal. */
    final String jobId;
    final int resentUrls;
    /** Whether the job refreshes directories, for the words of its messages. */
    final boolean directories;
    final List<RefusedDomain> refusedDomains;

    Progress(List<Task> tasks, List<String> failedUrls, List<String> unsentUrls, int requestNumber, int requestCount) {
      this(tasks, failedUrls, unsentUrls, requestNumber, requestCount, null, 0, false);
    }

    Progress(List<Task> tasks, List<String> failedUrls, List<String> unsentUrls, int requestNumber, int requestCount,
        String jobId, int resentUrls, boolean directories) {
      this(tasks, failedUrls, unsentUrls, requestNumber, requestCount, jobId, resentUrls, directories, List.of());
    }

    private Progress(List<Task> tasks, List<String> failedUrls, List<String> unsentUrls, int requestNumber,
        int requestCount, String jobId, int resentUrls, boolean directories, List<RefusedDomain> refusedDomains) {
      this.refusedDomains = List.copyOf(refusedDomains);
      this.jobId = jobId;
      this.directories = directories;
      this.resentUrls = resentUrls;
      this.tasks = List.copyOf(tasks);
      this.failedUrls = List.copyOf(failedUrls);
      this.unsentUrls = List.copyOf(unsentUrls);
      this.requestNumber = requestNumber;
      this.requestCount = requestCount;
    }

    /** This progress with the domains the service refused. */
    Progress withRefusedDomains(List<RefusedDomain> domains) {
      return new Progress(tasks, failedUrls, unsentUrls, requestNumber, requestCount, jobId, resentUrls, directories,
          domains);
    }

    /** The sentence that ends every job-failure message: what was created and what was not. */
    String summary() {
      int created = 0;
      for (Task task : tasks) {
        created += task.count();
      }
      StringBuilder domains = new StringBuilder();
      for (RefusedDomain domain : refusedDomains) {
        domains.append(domains.length() == 0 ? " (refused domains: " : ", ").append(domain.name).append(' ')
            .append(count(domain.urlCount));
      }
      return "; " + tasks.size() + (tasks.size() == 1 ? " task" : " tasks") + " created before it ("
          + Texts.count(created, directories) + "), " + count(failedUrls.size())
          + (refusedDomains.isEmpty() ? " in the failed request" : " in failed or refused requests")
          + (domains.length() == 0 ? "" : domains.append(')')) + ", " + count(unsentUrls.size()) + " not sent";
    }

    /** {@code n} URLs or directories, as the job holds. */
    String count(long n) {
      return Texts.count(n, directories);
    }
  }

  /**
   * The daily quota is spent: what fit was submitted ({@link #tasks()}), the rest was not sent
   * ({@link #unsentUrls()}, plus {@link #failedUrls()} when the service itself refused a request with
   * {@code 22044} or {@code …ExceedDayLimit}). Nothing is lost: with a state directory the rest is recorded
   * as pending in the job's journal, for {@link JobStore#resume} once {@link #quotaReturns()} has passed.
   */
  public static final class QuotaExhaustedException extends RefreshException {
    private final Instant quotaReturns;
    private final int dailyQuota;

    QuotaExhaustedException(String why, Instant quotaReturns, int dailyQuota, Progress progress) {
      super(why + "; the rest is pending until the quota returns at " + quotaReturns + " (midnight, Beijing time)"
          + progress.summary(), progress, null);
      this.quotaReturns = quotaReturns;
      this.dailyQuota = dailyQuota;
    }

    /** When the daily quota returns: the next midnight in Beijing (UTC+8). */
    public Instant quotaReturns() {
      return quotaReturns;
    }

    /** The daily quota the job was held to. */
    public int dailyQuota() {
      return dailyQuota;
    }

    /**
     * How many URLs are not accepted: {@link #failedUrls()} (the request the service refused for the quota, and
     * with {@link Refresh#parallel} any request that failed beside it) and {@link #unsentUrls()}.
     */
    public int pendingUrls() {
      return failedUrls().size() + unsentUrls().size();
    }
  }

  /** The input cannot be planned: bad URLs (each named with its position) or no URL at all. Nothing was sent. */
  public static final class InvalidInputException extends RefreshException {
    /** How many bad entries the message lists; {@link #invalid()} always has them all. */
    static final int LISTED_IN_MESSAGE = 50;

    private final List<InvalidUrl> invalid;

    InvalidInputException(String message, List<InvalidUrl> invalid) {
      super(message, Progress.NOTHING_SENT, null);
      this.invalid = List.copyOf(invalid);
    }

    static InvalidInputException of(List<InvalidUrl> invalid, int inputCount) {
      StringBuilder message = new StringBuilder()
          .append(invalid.size()).append(" of ").append(inputCount)
          .append(" entries are not valid URLs to refresh; nothing was sent:");
      for (int i = 0; i < invalid.size() && i < LISTED_IN_MESSAGE; i++) {
        message.append("\n  ").append(invalid.get(i));
      }
      if (invalid.size() > LISTED_IN_MESSAGE) {
        message.append("\n  … and ").append(invalid.size() - LISTED_IN_MESSAGE).append(" more");
      }
      return new InvalidInputException(message.toString(), invalid);
    }

    /** Every bad entry, in input order; empty when the input was empty. */
    public List<InvalidUrl> invalid() {
      return invalid;
    }
  }

  /**
   * No SecretId/SecretKey was given and the environment has none; the message names where it looked.
   * Nothing was sent: when a plan was being submitted, all its URLs are in {@link #unsentUrls()}.
   */
  public static final class MissingCredentialsException extends RefreshException {
    MissingCredentialsException(String message) {
      super(message, Progress.NOTHING_SENT, null);
    }

    MissingCredentialsException(MissingCredentialsException e, Progress progress) {
      super(e.getMessage(), progress, e);
    }
  }

  /**
   * The caller stopped the job: a listener given to {@link Plan#submit(java.util.function.Consumer)} (of
   * tasks or of retries) threw (the cause). The tasks created, including the one it was told of, are in
   * {@link #tasks()}; the URLs not sent are in {@link #unsentUrls()}.
   */
  public static final class StoppedException extends RefreshException {
    StoppedException(RuntimeException cause, Progress progress) {
      super("a listener of the submission threw " + cause + "; the job stopped after request " + progress.requestNumber
          + " of " + progress.requestCount + progress.summary(), progress, cause);
    }
  }

  /**
   * The job's journal or the quota ledger in the {@linkplain Refresh#stateDir state directory} could not be
   * written, so the job stopped rather than send requests it could not record. Tasks created before are in
   * {@link #tasks()}; the cause says what the file system refused. When the job could not even be recorded,
   * nothing was sent: {@link #requestNumber()} is 0 and every URL is in {@link #unsentUrls()}.
   */
  public static final class JournalException extends RefreshException {
    JournalException(String what, IOException cause, Progress progress) {
      super(what + ": " + cause + "; the job stopped" + progress.summary(), progress, cause);
    }
  }

  /**
   * A domain whose requests the service refused for the domain itself, e.g. {@code ResourceNotFound.CdnHostNotExists}
   * or the legacy {@code 9110} ("cdn no such host"): its name, how many of the job's URLs it held back, and the
   * service's words for the first of its refused requests.
   */
  public static final class RefusedDomain {
    private final String name;
    private final int urlCount;
    private final String code;
    private final String codeDesc;
    private final String message;

    RefusedDomain(String name, int urlCount, String code, String codeDesc, String message) {
      this.name = name;
      this.urlCount = urlCount;
      this.code = code;
      this.codeDesc = codeDesc;
      this.message = message;
    }

    /** The domain, lower-cased, e.g. {@code www.example.com}. */
    public String name() {
      return name;
    }

    /** How many of the job's URLs (or directories) of this domain were not accepted: refused, or not sent after. */
    public int urlCount() {
      return urlCount;
    }

    /** The service's code, as {@link RefusedException#code()}. */
    public String code() {
      return code;
    }

    /** The legacy {@code codeDesc}, e.g. {@code 9110}; empty on API 3.0. */
    public String codeDesc() {
      return codeDesc;
    }

    /** The service's message, as {@link RefusedException#message()}. */
    public String message() {
      return message;
    }

    @Override
    public String toString() {
      return name + ": " + urlCount + " refused (code " + code + (codeDesc.isEmpty() ? "" : ", codeDesc " + codeDesc)
          + ", message " + Texts.quote(message) + ")";
    }
  }

  /** One input entry that cannot be refreshed, with its 1-based position in the input and why. */
  public static final class InvalidUrl {
    private final int position;
    private final String value;
    /** The reason, or with {@link #column} > 0 its template, whose {@code %d} is the column. */
    private final String reason;
    private final int column;

    InvalidUrl(int position, String value, String reason) {
      this(position, value, reason, 0);
    }

    /** A bad entry whose reason names a 1-based column: {@code template} has a {@code %d} for it. */
    InvalidUrl(int position, String value, String template, int column) {
      this.position = position;
      this.value = value;
      this.reason = Objects.requireNonNull(template);
      this.column = column;
    }

    /** The entry's 1-based position in the input as given (a line number for a file of one URL a line). */
    public int position() {
      return position;
    }

    /** The entry as given, or {@code null} when the entry was null. */
    public String value() {
      return value;
    }

    /** The entry as a message may show it: quoted, control characters made visible, a {@code user:password@} masked. */
    public String shown() {
      return Texts.quote(masked());
    }

    /** The entry as given but for a {@code user:password@}, masked as {@code ***@}: for machine-readable reports. */
    public String masked() {
      return Texts.withoutUserInfo(value);
    }

    /** Why the entry was refused, e.g. {@code must start with http:// or https://}. */
    public String reason() {
      return column > 0 ? String.format(Locale.ROOT, reason, column) : reason;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof InvalidUrl)) {
        return false;
      }
      InvalidUrl that = (InvalidUrl) o;
      return position == that.position && Objects.equals(value, that.value) && reason().equals(that.reason());
    }

    @Override
    public int hashCode() {
      return Objects.hash(position, value, reason());
    }

    @Override
    public String toString() {
      return "#" + position + " " + shown() + ": " + reason();
    }
  }
}
