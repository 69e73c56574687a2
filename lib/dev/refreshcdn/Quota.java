package dev.refreshcdn;

import java.util.Optional;

/**
 * A daily refresh quota: as {@code DescribePurgeQuota} reports it on API 3.0 (one per area and kind), or
 * as the local ledger of a {@link Refresh#stateDir state directory} counts it on the legacy API, which
 * has no quota query.
 */
public final class Quota {
  private final boolean directories;
  private final Area area;
  private final int batch;
  private final int total;
  private final int available;
  private final boolean fromService;

  Quota(boolean directories, Area area, int batch, int total, int available, boolean fromService) {
    this.directories = directories;
    this.area = area;
    this.batch = batch;
    this.total = total;
    this.available = available;
    this.fromService = fromService;
  }

  /** Whether this is the directory quota ({@code PathPurge}) rather than the URL quota ({@code UrlPurge}). */
  public boolean directories() {
    return directories;
  }

  /** The area it applies to; empty for the legacy API's one account-wide quota. */
  public Optional<Area> area() {
    return Optional.ofNullable(area);
  }

  /** The most URLs (or directories) one request may carry. */
  public int batch() {
    return batch;
  }

  /** The most a day. */
  public int total() {
    return total;
  }

  /** What is left today. */
  public int available() {
    return available;
  }

  /** True when the service reported it; false when counted by the local ledger. */
  public boolean fromService() {
    return fromService;
  }

  @Override
  public String toString() {
    return "Quota " + (directories ? "directories" : "URLs") + (area == null ? "" : " " + area.wire()) + ": "
        + available + " of " + total + " left today, " + batch + " per request"
        + (fromService ? "" : " (local ledger)");
  }
}
