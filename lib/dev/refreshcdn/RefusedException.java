package dev.refreshcdn;

import dev.refreshcdn.internal.Texts;

/**
 * The service answered and refused a request ({@code code} not 0). Its URLs, in {@link #failedUrls()},
 * were not refreshed by this answer; only when {@link #earlierAttemptMayHaveReachedService()} an earlier
 * attempt of the same request (lost in a timeout, say) may have refreshed them.
 */
public final class RefusedException extends RefreshException {
  private final String code;
  private final String codeDesc;
  private final String serviceMessage;
  private final String requestId;
  private final boolean earlierAttemptMayHaveReachedService;

  RefusedException(String code, String codeDesc, String serviceMessage, String requestId,
      boolean earlierAttemptMayHaveReachedService, Progress progress, String hint) {
    super(describe(code, codeDesc, serviceMessage, requestId, earlierAttemptMayHaveReachedService, progress) + hint,
        progress, null);
    this.code = code;
    this.codeDesc = codeDesc;
    this.serviceMessage = serviceMessage;
    this.requestId = requestId;
    this.earlierAttemptMayHaveReachedService = earlierAttemptMayHaveReachedService;
  }

  private static String describe(String code, String codeDesc, String message, String requestId, boolean earlier,
      Progress progress) {
    // A query (status, quota) sends no URLs: requestCount 0. A job refused at its quota query: request 0 of n.
    String what = progress.requestCount == 0 ? "the service refused the query"
        : progress.requestNumber == 0
        ? "the service refused the quota query (DescribePurgeQuota) asked before the first request"
        : String.format("the service refused request %d of %d (%s)", progress.requestNumber,
            progress.requestCount, progress.count(progress.failedUrls.size()));
    return String.format("%s: code %s%s, message %s%s%s%s", what, code,
        codeDesc.isEmpty() ? "" : ", codeDesc " + codeDesc, Texts.quote(message),
        requestId == null || requestId.isEmpty() ? "" : ", RequestId " + requestId,
        earlier ? "; an earlier attempt of this request may have reached the service" : "",
        progress.requestCount == 0 ? "" : progress.summary());
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
