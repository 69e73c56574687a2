package dev.refreshcdn.emulator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Immutable settings captured from an {@link Emulator.Builder}. */
final class EmulatorConfig {
  final List<Tenant> accounts;
  final int port;
  final Clock clock;
  final Duration taskCompletion;
  final PurgeLimits limits;
  final Optional<Path> requestLog;
  final List<String> failingTasks;

  EmulatorConfig(List<Tenant> accounts, int port, Clock clock, Duration taskCompletion, PurgeLimits limits,
      Path requestLogOrNull, List<String> failingTasks) {
    this.accounts = List.copyOf(accounts);
    this.port = port;
    this.clock = clock;
    this.taskCompletion = taskCompletion;
    this.limits = limits;
    this.requestLog = Optional.ofNullable(requestLogOrNull);
    this.failingTasks = List.copyOf(failingTasks);
  }
}
