package dev.refreshcdn.emulator;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.refreshcdn.emulator.Emulator.Region;

/**
 * How many URLs and directories an account may purge, and URLs it may prefetch, a day and in one API 3.0 request,
 * per area (mainland, overseas); immutable, each {@code with...} returns a copy. {@code DescribePurgeQuota} and
 * {@code DescribePushQuota} report exactly these numbers and the API 3.0 face enforces them, so a client that
 * plans from the report is never surprised.
 */
final class PurgeLimits {
  /** Both areas a quota is kept for, in the order DescribePurgeQuota lists them. */
  static final List<Region> AREAS = List.of(Region.MAINLAND, Region.OVERSEAS);

  private final Map<PurgeTask.Kind, Map<Region, int[]>> limits;

  private PurgeLimits(Map<PurgeTask.Kind, Map<Region, int[]>> limits) {
    this.limits = limits;
  }

  /** The Builder's defaults, the same in each area. */
  static PurgeLimits defaults() {
    Map<PurgeTask.Kind, Map<Region, int[]>> m = new EnumMap<>(PurgeTask.Kind.class);
    m.put(PurgeTask.Kind.URL, both(Emulator.Builder.DEFAULT_DAILY_URL_QUOTA, Emulator.Builder.DEFAULT_URL_BATCH));
    m.put(PurgeTask.Kind.PATH, both(Emulator.Builder.DEFAULT_DAILY_DIR_QUOTA, Emulator.Builder.DEFAULT_DIR_BATCH));
    m.put(PurgeTask.Kind.PUSH, both(Emulator.Builder.DEFAULT_DAILY_PREFETCH_QUOTA, Emulator.Builder.DEFAULT_PREFETCH_BATCH));
    return new PurgeLimits(m);
  }

  /**
   * Returns a copy with {@code daily} items a day and at most {@code batch} a request for {@code area}
   * ({@link Region#GLOBAL}: both areas).
   *
   * @throws IllegalArgumentException when daily is negative or batch is not positive
   */
  PurgeLimits with(PurgeTask.Kind kind, Region area, int daily, int batch) {
    String what = kind == PurgeTask.Kind.URL ? "URL" : kind == PurgeTask.Kind.PATH ? "directory" : "prefetch";
    if (daily < 0) {
      throw new IllegalArgumentException("daily " + what + " quota must not be negative: " + daily);
    }
    if (batch < 1) {
      throw new IllegalArgumentException(what + " batch size must be positive: " + batch);
    }
    Map<PurgeTask.Kind, Map<Region, int[]>> copy = copy();
    for (Region a : area == Region.GLOBAL ? AREAS : List.of(area)) {
      copy.get(kind).put(a, new int[] {daily, batch});
    }
    return new PurgeLimits(copy);
  }

  /** Returns a copy with {@code daily} items a day in both areas, each area keeping its batch size. */
  PurgeLimits withDaily(PurgeTask.Kind kind, int daily) {
    PurgeLimits out = this;
    for (Region a : AREAS) {
      out = out.with(kind, a, daily, batch(kind, a));
    }
    return out;
  }

  /** For the older one-number setters, which never took 0. */
  static int positive(String what, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(what + " must be positive: " + value);
    }
    return value;
  }

  int daily(PurgeTask.Kind kind, Region area) {
    return limits.get(kind).get(area)[0];
  }

  int batch(PurgeTask.Kind kind, Region area) {
    return limits.get(kind).get(area)[1];
  }

  /** The largest request the areas a purge is charged to all accept. */
  int batch(PurgeTask.Kind kind, List<Region> areas) {
    int min = Integer.MAX_VALUE;
    for (Region a : areas) {
      min = Math.min(min, batch(kind, a));
    }
    return min;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("PurgeLimits[");
    for (PurgeTask.Kind k : PurgeTask.Kind.values()) {
      for (Region a : AREAS) {
        sb.append(k.name().toLowerCase(Locale.ROOT)).append(' ').append(a.name().toLowerCase(Locale.ROOT))
            .append(' ').append(daily(k, a)).append('/').append(batch(k, a)).append(", ");
      }
    }
    return sb.substring(0, sb.length() - 2) + "]";
  }

  private Map<PurgeTask.Kind, Map<Region, int[]>> copy() {
    Map<PurgeTask.Kind, Map<Region, int[]>> copy = new EnumMap<>(PurgeTask.Kind.class);
    for (Map.Entry<PurgeTask.Kind, Map<Region, int[]>> e : limits.entrySet()) {
      copy.put(e.getKey(), new EnumMap<>(e.getValue()));
    }
    return copy;
  }

  private static Map<Region, int[]> both(int daily, int batch) {
    Map<Region, int[]> m = new EnumMap<>(Region.class);
    for (Region a : AREAS) {
      m.put(a, new int[] {daily, batch});
    }
    return m;
  }
}
