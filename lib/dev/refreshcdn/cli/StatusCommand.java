package dev.refreshcdn.cli;

import dev.refreshcdn.Account;
import dev.refreshcdn.Api;
import dev.refreshcdn.Refresh;
import dev.refreshcdn.TaskStatus;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code refresh-cdn status}: what the service says about tasks. */
@Command(name = StatusCommand.NAME, mixinStandardHelpOptions = true, versionProvider = Version.class,
    sortOptions = false, usageHelpAutoWidth = true,
    description = {"Show the state of refresh tasks (processing, done, failed, unknown) as the service reports it: "
        + "DescribePurgeTasks (every page, up to 1000 rows a call), or with --api v2 GetCdnRefreshLog; prefetch "
        + "tasks (DescribePushTasks) with --prefetch, or by --task ID, with their percent done.", ""},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the tasks were listed", "2:usage error", "3:refused", "4:no usable answer"})
final class StatusCommand implements Callable<Integer> {
  /** The subcommand's name, also for {@link Subcommands}, which reads it without its annotation. */
  static final String NAME = "status";

  @Option(names = "--task", paramLabel = "ID", description = "A task id, as submitting printed it; repeatable.")
  List<String> taskIds = new ArrayList<>();

  @Option(names = "--since", paramLabel = "TIME", converter = Converters.ToInstant.class,
      description = {"Instead of --task: the tasks created since TIME, an ISO instant or Beijing time as the "
          + "service writes it, e.g.", "2026-11-27T08:00:00Z or \"2026-11-27 16:00:00\""})
  Instant since;

  @Option(names = "--until", paramLabel = "TIME", converter = Converters.ToInstant.class,
      description = "With --since: up to TIME (default: now).")
  Instant until;

  @Option(names = "--prefetch",
      description = "With --since: prefetch tasks (DescribePushTasks, with each task's percent done) instead of purge "
          + "tasks. A --task ID is looked up among both.")
  boolean prefetch;

  @Option(names = "--api", paramLabel = "v2|v3", completionCandidates = Candidates.Apis.class,
      description = "The API the tasks were created with: v3, API 3.0 (DescribePurgeTasks); v2, the legacy API 2.0 "
          + "(GetCdnRefreshLog) (default: $REFRESH_CDN_API, else the credentials profile's api setting, "
          + "else v3).")
  Api api;

  @Mixin ConnectionOptions connection;
  @Mixin CredentialOptions credentials;

  @Option(names = "--json", description = "Print one JSON document with every task's state and URLs.")
  boolean json;

  private final Context context;

  StatusCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    PrintStream out = context.out;
    try {
      if (taskIds.isEmpty() == (since == null)) {
        throw new UsageException("give either --task ID (repeatable) or --since TIME");
      }
      if (until != null && since == null) {
        throw new UsageException("--until goes with --since");
      }
      Api chosen = Choices.api(api, context.env, () -> credentials.apiSetting(context));
      if (prefetch) {
        PrefetchCommand.checkApi(chosen, api, context.env, "status --prefetch");
      }
      Account account = Account.of(Questions.account(prefetch ? Refresh.urls().prefetch() : Refresh.urls(), chosen,
          connection, credentials, context));
      List<TaskStatus> statuses = new ArrayList<>();
      if (since != null) {
        statuses.addAll(account.taskStatus(since, until != null ? until : Instant.now()));
      }
      for (String id : taskIds) {
        statuses.add(account.taskStatus(id));
      }
      if (json) {
        out.println(JsonReport.text(JsonReport.statusDocument(statuses)));
      } else if (statuses.isEmpty()) {
        out.println("No tasks.");
      } else {
        out.print(Tables.statuses(statuses));
      }
      return Exit.OK;
    } finally {
      out.flush();
    }
  }
}
