package dev.refreshcdn.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A prefetch accepted by PushUrlsCache; immutable. Its status, progress and update time are derived from the
 * clock, never stored: {@code process} with {@code Percent} rising in step with the time since submission, then
 * {@code done} (or {@code fail} for URLs matching {@code Builder.failingTasks}) at 100 once {@code
 * taskCompletion} has passed. That a failed prefetch reports 100 is our choice: no source says what it reports.
 */
final class PushTask {
  final String id;
  final String secretId;
  final List<Target> targets;
  /** The area the request named (mainland when it named none), which DescribePushTasks reports. */
  final String area;
  final Instant created;

  PushTask(String id, String secretId, List<Target> targets, String area, Instant created) {
    this.id = id;
    this.secretId = secretId;
    this.targets = List.copyOf(targets);
    this.area = area;
    this.created = created;
  }

  boolean done(Instant now, Duration completion) {
    return !now.isBefore(created.plus(completion));
  }

  /** 0 to 99 while in process (whole percent of the completion time gone by), 100 once done. */
  long percent(Instant now, Duration completion) {
    if (done(now, completion)) {
      return 100;
    }
    long elapsed = Math.max(0, Duration.between(created, now).toMillis());
    return Math.min(99, elapsed * 100 / Math.max(1, completion.toMillis()));
  }

  /** The last change: now while in process, the moment it finished once done. */
  Instant updated(Instant now, Duration completion) {
    return done(now, completion) ? created.plus(completion) : now;
  }

  String status(EmulatorConfig config, Target target, Instant now) {
    return !done(now, config.taskCompletion) ? "process" : PurgeTask.fails(config, target.url) ? "fail" : "done";
  }

  List<String> urls() {
    List<String> urls = new ArrayList<>();
    for (Target t : targets) {
      urls.add(t.url);
    }
    return List.copyOf(urls);
  }
}
