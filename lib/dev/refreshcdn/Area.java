package dev.refreshcdn;

/** Where API 3.0 purges: by default the domain's own acceleration region, or only one of these. */
public enum Area {
  /** Only caches on nodes in the Chinese mainland. */
  MAINLAND,
  /** Only caches on nodes outside the Chinese mainland. */
  OVERSEAS;

  /** The value the API expects: {@code mainland} or {@code overseas}. */
  String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
