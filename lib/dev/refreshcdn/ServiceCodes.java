package dev.refreshcdn;

/**
 * The refusal codes that mean "busy, try later", "today's quota is spent" or "not this domain", on either API
 * generation: a legacy {@code codeDesc} sometimes carries an API 3.0 style name, so both readers consult this one list.
 */
final class ServiceCodes {
  /** Module codes of "today's quota is spent": URLs (22044) and directories (22046), reference 3.2. */
  static final int URL_DAY_LIMIT = 22044;
  static final int DIR_DAY_LIMIT = 22046;
  /** Legacy codes that mean "try later": internal error, temporarily unavailable. */
  private static final int[] BUSY_CODES = {6000, 6200};
  /** Module codes (the number in {@code message}'s parentheses) for system errors and too-frequent calls. */
  private static final int[] BUSY_MODULE_CODES = {9000, 9163, 22063};

  /**
   * API 3.0 codes of a refusal about the request's domain (reference 4.6): unknown, offline or in a state that may
   * not be purged, not this sub-account's, a wildcard domain. Since a request holds one domain, they name it.
   */
  private static final java.util.Set<String> DOMAIN_CODES = java.util.Set.of("ResourceNotFound.CdnHostNotExists",
      "ResourceUnavailable.CdnHostIsNotOnline", "UnauthorizedOperation.CdnHostUnauthorized",
      "InvalidParameter.CdnHostInvalidStatus", "InvalidParameter.CdnPurgeWildcardNotAllowed");
  /**
   * Legacy module codes of the same (reference 3.2): no such domain (9110, 9105, 9307), not on (9112), deploying or
   * offline (9175, 9176), CDN not enabled for it (22041), no permission on it (25002), disabled (28007), not online
   * (28008).
   */
  private static final int[] DOMAIN_MODULE_CODES = {9105, 9110, 9112, 9175, 9176, 9307, 22041, 25002, 28007, 28008};

  private ServiceCodes() {}

  /**
   * Whether a refusal, on either API generation ({@code code} numeric: legacy), is about the request's domain rather
   * than the request or the account: the job goes on with the other domains' requests.
   */
  static boolean aboutDomain(String code, String codeDesc, String message) {
    if (DOMAIN_CODES.contains(code) || DOMAIN_CODES.contains(codeDesc)) {
      return true;
    }
    if (!code.matches("-?\\d{1,9}")) {
      return false; // an API 3.0 message may start with a number in parentheses that is no module code
    }
    int module = moduleCode(codeDesc, message);
    for (int domain : DOMAIN_MODULE_CODES) {
      if (module == domain) {
        return true;
      }
    }
    return false;
  }

  /** API 3.0: throttling and internal errors may pass; auth, parameter and quota errors will not. */
  static boolean busy(String code) {
    return code.startsWith("RequestLimitExceeded") || code.startsWith("InternalError")
        || code.equals("ServiceUnavailable") || code.endsWith("OperationTooOften");
  }

  /** API 3.0: {@code LimitExceeded.CdnPurgeUrlExceedDayLimit}, {@code …PathExceedDayLimit}, {@code …PurgeExceedDayLimit}. */
  static boolean dailyQuota(String code) {
    return code.endsWith("ExceedDayLimit");
  }

  /** Whether a legacy refusal means "busy, try later" rather than "no". */
  static boolean legacyBusy(int code, String codeDesc, String message) {
    if (busy(codeDesc)) {
      return true; // codeDesc sometimes carries an API 3.0 style name, e.g. RequestLimitExceeded
    }
    for (int busy : BUSY_CODES) {
      if (code == busy) {
        return true;
      }
    }
    int module = moduleCode(codeDesc, message);
    for (int busy : BUSY_MODULE_CODES) {
      if (module == busy) {
        return true;
      }
    }
    return false;
  }

  /** Whether a legacy refusal's module code (in codeDesc, or in message's parentheses) is a daily-quota one. */
  static boolean legacyDailyQuota(String codeDesc, String message) {
    int module = moduleCode(codeDesc, message);
    return module == URL_DAY_LIMIT || module == DIR_DAY_LIMIT;
  }

  /**
   * The module code of a legacy refusal: {@code codeDesc} when it is a number, else the number in parentheses
   * that starts {@code message} ({@code (9110)…}); some are negative ({@code -9009}, no records);
   * -1 when there is none.
   */
  static int moduleCode(String codeDesc, String message) {
    String digits = codeDesc.matches("-?\\d{1,9}") ? codeDesc
        : message.matches("(?s)\\(-?\\d{1,9}\\).*") ? message.substring(1, message.indexOf(')')) : null;
    return digits == null ? -1 : Integer.parseInt(digits);
  }
}
