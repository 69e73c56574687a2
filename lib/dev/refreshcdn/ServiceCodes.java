package dev.refreshcdn;

/**
 * The refusal codes that mean "busy, try later" or "today's quota is spent", on either API generation: a
 * legacy {@code codeDesc} sometimes carries an API 3.0 style name, so both readers consult this one list.
 */
final class ServiceCodes {
  /** Module codes of "today's quota is spent": URLs (22044) and directories (22046), reference 3.2. */
  static final int URL_DAY_LIMIT = 22044;
  static final int DIR_DAY_LIMIT = 22046;
  /** Legacy codes that mean "try later": internal error, temporarily unavailable. */
  private static final int[] BUSY_CODES = {6000, 6200};
  /** Module codes (the number in {@code message}'s parentheses) for system errors and too-frequent calls. */
  private static final int[] BUSY_MODULE_CODES = {9000, 9163, 22063};

  private ServiceCodes() {}

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
