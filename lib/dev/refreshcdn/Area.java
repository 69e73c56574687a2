package dev.refreshcdn;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where API 3.0 purges or prefetches: by default the domain's own acceleration region (a prefetch: as the service
 * decides), or only one of these.
 */
public enum Area {
  /** Only caches on nodes in the Chinese mainland. */
  MAINLAND,
  /** Only caches on nodes outside the Chinese mainland (a prefetch there is billed as traffic). */
  OVERSEAS,
  /** Prefetch only ({@code PushUrlsCache}): nodes in both, charged to both areas' quotas; a purge refuses it. */
  GLOBAL;

  /** The value the API expects: {@code mainland}, {@code overseas} or {@code global}. */
  String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The areas whose quota a job in {@code area} spends: both for {@link #GLOBAL}. */
  static Set<Area> charged(Area area) {
    return area == GLOBAL ? Set.of(MAINLAND, OVERSEAS) : Set.of(area);
  }

  /**
   * A daily quota: as {@code DescribePurgeQuota} and {@code DescribePushQuota} report it on API 3.0 (one per area
   * and kind), or as the local ledger of a {@link Refresh#stateDir state directory} counts it on the legacy API,
   * which has no quota query.
   */
  public static final class Quota {
    /** What a quota counts. */
    public enum Kind {
      /** URLs purged ({@code UrlPurge}; the legacy {@code RefreshCdnUrl}). */
      URLS,
      /** Directories purged ({@code PathPurge}; the legacy {@code RefreshCdnDir}). */
      DIRECTORIES,
      /** URLs prefetched ({@code UrlPush}), API 3.0 only. */
      PREFETCH
    }

    private final Kind kind;
    private final Area area;
    private final int batch;
    private final int total;
    private final int available;
    private final boolean fromService;

    Quota(Kind kind, Area area, int batch, int total, int available, boolean fromService) {
      this.kind = kind;
      this.area = area;
      this.batch = batch;
      this.total = total;
      this.available = available;
      this.fromService = fromService;
    }

    /** Those of {@code quotas} for one of {@code areas} (or for no area in particular). */
    static List<Quota> inAreas(List<Quota> quotas, Set<Area> areas) {
      List<Quota> in = new ArrayList<>();
      for (Quota quota : quotas) {
        if (quota.area == null || areas.contains(quota.area)) {
          in.add(quota);
        }
      }
      return in;
    }

    /** What every one of {@code quotas} allows: the least of each figure; null for none. */
    static Quota least(List<Quota> quotas) {
      return combine(quotas, true);
    }

    /** The most any of {@code quotas} has left (with the smallest batch, which all take); null for none. */
    static Quota most(List<Quota> quotas) {
      return combine(quotas, false);
    }

    private static Quota combine(List<Quota> quotas, boolean least) {
      if (quotas.isEmpty()) {
        return null;
      }
      if (quotas.size() == 1) {
        return quotas.get(0);
      }
      Quota first = quotas.get(0);
      int batch = first.batch;
      int total = first.total;
      int available = first.available;
      for (Quota quota : quotas.subList(1, quotas.size())) {
        batch = Math.min(batch, quota.batch);
        total = least ? Math.min(total, quota.total) : Math.max(total, quota.total);
        available = least ? Math.min(available, quota.available) : Math.max(available, quota.available);
      }
      return new Quota(first.kind, null, batch, total, available, true);
    }

    /** What it counts: purged URLs, purged directories or prefetched URLs. */
    public Kind kind() {
      return kind;
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
      String what = kind == Kind.DIRECTORIES ? "directories" : kind == Kind.PREFETCH ? "prefetch" : "URLs";
      return "Quota " + what + (area == null ? "" : " " + area.wire()) + ": "
          + available + " of " + total + " left today, " + batch + " per request"
          + (fromService ? "" : " (local ledger)");
    }
  }
}
