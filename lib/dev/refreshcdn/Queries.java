package dev.refreshcdn;

import java.time.Instant;
import java.util.List;

/** Questions to the service about an account: task status and quota, on either API generation. */
final class Queries {
  private final Settings settings;

  private Queries(Settings settings) {
    this.settings = settings;
  }

  static Queries of(Settings settings) {
    return new Queries(settings);
  }

  TaskStatus task(String taskId) {
    throw new UnsupportedOperationException("not yet"); // TODO(queries helper)
  }

  List<TaskStatus> tasks(Instant since, Instant until) {
    throw new UnsupportedOperationException("not yet"); // TODO(queries helper)
  }

  List<Quota> quota() {
    throw new UnsupportedOperationException("not yet"); // TODO(queries helper)
  }
}
