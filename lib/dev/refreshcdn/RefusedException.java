package dev.refreshcdn;

import dev.refreshcdn.RefreshException.RefusedDomain;
import dev.refreshcdn.internal.Texts;

/**
 * The service answered and refused a request ({@code code} not 0), or the requests of one or more domains
 * ({@link #refusedDomains()}, the job going on with the others'; the first domain's code and message are this
 * exception's). Its URLs, in {@link #failedUrls()}, were not refreshed by this answer; only when
 * {@link #earlierAttemptMayHaveReachedService()} an earlier attempt of the same request (lost in a timeout, say) may
 * have refreshed them.
 */
public final class RefusedException extends RefreshException {
  private final String code;
  private final String codeDesc;
  private final String serviceMessage;
  private final String requestId;
  private final boolean earlierAttemptMayHaveReachedService;

  RefusedException(String code, String codeDesc, String serviceMessage, String requestId,
      boolean earlierAttemptMayHaveReachedService, Progress progress, String hint) {
    this(code, codeDesc, serviceMessage, requestId, earlierAttemptMayHaveReachedService, progress, hint,
        V3Api.QUOTA_ACTION);
  }

  /** A refusal of the quota query a job asks first, {@code quotaAction}, names that action. */
  RefusedException(String code, String codeDesc, String serviceMessage, String requestId,
      boolean earlierAttemptMayHaveReachedService, Progress progress, String hint, String quotaAction) {
    super(describe(code, codeDesc, serviceMessage, requestId, earlierAttemptMayHaveReachedService, progress,
        quotaAction) + hint, progress, null);
    this.code = code;
    this.codeDesc = codeDesc;
    this.serviceMessage = serviceMessage;
    this.requestId = requestId;
    this.earlierAttemptMayHaveReachedService = earlierAttemptMayHaveReachedService;
  }

  private static String describe(String code, String codeDesc, String message, String requestId, boolean earlier,
      Progress progress, String quotaAction) {
    if (!progress.refusedDomains.isEmpty() && ServiceCodes.aboutDomain(code, codeDesc, message)) {
      return domains(progress, requestId, earlier);
    }
    // A query (status, quota) sends no URLs: requestCount 0. A job refused at its quota query: request 0 of n.
    String what = progress.requestCount == 0 ? "the service refused the query"
        : progress.requestNumber == 0
        ? "the service refused the quota query (" + quotaAction + ") asked before the first request"
        : String.format("the service refused request %d of %d (%s)", progress.requestNumber,
            progress.requestCount, progress.count(progress.failedUrls.size()));
    return String.format("%s: code %s%s, message %s%s%s%s", what, code,
        codeDesc.isEmpty() ? "" : ", codeDesc " + codeDesc, Texts.quote(message),
        requestId == null || requestId.isEmpty() ? "" : ", RequestId " + requestId,
        earlier ? "; an earlier attempt of this request may have reached the service" : "",
        progress.requestCount == 0 ? "" : progress.summary());
  }

  /** A job that went on past refused domains and stopped at its end: each domain, its count and the service's words. */
  private static String domains(Progress progress, String requestId, boolean earlier) {
    int n = progress.refusedDomains.size();
    StringBuilder text = new StringBuilder("the service refused the requests of ").append(n)
        .append(n == 1 ? " domain" : " domains").append(" (the job went on with the other domains' requests):");
    for (RefusedDomain domain : progress.refusedDomains) {
      text.append(' ').append(domain.name()).append(" (").append(progress.count(domain.urlCount())).append("): code ")
          .append(domain.code()).append(domain.codeDesc().isEmpty() ? "" : ", codeDesc " + domain.codeDesc())
          .append(", message ").append(Texts.quote(domain.message())).append(';');
    }
    text.setLength(text.length() - 1);
    int created = 0;
    for (Task task : progress.tasks) {
      created += task.count();
    }
    return text + (requestId == null || requestId.isEmpty() ? "" : " (first RequestId " + requestId + ")")
        + (earlier ? "; an earlier attempt of a refused request may have reached the service" : "")
        + "; " + progress.tasks.size() + (progress.tasks.size() == 1 ? " task" : " tasks") + " created ("
        + progress.count(created) + "), " + progress.count(progress.failedUrls.size()) + " of refused domains"
        + (progress.unsentUrls.isEmpty() ? "" : ", " + progress.count(progress.unsentUrls.size()) + " not sent");
  }

  /**
   * The service's code as text: the legacy {@code code}, e.g. {@code 4000} for a parameter error or
   * {@code 4100} for a failed signature check, or API 3.0's {@code Error.Code}, e.g.
   * {@code ResourceNotFound.CdnHostNotExists}.
   */
  public String code() {
    return code;
  }

  /** The legacy {@code codeDesc} as text (it comes as a string or a number), e.g. {@code 9110}; empty on API 3.0. */
  public String codeDesc() {
    return codeDesc;
  }

  /** API 3.0's {@code RequestId}, for Tencent support; empty on the legacy API, which has none. */
  public java.util.Optional<String> requestId() {
    return java.util.Optional.ofNullable(requestId).filter(id -> !id.isEmpty());
  }

  /**
   * The service's own {@code message}, e.g. {@code (9110)没有这个域名的信息 cdn no such host}; like every text
   * from the network, without a secret or signature an echo of the request put there, control characters escaped.
   */
  public String message() {
    return serviceMessage;
  }

  /** Whether an earlier attempt of the refused request may have reached the service before this refusal. */
  public boolean earlierAttemptMayHaveReachedService() {
    return earlierAttemptMayHaveReachedService;
  }
}
