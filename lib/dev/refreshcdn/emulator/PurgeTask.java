package dev.refreshcdn.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A purge accepted by either API; immutable. Its status is derived from the clock, never stored. */
final class PurgeTask {
  /** PUSH: a prefetch (PushUrlsCache), charged to its own quota and kept as a {@link PushTask}, never as a purge. */
  enum Kind { URL, PATH, PUSH }

  /** The legacy log shows one record per domain of a task. */
  static final class LogRecord {
    final long id;
    final String host;
    final List<String> urls;

    LogRecord(long id, String host, List<String> urls) {
      this.id = id;
      this.host = host;
      this.urls = List.copyOf(urls);
    }
  }

  final String id;
  final String secretId;
  final Kind kind;
  final String flushType;
  final List<Target> targets;
  final Instant created;
  final List<LogRecord> logRecords;

  PurgeTask(String id, String secretId, Kind kind, String flushType, List<Target> targets, Instant created, long firstLogId) {
    this.id = id;
    this.secretId = secretId;
    this.kind = kind;
    this.flushType = flushType;
    this.targets = List.copyOf(targets);
    this.created = created;
    Map<String, List<String>> byHost = new LinkedHashMap<>();
    for (Target t : targets) {
      byHost.computeIfAbsent(t.domain.host, h -> new ArrayList<>()).add(t.url);
    }
    List<LogRecord> records = new ArrayList<>();
    long logId = firstLogId;
    for (Map.Entry<String, List<String>> e : byHost.entrySet()) {
      records.add(new LogRecord(logId++, e.getKey(), e.getValue()));
    }
    this.logRecords = List.copyOf(records);
  }

  /** Whether a purge of {@code url} ends in failure: it contains a substring given to Builder.failingTasks. */
  static boolean fails(EmulatorConfig config, String url) {
    return config.failingTasks.stream().anyMatch(url::contains);
  }

  boolean done(Instant now, Duration completion) {
    return !now.isBefore(created.plus(completion));
  }

  List<String> urls() {
    List<String> urls = new ArrayList<>();
    for (Target t : targets) {
      urls.add(t.url);
    }
    return List.copyOf(urls);
  }
}
