package dev.refreshcdn;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

/** Polls the status of submitted tasks until each is done or failed, backing off between polls. */
final class Waiting {
  private final Settings settings;
  private final HttpClient client;

  Waiting(Settings settings, HttpClient client) {
    this.settings = settings;
    this.client = client;
  }

  List<TaskStatus> await(List<Task> tasks, Duration timeout) {
    throw new UnsupportedOperationException("not yet"); // TODO(queries helper)
  }
}
