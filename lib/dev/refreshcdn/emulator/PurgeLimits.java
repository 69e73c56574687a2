package dev.refreshcdn.emulator;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.refreshcdn.emulator.Emulator.Area;

/**
 * How many URLs and directories an account may purge a day and in one API 3.0 request, per area (mainland,
 * overseas); immutable, each {@code with...} returns a copy. {@code DescribePurgeQuota} reports exactly these
 * numbers and the API 3.0 face enforces them, so a client that plans from the report is never surprised.
 */
final class PurgeLimits {
  /** Both areas a quota is kept for, in the order DescribePurgeQuota lists them. */
  static final List<Area> AREAS = List.of(Area.MAINLAND, Area.OVERSEAS);

  private final Map<Task.Kind, Map<Area, int[]>> limits;

  private PurgeLimits(Map<Task.Kind, Map<Area, int[]>> limits) {
    this.limits = limits;
  }

  /** The Builder's defaults, the same in each area. */
  static PurgeLimits defaults() {
    Map<Task.Kind, Map<Area, int[]>> m = new EnumMap<>(Task.Kind.class);
    m.put(Task.Kind.URL, both(Emulator.Builder.DEFAULT_DAILY_URL_QUOTA, Emulator.Builder.DEFAULT_URL_BATCH));
    m.put(Task.Kind.PATH, both(Emulator.Builder.DEFAULT_DAILY_DIR_QUOTA, Emulator.Builder.DEFAULT_DIR_BATCH));
    return new PurgeLimits(m);
  }

  /**
   * Returns a copy with {@code daily} items a day and at most {@code batch} a request for {@code area}
   * ({@link Area#GLOBAL}: both areas).
   *
   * @throws IllegalArgumentException when daily is negative or batch is not positive
   */
  PurgeLimits with(Task.Kind kind, Area area, int daily, int batch) {
    String what = kind == Task.Kind.URL ? "URL" : "directory";
    if (daily < 0) {
      throw new IllegalArgumentException("daily " + what + " quota must not be negative: " + daily);
    }
    if (batch < 1) {
      throw new IllegalArgumentException(what + " batch size must be positive: " + batch);
    }
    Map<Task.Kind, Map<Area, int[]>> copy = copy();
    for (Area a : area == Area.GLOBAL ? AREAS : List.of(area)) {
      copy.get(kind).put(a, new int[] {daily, batch});
    }
    return new PurgeLimits(copy);
  }

  /** Returns a copy with {@code daily} items a day in both areas, each area keeping its batch size. */
  PurgeLimits withDaily(Task.Kind kind, int daily) {
    PurgeLimits out = this;
    for (Area a : AREAS) {
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

  int daily(Task.Kind kind, Area area) {
    return limits.get(kind).get(area)[0];
  }

  int batch(Task.Kind kind, Area area) {
    return limits.get(kind).get(area)[1];
  }

  /** The largest request the areas a purge is charged to all accept. */
  int batch(Task.Kind kind, List<Area> areas) {
    int min = Integer.MAX_VALUE;
    for (Area a : areas) {
      min = Math.min(min, batch(kind, a));
    }
    return min;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("PurgeLimits[");
    for (Task.Kind k : Task.Kind.values()) {
      for (Area a : AREAS) {
        sb.append(k.name().toLowerCase(Locale.ROOT)).append(' ').append(a.name().toLowerCase(Locale.ROOT))
            .append(' ').append(daily(k, a)).append('/').append(batch(k, a)).append(", ");
      }
    }
    return sb.substring(0, sb.length() - 2) + "]";
  }

  private Map<Task.Kind, Map<Area, int[]>> copy() {
    Map<Task.Kind, Map<Area, int[]>> copy = new EnumMap<>(Task.Kind.class);
    for (Map.Entry<Task.Kind, Map<Area, int[]>> e : limits.entrySet()) {
      copy.put(e.getKey(), new EnumMap<>(e.getValue()));
    }
    return copy;
  }

  private static Map<Area, int[]> both(int daily, int batch) {
    Map<Area, int[]> m = new EnumMap<>(Area.class);
    for (Area a : AREAS) {
      m.put(a, new int[] {daily, batch});
    }
    return m;
  }
}
