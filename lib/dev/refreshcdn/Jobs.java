package dev.refreshcdn;

import java.nio.file.Path;
import java.util.List;

/** The jobs of a state directory: listing them and resuming one. */
final class Jobs {
  private Jobs() {}

  static Refresh resume(Path stateDir, String jobId) {
    throw new UnsupportedOperationException("not yet"); // TODO(core)
  }

  static List<Job> list(Path stateDir) {
    throw new UnsupportedOperationException("not yet"); // TODO(core)
  }
}
