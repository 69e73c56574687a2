package dev.refreshcdn.cli;

import dev.refreshcdn.Account;
import dev.refreshcdn.Api;
import dev.refreshcdn.Area.Quota;
import dev.refreshcdn.Refresh;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code refresh-cdn quota}: today's quota. */
@Command(name = QuotaCommand.NAME, mixinStandardHelpOptions = true, versionProvider = Version.class,
    sortOptions = false, usageHelpAutoWidth = true,
    description = {"Show today's refresh quota: as DescribePurgeQuota reports it (URLs and directories, "
        + "per area: left, a day, per request), and beside it the prefetch quota of DescribePushQuota (by default "
        + "1000 URLs a day per area, 500 a request); with --api v2, the legacy API, which has no quota query, the daily quota less "
        + "what the state directory's ledger recorded today for this SecretId (Beijing day): URLs, or with --dir "
        + "directories, which are counted separately.", ""},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the quota was shown", "2:usage error", "3:refused", "4:no usable answer"})
final class QuotaCommand implements Callable<Integer> {
  /** The subcommand's name, also for {@link Subcommands}, which reads it without its annotation. */
  static final String NAME = "quota";

  @Option(names = "--api", paramLabel = "v2|v3", completionCandidates = Candidates.Apis.class,
      description = "v3: API 3.0's DescribePurgeQuota; v2: the legacy API 2.0, which has no quota query: the local "
          + "ledger counts (default: $REFRESH_CDN_API, else the credentials profile's api setting, else v3).")
  Api api;

  @Option(names = "--dir", description = "Only the directory quota (API 3.0 shows both kinds unless --dir is "
      + "given; API 2.0 counts directories, 100 a day, apart from URLs).")
  boolean directories;

  @Option(names = "--state-dir", paramLabel = "DIR",
      description = {"API 2.0: the state directory whose ledger counts; when given, it must exist. Default:",
          "$HOME/.refresh-cdn"})
  Path stateDir;

  @Option(names = "--daily-quota", paramLabel = "N",
      description = "API 2.0 only: the daily quota to count against (default: 10000 URLs; with --dir 100 "
          + "directories). API 3.0 reports the quota itself.")
  Integer dailyQuota;

  @Mixin ConnectionOptions connection;
  @Mixin CredentialOptions credentials;

  @Option(names = "--json", description = "Print one JSON document with every quota.")
  boolean json;

  private final Context context;

  QuotaCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    PrintStream out = context.out;
    Map<String, String> env = context.env;
    try {
      Api chosen = Choices.api(api, env, () -> credentials.apiSetting(context));
      if (chosen == Api.V3 && dailyQuota != null) {
        throw new UsageException("--daily-quota applies to API 2.0 only: API 3.0 reports the quota itself");
      }
      Refresh account = Questions.account(directories ? Refresh.dirs(List.of()) : Refresh.urls(), chosen,
          connection, credentials, context);
      Path dir = null;
      if (chosen == Api.V2 && (stateDir != null || StateDir.defaultDir(env) != null)) {
        dir = StateDir.existing(stateDir, env);
      }
      if (dir != null) {
        account = account.stateDir(dir);
      }
      if (dailyQuota != null) {
        account = account.dailyQuota(dailyQuota);
      }
      List<Quota> quotas = new ArrayList<>(Account.of(account).quota());
      quotas.removeIf(q -> directories && q.kind() != Quota.Kind.DIRECTORIES);
      if (json) {
        out.println(JsonReport.text(JsonReport.quotas(quotas, chosen.name().toLowerCase(Locale.ROOT))));
        return Exit.OK;
      }
      out.print(Tables.quotas(quotas));
      if (chosen == Api.V2) {
        out.println("(The legacy API has no quota query: these numbers are the local ledger's"
            + (dir != null ? " in " + dir : stateDir == null && StateDir.defaultDir(env) == null
                ? ", and no state directory is kept (HOME is not set)" : ", which has recorded nothing yet")
            + ", counting only what refresh-cdn sent with this SecretId today, Beijing time. "
            + (directories ? "URLs are counted separately (10000 a day): " + FollowUp.program(env) + " quota --api v2."
                : "Directories are counted separately (100 a day): " + FollowUp.program(env) + " quota --api v2 --dir.")
            + ")");
      }
      return Exit.OK;
    } finally {
      out.flush();
    }
  }
}
