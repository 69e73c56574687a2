package dev.refreshcdn;

import dev.refreshcdn.Area.Quota;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Questions to the service about an account: the status of tasks, today's quotas. It asks with the connection of a
 * {@link Refresh} (credentials, endpoint, API, timeouts, retries, proxy, client), which is configured as for a
 * purge, and over one {@link HttpClient} of its own, made once and reused by every question. Immutable.
 *
 * <pre>{@code
 * Account account = Account.of(Refresh.urls().credentials(id, key));
 * TaskStatus status = account.taskStatus(taskId);
 * }</pre>
 */
public final class Account {
  private final Settings settings;
  private final HttpClient client;

  private Account(Settings settings) {
    this.settings = settings;
    this.client = settings.client();
  }

  /**
   * The account the connection of {@code connection} signs for. Its URLs are ignored; whether it names URLs or
   * directories ({@link Refresh#dirs}) says which daily quota the legacy API's {@link #quota()} counts.
   */
  public static Account of(Refresh connection) {
    return new Account(Objects.requireNonNull(connection, "connection").settings());
  }

  /** The account of the environment's credentials, on the default API and endpoint. */
  public static Account fromEnvironment() {
    return of(Refresh.urls());
  }

  /**
   * What the service says about one task ({@code GetCdnRefreshLog} by {@code taskId}; API 3.0:
   * {@code DescribePurgeTasks}, every page, then for a task it does not know {@code DescribePushTasks}: a prefetch
   * task, with its {@link TaskStatus#percent()}).
   *
   * @throws RefusedException when the service refuses the query
   * @throws NoAnswerException when the query gets no usable answer
   */
  public TaskStatus taskStatus(String taskId) {
    return Questions.taskStatus(settings, client, taskId);
  }

  /**
   * The tasks created between {@code since} and {@code until}, oldest first: purge tasks, or prefetch tasks
   * ({@code DescribePushTasks}) for an account made of a {@link Refresh#prefetch()}; see {@link #taskStatus(String)}.
   */
  public List<TaskStatus> taskStatus(Instant since, Instant until) {
    return Questions.taskStatus(settings, client, since, until);
  }

  /**
   * Today's quotas: on API 3.0 from {@code DescribePurgeQuota} (URLs and directories, per area), then
   * {@code DescribePushQuota} (prefetch, per area; left out when the account may not read it); on the
   * legacy API, which cannot tell, the {@linkplain Refresh#dailyQuota daily quota} less what the
   * {@linkplain Refresh#stateDir ledger} recorded today for these credentials.
   */
  public List<Quota> quota() {
    return Questions.quota(settings, client);
  }

  @Override
  public String toString() {
    return "Account[" + settings.api + " at " + settings.endpoint() + "]";
  }
}
