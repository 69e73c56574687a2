package dev.refreshcdn;

import dev.refreshcdn.Area.Quota;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Questions to the service about an account, asked outside any submission over the account's client. */
final class Questions {
  /** A question to the service about the account. */
  private interface Question<T> {
    T ask(CdnApi api, Transport transport) throws Unanswered, Refusal;
  }

  private Questions() {}

  static TaskStatus taskStatus(Settings settings, HttpClient client, String taskId) {
    Objects.requireNonNull(taskId, "taskId");
    return ask(settings, client, (api, transport) -> api.taskStatus(taskId, transport));
  }

  static List<TaskStatus> taskStatus(Settings settings, HttpClient client, Instant since, Instant until) {
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(until, "until");
    if (until.isBefore(since)) {
      throw new IllegalArgumentException("until is before since: " + since + " .. " + until);
    }
    return ask(settings, client, (api, transport) -> api.taskStatus(since, until, transport));
  }

  static List<Quota> quota(Settings settings, HttpClient client) {
    return ask(settings, client, CdnApi::quota);
  }

  /** Asks with the settings' credentials; see {@link Failures#call}. */
  private static <T> T ask(Settings settings, HttpClient client, Question<T> question) {
    CdnApi api = CdnApis.of(settings).signedBy(settings.resolveCredentials());
    if (settings.prefetch != null) {
      api.checkOptions(); // prefetch tasks are API 3.0's: the legacy API refuses an account made of a prefetch
    }
    Transport transport = Transport.forQuestions(settings, client, api.queryInterval());
    return Failures.call(api, () -> question.ask(api, transport));
  }
}
