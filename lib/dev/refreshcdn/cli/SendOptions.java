package dev.refreshcdn.cli;

import dev.refreshcdn.Api;
import dev.refreshcdn.Refresh;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How a job is sent and followed: a mixin of submitting and resume. */
final class SendOptions {
  @Option(names = "--parallel", paramLabel = "N",
      description = "Keep up to N requests in flight, 1 to 8 (default: 1); --calls-per-minute holds across them.")
  Integer parallel;

  @Option(names = "--wait",
      description = "After submitting, poll the tasks' status until every task is done or failed (exit 6 when one "
          + "failed, 7 on timeout).")
  boolean wait;

  @Option(names = "--wait-timeout", paramLabel = "DURATION", converter = Converters.ToDuration.class,
      description = "Wait at most this long, e.g. 10m (default: 10m; implies --wait).")
  Duration waitTimeout;

  /** How long to wait for the tasks, or null when not waiting. */
  Duration waitTimeout() {
    return waitTimeout != null ? waitTimeout : wait ? Duration.ofMinutes(10) : null;
  }

  /** The waiting option as given, for messages. */
  String waitOption() {
    return waitTimeout != null ? "--wait-timeout" : "--wait";
  }

  /** Waiting needs tasks, which a dry run does not create: refused before anything is read. */
  void checkNotDryRun(boolean dryRun) {
    if (dryRun && waitTimeout() != null) {
      throw new UsageException(waitOption() + " does not combine with --dry-run: a dry run creates no task");
    }
  }

  /**
   * Waiting needs task ids, and the legacy RefreshCdnDir gives none: refused before anything is sent, for a new job
   * and a resumed one alike.
   */
  void checkWait(Api api, boolean directories, boolean resumed) {
    if (waitTimeout() != null && directories && api == Api.V2) {
      String option = waitOption();
      throw new UsageException(option + " does not combine with directories on API 2.0: RefreshCdnDir gives no task "
          + "id to wait for; " + (resumed ? "this job was made with API 2.0: resume it without " + option
              : "leave out --api v2 to wait for directories on API 3.0"));
    }
  }

  Refresh applyTo(Refresh refresh, Path stateDir) {
    if (stateDir != null) {
      refresh = refresh.stateDir(stateDir);
    }
    if (parallel != null) {
      refresh = refresh.parallel(parallel);
    }
    return refresh;
  }
}
