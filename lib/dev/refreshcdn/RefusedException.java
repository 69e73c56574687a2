package dev.refreshcdn;

/**
 * The service answered and refused a request ({@code code} not 0). Its URLs were not refreshed; they are
 * in {@link #failedUrls()}.
 */
public final class RefusedException extends RefreshException {
  private final int code;
  private final String codeDesc;
  private final String serviceMessage;
  private final int requestNumber;

  RefusedException(int code, String codeDesc, String serviceMessage, Progress progress) {
    super(describe(code, codeDesc, serviceMessage, progress), progress, null);
    this.code = code;
    this.codeDesc = codeDesc;
    this.serviceMessage = serviceMessage;
    this.requestNumber = progress.requestNumber;
  }

  private static String describe(int code, String codeDesc, String message, Progress progress) {
    return String.format("the service refused request %d of %d (%d URLs): code %d, codeDesc %s, message %s%s",
        progress.requestNumber, progress.requestCount, progress.failedUrls.size(),
        code, codeDesc, Texts.quote(message), progress.summary());
  }

  /** The service's {@code code}, e.g. 4000 for a parameter error or 4100 for a failed signature check. */
  public int code() {
    return code;
  }

  /** The service's {@code codeDesc} as text (it comes as a string or a number), e.g. {@code 9110}. */
  public String codeDesc() {
    return codeDesc;
  }

  /** The service's own {@code message}, e.g. {@code (9110)没有这个域名的信息 cdn no such host}. */
  public String message() {
    return serviceMessage;
  }

  /** The 1-based number of the refused request within the plan. */
  public int requestNumber() {
    return requestNumber;
  }
}
