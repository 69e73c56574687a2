package dev.refreshcdn.cli;

import dev.refreshcdn.Api;
import dev.refreshcdn.Api.HttpMethod;
import dev.refreshcdn.Api.SignatureMethod;
import dev.refreshcdn.Area;
import dev.refreshcdn.Plan;
import dev.refreshcdn.Refresh;
import dev.refreshcdn.RefreshException.InvalidInputException;
import dev.refreshcdn.internal.HttpClients;
import dev.refreshcdn.internal.Texts;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The command line of refresh-cdn, and its root command {@code refresh-cdn [URL…]}, which submits a job (or with
 * --dry-run, shows it): {@link #run(String...)} for the process (RefreshCdn.java's main), and
 * {@link #run(String[], InputStream, PrintStream, PrintStream, Map)} for a run inside another program, such as a test.
 * The only public type of this package; {@link CommandLines} builds what runs it, with the {@link Subcommands}.
 */
@Command(name = "refresh-cdn", mixinStandardHelpOptions = true, versionProvider = Version.class,
    sortOptions = false, usageHelpAutoWidth = true,
    description = {
        "Expire cached URLs (or, with --dir, directories) on Tencent Cloud CDN with API 3.0's PurgeUrlsCache "
            + "and PurgePathCache, or the legacy API 2.0's RefreshCdnUrl and RefreshCdnDir with --api v2 (Tencent "
            + "retired API 2.0 on 2022-11-30).",
        "",
        "URLs come from the arguments, from --input FILE, or from stdin when neither is given. They are checked, "
            + "de-duplicated and sent in requests of at most what DescribePurgeQuota allows (1000 URLs; the "
            + "legacy API: 1000 URLs, 20 directories); if any entry is bad, nothing is sent.",
        "",
        "The state directory journals every job, with a ledger of the daily quota spent per SecretId and Beijing "
            + "day: a job larger than the quota left sends what fits and exits 5, and `refresh-cdn resume` sends the "
            + "rest after a quota stop, a crash or a network failure. `refresh-cdn jobs` lists the jobs; no secret is "
            + "ever written there. It is --state-dir DIR; by default:",
        "  $HOME/.refresh-cdn",
        "",
        "Credentials, from the first of these that has them:",
        "  TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY, with TENCENTCLOUD_TOKEN",
        "  (or TENCENTCLOUD_SECURITY_TOKEN) for temporary keys;",
        "  ~/.tccli/NAME.credential, tccli's (NAME: $TCCLI_PROFILE or default);",
        "  ~/.tencentcloud/credentials ([default] secret_id, secret_key).",
        "With --credentials FILE or --profile NAME only that source is used. A secret is never taken as a "
            + "command-line value.",
        ""},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:every URL was submitted (with --wait: and every task is done), or the dry run or query succeeded",
        "1:unexpected internal error",
        "2:usage error, bad input, missing credentials, an unusable state directory, or the job is already "
            + "running; nothing was sent",
        "3:the service refused a request (its code, message and RequestId are printed, e.g. "
            + "ResourceNotFound.CdnHostNotExists; API 2.0: codeDesc 9110)",
        "4:no usable answer (network failure, timeout, HTTP status other than 200)",
        "5:stopped by the daily quota with URLs pending: how many, when the quota returns and the "
            + "`refresh-cdn resume JOB` command are printed",
        "6:after --wait, a task failed",
        "7:--wait timed out before every task was done",
        "130:interrupted (Ctrl-C, SIGINT): the request in flight is abandoned (journaled as possibly reached), "
            + "the summary and the `refresh-cdn resume JOB` command are printed",
        "143:terminated (SIGTERM): as for 130"},
    footerHeading = "%nExamples:%n",
    footer = {
        "  # Try it on this machine, no account needed:",
        "  refresh-cdn --emulator https://www.test.com/1.jpg",
        "  # Two URLs; then a file, printing JSON for scripts:",
        "  refresh-cdn https://www.example.com/a.css https://www.example.com/b.js",
        "  refresh-cdn -i urls.txt --json > tasks.json",
        "  # URLs on stdin, query strings ignored by the cache:",
        "  sed 's|^|https://www.example.com/|' changed.txt | refresh-cdn --ignore-query",
        "  # Sign and show every request, send nothing:",
        "  refresh-cdn --dry-run -i urls.txt",
        "  # 40,000 URLs, 4 requests in flight, then wait until every task is done:",
        "  refresh-cdn --parallel 4 --wait -i release.txt",
        "  # After exit 5 (daily quota) or a crash, tomorrow or now: send what is pending",
        "  refresh-cdn jobs",
        "  refresh-cdn resume",
        "  # Everything under a directory, then the state of the tasks:",
        "  refresh-cdn --dir --flush-all https://www.example.com/static/",
        "  refresh-cdn status --since '2026-11-27 00:00:00'",
        "  # Only the caches outside the Chinese mainland; today's quota:",
        "  refresh-cdn --area overseas -i urls.txt",
        "  refresh-cdn quota",
        "  # Another tccli profile; the legacy API 2.0, signed with HmacSHA256:",
        "  refresh-cdn --profile prod -i urls.txt",
        "  refresh-cdn --api v2 --signature-method HmacSHA256 -i urls.txt",
        "  # A local stand-in for the service (see: refresh-cdn emulator --help):",
        "  refresh-cdn emulator --domain www.test.com",
        "  # Tab completion in this shell (or in ~/.bashrc; zsh: completion zsh):",
        "  source <(refresh-cdn completion bash)",
        ""})
public final class RefreshCdnCli implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "URL", arity = "0..*", description = "URLs to expire (http:// or https://); with --dir, directories.")
  List<String> arguments = new ArrayList<>();

  @Option(names = {"-i", "--input"}, paramLabel = "FILE",
      description = "Read URLs from FILE, one per line, UTF-8 (a byte-order mark and CRLF are fine); blank lines and "
          + "lines starting with # are skipped; - is stdin. A NUL byte, or a line longer than "
          + Input.MAX_LINE_BYTES + " bytes (any request's limit), is refused at once.")
  String input;

  @Option(names = "--dir",
      description = "The entries are directories (PurgePathCache; API 2.0: RefreshCdnDir): refresh what changed under "
          + "them; as many a request as DescribePurgeQuota says (API 2.0: 20), 100 a day. RefreshCdnDir gives no task "
          + "id, so --wait with --api v2 is refused.")
  boolean directories;

  @Option(names = "--flush-all", description = "With --dir: refresh everything under the directories, not only what changed.")
  boolean flushAll;

  @Option(names = "--dry-run", description = "Check, batch and sign every request, print them redacted, send nothing.")
  boolean dryRun;

  @Option(names = "--prefetch",
      description = "API 3.0, URLs only: purge, wait for the purge tasks to be done (--wait-timeout, default 10m), "
          + "then prefetch the same URLs (PushUrlsCache); one job, resumable at either phase. See: refresh-cdn "
          + "prefetch --help.")
  boolean prefetch;

  @Option(names = "--emulator",
      description = "Send to an emulator started in this process on loopback, with a generated key pair "
          + "(no state is kept unless --state-dir is given; a job so journaled cannot be resumed: the emulator ends "
          + "with the run).")
  boolean emulator;

  @Option(names = "--api", paramLabel = "v2|v3", completionCandidates = Candidates.Apis.class, description = "v3: API 3.0 (PurgeUrlsCache, PurgePathCache), signed with TC3-HMAC-SHA256; v2: the legacy API "
          + "2.0 (RefreshCdnUrl, RefreshCdnDir), retired by Tencent on 2022-11-30 (default: $REFRESH_CDN_API, else "
          + "the credentials profile's api setting, else v3).")
  Api api;

  @Option(names = "--area", paramLabel = "mainland|overseas", completionCandidates = Candidates.PurgeAreas.class, converter = Converters.ToPurgeArea.class,
      description = "API 3.0 only: purge only the caches in the Chinese mainland, or only those outside it "
          + "(default: wherever the domain is accelerated).")
  Area area;

  @Option(names = "--url-encode",
      description = "API 3.0 only: have the service encode Chinese characters in the URLs before purging.")
  boolean urlEncode;

  @Option(names = "--method", paramLabel = "POST|GET",
      description = "API 2.0 only: POST puts the parameters in the body (default, up to 1 MB), GET in the query "
          + "(up to 32 KB); API 3.0 requests are JSON POSTs.")
  HttpMethod method;

  @Option(names = "--signature-method", paramLabel = "HmacSHA1|HmacSHA256",
      description = "API 2.0 only: the HMAC that signs each request (default: HmacSHA1).")
  SignatureMethod signatureMethod;

  @Option(names = "--batch-size", paramLabel = "N",
      description = "At most N URLs per request, 1 to 1000; with --dir 1 to 500 (API 2.0: 20). It can only lower "
          + "the batch DescribePurgeQuota reports (default: that batch; API 2.0: 1000 URLs, 20 directories).")
  Integer batchSize;

  @Option(names = "--ignore-query", description = "Strip query strings and fragments, then drop the duplicates.")
  boolean ignoreQuery;

  @Option(names = "--skip-invalid",
      description = "Leave bad entries out (the first 100 listed on stderr) instead of sending nothing.")
  boolean skipInvalid;

  @Option(names = "--state-dir", paramLabel = "DIR",
      description = {"Keep the job journals and the daily quota ledger in DIR, created when needed; a dry run and "
          + "--emulator keep none unless it is given. No secret is written there. Default:", "$HOME/.refresh-cdn"})
  Path stateDirOption;

  @Option(names = "--daily-quota", paramLabel = "N",
      description = "Send at most N URLs (with --dir: directories) a day for this SecretId, Beijing time, counting "
          + "what the state directory's ledger recorded today (default: what DescribePurgeQuota says is left in "
          + "the area that is charged; API 2.0: 10000 URLs, 100 directories); the rest is kept pending and the exit code is 5.")
  Integer dailyQuota;

  @Mixin SendOptions send;
  @Mixin ConnectionOptions connection;
  @Mixin CredentialOptions credentials;
  @Mixin OutputOptions output;

  final Context context;
  final PrintStream out;
  final PrintStream err;
  private LocalEmulator emu;

  RefreshCdnCli(Context context) {
    this.context = context;
    this.out = context.out;
    this.err = context.err;
  }

  /** Runs the command line in this process: its streams, environment, terminal and signals; returns the exit code. */
  public static int run(String... args) {
    try {
      return run(Context.process(), args);
    } finally {
      HttpClients.stopForExit(); // the process exits next, which would wait 300 ms for them (see there)
    }
  }

  /**
   * Runs the command line with these streams and environment variables (nothing is read from {@code System}); no
   * stream is a terminal and no signal is handled. Returns the exit code; never exits.
   */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
    return run(Context.of(in, out, err, env), args);
  }

  private static int run(Context context, String[] args) {
    try {
      if (CommandLines.versionAlone(args)) {
        return CommandLines.printVersion(context);
      }
      return CommandLines.execute(RefreshCdnCli.class, context, args);
    } finally {
      context.out.flush();
      context.err.flush();
    }
  }

  @Override
  public Integer call() {
    Input entries = null;
    try {
      if (arguments.isEmpty() && input == null && context.isTerminal(0)) {
        String message = "no URLs given (pass them as arguments, with --input FILE or on stdin)";
        err.println("refresh-cdn: " + message);
        err.println("  see '" + Errors.help(spec, context.env) + "'");
        return usageError(message);
      }
      checkCombinations();
      Api chosen = Choices.api(api, context.env, emulator ? () -> null : () -> credentials.apiSetting(context));
      checkApiOptions(chosen, context.env);
      if (prefetch) {
        PrefetchCommand.checkPurgeThenPrefetch(chosen, api, context.env, directories);
      }
      send.checkWait(chosen, directories, false);
      if (!dryRun) {
        HttpClients.warmUp(); // the trust store loads while the input is read and planned
      }
      entries = Input.read(arguments, input, context.in);
      return submit(chosen, entries);
    } catch (InvalidInputException e) {
      String command = arguments.isEmpty() ? null : Errors.closestCommand(arguments.get(0), Subcommands.names());
      return BadInput.refused(context, output, e, entries, "refresh",
          command == null ? null : "did you mean '" + FollowUp.program(context.env) + " " + command + "'?");
    } finally {
      out.flush();
      if (emu != null) {
        emu.close();
      }
    }
  }

  /** Plans the job, then shows it (--dry-run) or sends it. */
  private int submit(Api chosen, Input entries) {
    Refresh refresh = configure((directories ? Refresh.dirs(entries.urls()) : Refresh.urls(entries.urls())).api(chosen));
    refresh = prefetch ? PrefetchCommand.purgeThenPrefetch(refresh, send.waitTimeout()) : refresh;
    refresh = connection.applyTo(refresh, ConnectionOptions.defaultEndpoint(chosen), emulator, context);
    Path stateDir = StateDir.forSubmission(stateDirOption, dryRun || emulator, context.env);
    refresh = send.applyTo(refresh, stateDir);
    if (dailyQuota != null) {
      refresh = refresh.dailyQuota(dailyQuota);
    }
    emu = emulator ? LocalEmulator.start(entries, chosen, context, output) : null;
    String emulated = emu == null ? null : emu.endpoint;
    Creds creds = emu != null ? emu.creds() : credentials(refresh);
    if (emu != null) {
      refresh = refresh.endpoint(emulated);
    }
    refresh = creds.applyTo(refresh);
    Plan plan = batchSize == null ? refresh.batch() : refresh.batch(batchSize);
    BadInput.skipped(context, output, plan, entries);
    if (dryRun) {
      DryRunReport report = new DryRunReport(this);
      return report.print(plan, creds, entries, emulated,
          output.quiet ? null : report.quotaLine(refresh, chosen, creds, plan.urls().size()), chosen);
    }
    if (stateDir == null && !emulator) {
      // Even with -q or --json: without a journal, what this run prints is the only record of what was not sent.
      err.println("refresh-cdn: HOME is not set and no --state-dir was given, so this job is not journaled");
    }
    if (connection.verbose) {
      err.println("[refresh-cdn] " + Texts.count(plan.urls().size(), directories) + " in "
          + Texts.plural(plan.requestCount(), "request") + " to "
          + plan.endpoint() + ", signed with " + creds.describe()
          + (stateDir == null ? "" : ", journaled in " + stateDir));
    }
    Refresh asked = refresh;
    FollowUp followUp = new FollowUp(stateDir, context.env).target(chosen, plan.endpoint())
        .credentials(credentials.profile, credentials.file);
    return new Reporter(out, err, output.json, output.quiet).on(context).emulated(emulated).followUp(followUp)
        .directories(directories).purgeFirst(prefetch)
        .submit(plan, entries, send.waitTimeout(), () -> Questions.quotaLeft(asked, directories, stateDir != null));
  }

  private int usageError(String message) {
    if (output.json) {
      out.println(JsonReport.text(JsonReport.usage(message, Exit.USAGE)));
    }
    return Exit.USAGE;
  }

  private void checkCombinations() {
    LocalEmulator.checkNoEndpoint(emulator, connection);
    if (flushAll && !directories) {
      throw new UsageException("--flush-all applies to directories: add --dir");
    }
    send.checkNotDryRun(dryRun);
  }

  /**
   * The key pair from the chain. When it has none, or a credentials file is unusable, bad input is reported instead:
   * finding it needs no key, and a user who fixes the credentials first would only meet the bad line next. The URLs
   * are checked here only on that path, so a run that has credentials checks them once, in {@code batch}.
   */
  private Creds credentials(Refresh refresh) {
    try {
      return credentials.resolve(context, dryRun);
    } catch (UsageException e) {
      if (batchSize == null) {
        refresh.batch(); // throws InvalidInputException (or IllegalArgumentException) on bad input
      } else {
        refresh.batch(batchSize);
      }
      throw e;
    }
  }

  /** Options of one API generation are refused with the other, before anything is read or sent. */
  private void checkApiOptions(Api chosen, Map<String, String> env) {
    String v3Only = area != null ? "--area" : urlEncode ? "--url-encode" : null;
    if (chosen == Api.V2 && v3Only != null) {
      String source = api != null ? "--api v2" : env.get(Choices.API_VARIABLE) != null
          && !env.get(Choices.API_VARIABLE).isBlank() ? Choices.API_VARIABLE + "=v2" : "the credentials profile's api setting";
      throw new UsageException(v3Only + " applies to API 3.0 only, the default, and " + source + " chose the legacy "
          + "API 2.0: use --api v3");
    }
    String v2Only = signatureMethod != null ? "--signature-method" : method == HttpMethod.GET ? "--method GET" : null;
    if (chosen == Api.V3 && v2Only != null) {
      throw new UsageException(v2Only + " applies to the legacy API 2.0 only: leave it out, API 3.0 (the default) sends "
          + "JSON POSTs signed with TC3-HMAC-SHA256");
    }
  }

  /** The request options of the main command (the connection options are shared with the other commands). */
  private Refresh configure(Refresh refresh) {
    if (flushAll) {
      refresh = refresh.flushAll();
    }
    if (method != null) {
      refresh = refresh.method(method);
    }
    if (signatureMethod != null) {
      refresh = refresh.signatureMethod(signatureMethod);
    }
    if (area != null) {
      refresh = refresh.area(area);
    }
    if (urlEncode) {
      refresh = refresh.urlEncode();
    }
    if (ignoreQuery) {
      refresh = refresh.ignoreQuery();
    }
    if (skipInvalid) {
      refresh = refresh.skipInvalid();
    }
    return refresh;
  }
}
