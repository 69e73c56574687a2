package dev.refreshcdn.cli;

import dev.refreshcdn.Api;
import dev.refreshcdn.Area;
import dev.refreshcdn.Area.Quota;
import dev.refreshcdn.Plan;
import dev.refreshcdn.Refresh;
import dev.refreshcdn.RefreshException.InvalidInputException;
import dev.refreshcdn.internal.Texts;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code refresh-cdn prefetch [URL…]}: warms the edge with API 3.0's PushUrlsCache, journaled like a purge. */
@Command(name = PrefetchCommand.NAME, mixinStandardHelpOptions = true, versionProvider = Version.class,
    sortOptions = false, usageHelpAutoWidth = true,
    description = {
        "Prefetch URLs (API 3.0 PushUrlsCache): the edge fetches them from the origin ahead of users. Input, "
            + "checks, de-duplication, --dry-run, --json, the journal, `refresh-cdn resume`, --wait (polling "
            + "DescribePushTasks) and the exit codes are the purge's.",
        "",
        "Quota: by default 1000 URLs a day per area and up to 500 a request, as DescribePushQuota reports for the "
            + "account, counted apart from the purge quotas; a job larger than what is left sends what fits and "
            + "exits 5, and `refresh-cdn resume` sends the rest. API 2.0's prefetch actions are retired: --api v2 "
            + "is refused.",
        "",
        "To purge first and prefetch once the purge is done: refresh-cdn --prefetch URL…",
        ""},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every URL was submitted (with --wait: and every task is done), or the dry run succeeded",
        "1:unexpected internal error",
        "2:usage error (--api v2 among them), bad input or a bad --header, missing credentials; nothing was sent",
        "3:the service refused a request", "4:no usable answer",
        "5:stopped by the daily prefetch quota with URLs pending: `refresh-cdn resume JOB` sends them",
        "6:after --wait, a task failed", "7:--wait timed out", "130:interrupted (SIGINT)", "143:terminated (SIGTERM)"},
    footerHeading = "%nExamples:%n",
    footer = {
        "  refresh-cdn prefetch https://example.com/app.js https://example.com/app.css",
        "  refresh-cdn prefetch --area global --wait -i release.txt",
        "  refresh-cdn prefetch --header 'Referer: https://example.com/' -i urls.txt",
        "  refresh-cdn prefetch --user-agent Warm/1.0 -i urls.txt",
        "  refresh-cdn prefetch --parse-m3u8 https://example.com/live/index.m3u8",
        ""})
final class PrefetchCommand implements Callable<Integer> {
  /** The subcommand's name, also for {@link Subcommands}, which reads it without its annotation. */
  static final String NAME = "prefetch";

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "URL", arity = "0..*", description = "URLs to prefetch (http:// or https://).")
  List<String> arguments = new ArrayList<>();

  @Option(names = {"-i", "--input"}, paramLabel = "FILE",
      description = "Read URLs from FILE, one per line, as the purge does; - is stdin.")
  String input;

  @Option(names = "--area", paramLabel = "mainland|overseas|global", completionCandidates = Candidates.PrefetchAreas.class,
      description = "Prefetch only in the Chinese mainland, only outside it (billed as traffic), or both, charged "
          + "to both areas' quotas (default: as the service decides).")
  Area area;

  @Option(names = "--layer", paramLabel = "middle", description = "middle: warm the middle tier only, not the edge.")
  String layer;

  @Option(names = "--user-agent", paramLabel = "TEXT",
      description = "The User-Agent the edge sends to the origin (default: TencentCdn).")
  String userAgent;

  @Option(names = "--header", paramLabel = "'NAME: VALUE'",
      description = "A header the edge sends to the origin; repeatable. NAME is an HTTP token, VALUE one line.")
  List<String> headers = new ArrayList<>();

  @Option(names = "--parse-m3u8", description = "Also prefetch the TS segments an M3U8 playlist lists.")
  boolean parseM3u8;

  @Option(names = "--disable-range", description = "Fetch each file whole from the origin, without range requests.")
  boolean disableRange;

  @Option(names = "--url-encode", description = "Have the service encode Chinese characters in the URLs first.")
  boolean urlEncode;

  @Option(names = "--dry-run", description = "Check, batch and sign every request, print them redacted, send nothing.")
  boolean dryRun;

  @Option(names = "--emulator", description = "Send to an emulator started in this process on loopback.")
  boolean emulator;

  @Option(names = "--api", paramLabel = "v3", completionCandidates = Candidates.V3.class, description = "v3 only: API 2.0's prefetch actions are retired.")
  Api api;

  @Option(names = "--batch-size", paramLabel = "N",
      description = "At most N URLs per request, 1 to 500; it can only lower the batch DescribePushQuota reports.")
  Integer batchSize;

  @Option(names = "--ignore-query", description = "Strip query strings and fragments, then drop the duplicates.")
  boolean ignoreQuery;

  @Option(names = "--skip-invalid", description = "Leave bad entries out instead of sending nothing.")
  boolean skipInvalid;

  @Option(names = "--state-dir", paramLabel = "DIR",
      description = {"The job journals and quota ledgers, as for a purge; prefetches have a ledger of their own. "
          + "Default:", "$HOME/.refresh-cdn"})
  Path stateDirOption;

  @Option(names = "--daily-quota", paramLabel = "N",
      description = "Prefetch at most N URLs a day for this SecretId, Beijing time (default: what DescribePushQuota "
          + "says is left in the area charged); the rest is kept pending and the exit code is 5.")
  Integer dailyQuota;

  @Mixin SendOptions send;
  @Mixin ConnectionOptions connection;
  @Mixin CredentialOptions credentials;
  @Mixin OutputOptions output;

  private final Context context;
  private LocalEmulator emu;

  PrefetchCommand(Context context) {
    this.context = context;
  }

  /** {@code refresh-cdn --prefetch}: a purge waited for, then the prefetch of the same URLs, as one job. */
  static Refresh purgeThenPrefetch(Refresh purge, Duration wait) {
    return purge.prefetch().purgeFirst(wait != null ? wait : Duration.ofMinutes(10));
  }

  /** {@code refresh-cdn --prefetch}: URLs on API 3.0. */
  static void checkPurgeThenPrefetch(Api chosen, Api given, Map<String, String> env, boolean directories) {
    checkApi(chosen, given, env, "--prefetch");
    if (directories) {
      throw new UsageException("--prefetch takes URLs: PushUrlsCache prefetches no directory; leave out --dir");
    }
  }

  /**
   * Prefetch is API 3.0 only: refused before anything is read or sent, naming what chose API 2.0 ({@code given}, the
   * --api option, else the variable or the credentials profile).
   */
  static void checkApi(Api chosen, Api given, Map<String, String> env, String option) {
    if (chosen == Api.V2) {
      String variable = env.get(Choices.API_VARIABLE);
      String source = given != null ? "leave out --api v2"
          : variable != null && !variable.isBlank() ? "unset " + Choices.API_VARIABLE + " (it says v2) or add --api v3"
          : "the credentials profile's api setting says v2: add --api v3";
      throw new UsageException(option + " is API 3.0 only (PushUrlsCache): API 2.0's prefetch actions (CdnPusherV2, "
          + "GetPushLogs) are retired with it; " + source);
    }
  }

  @Override
  public Integer call() {
    PrintStream out = context.out;
    Input entries = null;
    try {
      if (arguments.isEmpty() && input == null && context.isTerminal(0)) {
        throw new UsageException("no URLs given (pass them as arguments, with --input FILE or on stdin)");
      }
      LocalEmulator.checkNoEndpoint(emulator, connection);
      send.checkNotDryRun(dryRun);
      Api chosen = Choices.api(api, context.env, emulator ? () -> null : () -> credentials.apiSetting(context));
      checkApi(chosen, api, context.env, "refresh-cdn prefetch");
      options(Refresh.urls().prefetch()); // a bad option is refused before any input is read
      entries = Input.read(arguments, input, context.in);
      return submit(entries);
    } catch (InvalidInputException e) {
      return BadInput.refused(context, output, e, entries, "prefetch", null);
    } finally {
      out.flush();
      if (emu != null) {
        emu.close();
      }
    }
  }

  private int submit(Input entries) {
    Refresh refresh = connection.applyTo(Refresh.urls(entries.urls()), ConnectionOptions.defaultEndpoint(Api.V3),
        emulator, context);
    refresh = options(refresh.prefetch());
    Path stateDir = StateDir.forSubmission(stateDirOption, dryRun || emulator, context.env);
    refresh = send.applyTo(refresh, stateDir);
    if (dailyQuota != null) {
      refresh = refresh.dailyQuota(dailyQuota);
    }
    emu = emulator ? LocalEmulator.start(entries, Api.V3, context, output) : null;
    String emulated = emu == null ? null : emu.endpoint;
    Creds creds = emu != null ? emu.creds() : credentials.resolve(context, dryRun);
    if (emu != null) {
      refresh = refresh.endpoint(emulated);
    }
    refresh = creds.applyTo(refresh);
    Plan plan = batchSize == null ? refresh.batch() : refresh.batch(batchSize);
    BadInput.skipped(context, output, plan, entries);
    if (dryRun) {
      return dryRun(plan, creds, entries);
    }
    if (stateDir == null && !emulator) {
      context.err.println("refresh-cdn: HOME is not set and no --state-dir was given, so this job is not journaled");
    }
    Refresh asked = refresh;
    FollowUp followUp = new FollowUp(stateDir, context.env).target(Api.V3, plan.endpoint())
        .credentials(credentials.profile, credentials.file);
    return new Reporter(context.out, context.err, output.json, output.quiet).on(context).emulated(emulated)
        .followUp(followUp).submit(plan, entries, send.waitTimeout(),
            () -> Questions.quotaLeft(asked, Quota.Kind.PREFETCH, stateDir != null));
  }

  /** The prefetch options given, applied to {@code refresh}; a bad one is a usage error naming it. */
  private Refresh options(Refresh refresh) {
    if (layer != null && !layer.equals("middle")) {
      throw new UsageException("--layer takes middle (warm the middle tier only): " + Texts.quote(layer));
    }
    try {
      refresh = area != null ? refresh.area(area) : refresh;
      refresh = layer != null ? refresh.middleLayer() : refresh;
      refresh = userAgent != null ? refresh.userAgent(userAgent) : refresh;
      refresh = parseM3u8 ? refresh.parseM3u8() : refresh;
      refresh = disableRange ? refresh.disableRange() : refresh;
      refresh = urlEncode ? refresh.urlEncode() : refresh;
      refresh = ignoreQuery ? refresh.ignoreQuery() : refresh;
      refresh = skipInvalid ? refresh.skipInvalid() : refresh;
    } catch (IllegalArgumentException e) {
      throw new UsageException("--user-agent: " + e.getMessage());
    }
    for (int i = 0; i < headers.size(); i++) {
      String header = headers.get(i);
      int colon = header.indexOf(':');
      try {
        if (colon <= 0) {
          throw new IllegalArgumentException("not NAME: VALUE");
        }
        refresh = refresh.header(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
      } catch (IllegalArgumentException e) {
        throw new UsageException("--header " + (i + 1) + " of " + headers.size() + ", " + Texts.quote(header) + ": "
            + e.getMessage());
      }
    }
    return refresh;
  }

  private int dryRun(Plan plan, Creds creds, Input entries) {
    PrintStream out = context.out;
    if (output.json) {
      String emulated = emu == null ? null : emu.endpoint;
      out.println(JsonReport.text(JsonReport.dryRun(plan, creds.describe(), entries, emulated)));
      return Exit.OK;
    }
    Plan.DryRun run = plan.dryRun();
    out.println("Dry run: " + Texts.plural(run.requests().size(), "PushUrlsCache request") + ", "
        + Texts.count(run.urlCount(), false) + ", " + run.bytes() + " bytes to " + plan.endpoint()
        + "; nothing was sent.");
    if (output.quiet) {
      return Exit.OK;
    }
    if (dailyQuota != null) { // else the quota is DescribePushQuota's, a request a dry run does not send
      out.println(DryRunReport.quotaLine(dailyQuota, "--daily-quota " + dailyQuota + "; no ledger read",
          run.urlCount(), false));
    }
    out.println("When sent, requests are cut further to the batch DescribePushQuota reports (a dry run asks "
        + "nothing). Signed with " + creds.describe() + "; the signature and the SecretKey are redacted.");
    for (Plan.DryRun.Request request : run.requests()) {
      if (connection.verbose || request.number() == 1) {
        out.println("  request " + request.number() + ": " + request.preview());
      }
    }
    return Exit.OK;
  }

}
