package dev.refreshcdn.emulator;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.refreshcdn.emulator.Emulator.Region;
import dev.refreshcdn.internal.Beijing;

/**
 * The service's memory: used nonces, purge and prefetch tasks and daily usage. All methods are synchronized, so checking a
 * quota and charging it is one atomic step even when requests arrive together.
 */
final class Ledger {
  /** API 2.0's per-request limit for directories, as in the legacy docs and the FAQ. */
  static final int LEGACY_DIR_BATCH = 20;
  /** API 2.0's per-request limit for URLs. */
  static final int LEGACY_URL_BATCH = 1000;

  /** The outcome of a submission: a task, or the area whose daily quota it would exceed. */
  static final class Submission {
    final PurgeTask task;
    final Region exceeded;

    private Submission(PurgeTask task, Region exceeded) {
      this.task = task;
      this.exceeded = exceeded;
    }
  }

  /** The outcome of a prefetch: a task, or the area whose daily prefetch quota it would exceed. */
  static final class Prefetch {
    final PushTask task;
    final Region exceeded;

    private Prefetch(PushTask task, Region exceeded) {
      this.task = task;
      this.exceeded = exceeded;
    }
  }

  private final EmulatorConfig config;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Map<String, Long>> nonces = new HashMap<>();
  private final List<PurgeTask> tasks = new ArrayList<>();
  private final List<PushTask> pushes = new ArrayList<>();
  private final Map<String, Integer> usage = new HashMap<>();
  private final Set<String> taskIds = new HashSet<>();
  private long lastLegacyId;
  private long nextLogId = 6_182_538L;

  Ledger(EmulatorConfig config) {
    this.config = config;
  }

  Instant now() {
    return config.clock.instant();
  }

  int dailyLimit(PurgeTask.Kind kind, Region area) {
    return config.limits.daily(kind, area);
  }

  /** API 2.0's fixed per-request limits; API 3.0 takes its own from {@link PurgeLimits}. */
  static int legacyBatchLimit(PurgeTask.Kind kind) {
    return kind == PurgeTask.Kind.URL ? LEGACY_URL_BATCH : LEGACY_DIR_BATCH;
  }

  /**
   * Records a Nonce+Timestamp pair for an account and says whether it was new. Pairs older than the
   * accepted window can never be replayed successfully, so they are forgotten to bound memory.
   */
  synchronized boolean firstUse(String secretId, long timestamp, String nonce, long windowSeconds) {
    long now = now().getEpochSecond();
    Map<String, Long> seen = nonces.computeIfAbsent(secretId, k -> new HashMap<>());
    if (seen.size() > 10_000) {
      for (Iterator<Long> it = seen.values().iterator(); it.hasNext();) {
        if (Math.abs(now - it.next()) > windowSeconds) {
          it.remove();
        }
      }
    }
    return seen.putIfAbsent(timestamp + ":" + nonce, timestamp) == null;
  }

  /** Charges the targets to today's quota of each area they use and records a task, or refuses all of it. */
  synchronized Submission submit(String secretId, PurgeTask.Kind kind, String flushType, List<Target> targets, boolean legacyId) {
    Instant now = now();
    Region exceeded = charge(secretId, kind, targets, Beijing.day(now));
    if (exceeded != null) {
      return new Submission(null, exceeded);
    }
    PurgeTask task = new PurgeTask(legacyId ? legacyTaskId(now) : taskIdV3(now), secretId, kind, flushType, targets, now, nextLogId);
    nextLogId += task.logRecords.size();
    tasks.add(task);
    return new Submission(task, null);
  }

  /**
   * Charges a prefetch to today's prefetch quota of each area its targets use and records it, or refuses all of
   * it; {@code area} is the one the request named. Kept apart from the purges, which DescribePushTasks never lists.
   */
  synchronized Prefetch prefetch(String secretId, List<Target> targets, String area) {
    Instant now = now();
    Region exceeded = charge(secretId, PurgeTask.Kind.PUSH, targets, Beijing.day(now));
    if (exceeded != null) {
      return new Prefetch(null, exceeded);
    }
    PushTask task = new PushTask(taskIdV3(now), secretId, targets, area, now);
    pushes.add(task);
    return new Prefetch(task, null);
  }

  synchronized List<PushTask> pushTasks(String secretId) {
    List<PushTask> mine = new ArrayList<>();
    for (PushTask t : pushes) {
      if (t.secretId.equals(secretId)) {
        mine.add(t);
      }
    }
    return mine;
  }

  /** Adds the targets to the day's usage of each area they use, or returns the first area without room (nothing charged). */
  private Region charge(String secretId, PurgeTask.Kind kind, List<Target> targets, LocalDate day) {
    Map<Region, Integer> charge = new EnumMap<>(Region.class);
    for (Target t : targets) {
      for (Region a : t.areas) {
        charge.merge(a, 1, Integer::sum);
      }
    }
    for (Map.Entry<Region, Integer> e : charge.entrySet()) {
      if (used(secretId, kind, e.getKey(), day) + e.getValue() > dailyLimit(kind, e.getKey())) {
        return e.getKey();
      }
    }
    for (Map.Entry<Region, Integer> e : charge.entrySet()) {
      usage.merge(key(secretId, kind, e.getKey(), day), e.getValue(), Integer::sum);
    }
    return null;
  }

  synchronized int used(String secretId, PurgeTask.Kind kind, Region area, LocalDate day) {
    return usage.getOrDefault(key(secretId, kind, area, day), 0);
  }

  synchronized LocalDate today() {
    return Beijing.day(now());
  }

  synchronized List<PurgeTask> tasks(String secretId) {
    List<PurgeTask> mine = new ArrayList<>();
    for (PurgeTask t : tasks) {
      if (t.secretId.equals(secretId)) {
        mine.add(t);
      }
    }
    return mine;
  }

  private static String key(String secretId, PurgeTask.Kind kind, Region area, LocalDate day) {
    return secretId + "|" + kind + "|" + area + "|" + day;
  }

  /** A 19-digit decimal string like the legacy example 1480069888795584532: milliseconds and a counter. */
  private String legacyTaskId(Instant now) {
    long n = Math.floorMod(now.toEpochMilli(), 8_000_000_000_000L) * 1_000_000L + random.nextInt(1_000_000);
    if (n < 1_000_000_000_000_000_000L) {
      n += 1_000_000_000_000_000_000L;
    }
    lastLegacyId = Math.max(n, lastLegacyId + 1);
    taskIds.add(Long.toString(lastLegacyId));
    return Long.toString(lastLegacyId);
  }

  /** Shaped like the API 3.0 example 1533045796-i60rfmzm, so clients treat task ids as opaque. */
  private String taskIdV3(Instant now) {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    while (true) {
      StringBuilder sb = new StringBuilder().append(now.getEpochSecond()).append('-');
      for (int i = 0; i < 8; i++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      if (taskIds.add(sb.toString())) {
        return sb.toString();
      }
    }
  }
}
