///usr/bin/env jbang "$0" "$@" ; exit $?
//DESCRIPTION Expire cached URLs on Tencent Cloud CDN (API 3.0 PurgeUrlsCache; API 2.0 RefreshCdnUrl)
//JAVA 11+
//DEPS info.picocli:picocli:4.7.7
//DEPS com.fasterxml.jackson.jr:jackson-jr-objects:2.21.2
//SOURCES lib/**/*.java
//COMPILE_OPTIONS -encoding UTF-8

import dev.refreshcdn.Api;
import dev.refreshcdn.Area;
import dev.refreshcdn.Batch;
import dev.refreshcdn.DryRun;
import dev.refreshcdn.HttpMethod;
import dev.refreshcdn.InvalidInputException;
import dev.refreshcdn.InvalidUrl;
import dev.refreshcdn.Job;
import dev.refreshcdn.NoAnswerException;
import dev.refreshcdn.Plan;
import dev.refreshcdn.Quota;
import dev.refreshcdn.Refresh;
import dev.refreshcdn.RefusedException;
import dev.refreshcdn.SignatureMethod;
import dev.refreshcdn.TaskStatus;
import dev.refreshcdn.cli.Choices;
import dev.refreshcdn.cli.Connection;
import dev.refreshcdn.cli.CredentialChain;
import dev.refreshcdn.cli.Creds;
import dev.refreshcdn.cli.Durations;
import dev.refreshcdn.cli.Exit;
import dev.refreshcdn.cli.FollowUp;
import dev.refreshcdn.cli.Input;
import dev.refreshcdn.cli.JsonReport;
import dev.refreshcdn.cli.Reporter;
import dev.refreshcdn.cli.StateDir;
import dev.refreshcdn.cli.Tables;
import dev.refreshcdn.cli.Terminal;
import dev.refreshcdn.cli.Times;
import dev.refreshcdn.cli.UsageException;
import dev.refreshcdn.emulator.Emulator;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

@Command(name = "refresh-cdn", mixinStandardHelpOptions = true, version = "refresh-cdn " + Refresh.VERSION,
    sortOptions = false, usageHelpAutoWidth = true,
    subcommands = {RefreshCdn.ResumeCommand.class, RefreshCdn.JobsCommand.class, RefreshCdn.StatusCommand.class,
        RefreshCdn.QuotaCommand.class, RefreshCdn.EmulatorCommand.class},
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
        ""})
public class RefreshCdn implements Callable<Integer> {
  static final int OK = Exit.OK;
  static final int USAGE = Exit.USAGE;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "URL", arity = "0..*", description = "URLs to expire (http:// or https://); with --dir, directories.")
  List<String> arguments = new ArrayList<>();

  @Option(names = {"-i", "--input"}, paramLabel = "FILE",
      description = "Read URLs from FILE, one per line, UTF-8 (a byte-order mark and CRLF are fine); blank lines and "
          + "lines starting with # are skipped; - is stdin. A NUL byte, or a line longer than "
          + Refresh.MAX_V3_POST_BYTES + " bytes (any request's limit), is refused at once.")
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

  @Option(names = "--emulator",
      description = "Send to an emulator started in this process on loopback, with a generated key pair "
          + "(no state is kept unless --state-dir is given).")
  boolean emulator;

  @Option(names = "--api", paramLabel = "v2|v3", converter = ApiConverter.class,
      description = "v3: API 3.0 (PurgeUrlsCache, PurgePathCache), signed with TC3-HMAC-SHA256; v2: the legacy API "
          + "2.0 (RefreshCdnUrl, RefreshCdnDir), retired by Tencent on 2022-11-30 (default: $REFRESH_CDN_API, else "
          + "the credentials profile's api setting, else v3).")
  Api api;

  @Option(names = "--area", paramLabel = "mainland|overseas", converter = AreaConverter.class,
      description = "API 3.0 only: purge only the caches in the Chinese mainland, or only those outside it "
          + "(default: wherever the domain is accelerated).")
  Area area;

  @Option(names = "--url-encode",
      description = "API 3.0 only: have the service encode Chinese characters in the URLs before purging.")
  boolean urlEncode;

  @Option(names = "--method", paramLabel = "POST|GET", converter = MethodConverter.class,
      description = "API 2.0 only: POST puts the parameters in the body (default, up to 1 MB), GET in the query "
          + "(up to 32 KB); API 3.0 requests are JSON POSTs.")
  HttpMethod method;

  @Option(names = "--signature-method", paramLabel = "HmacSHA1|HmacSHA256", converter = SignatureConverter.class,
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

  private PrintStream out;
  private PrintStream err;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line, whose parse errors also print a JSON document on stdout when --json is among the arguments. */
  static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new RefreshCdn());
    CommandLine.IParameterExceptionHandler standard = commandLine.getParameterExceptionHandler();
    commandLine.setParameterExceptionHandler((e, args) -> {
      int exit = standard.handleParseException(e, args);
      if (e.getCommandLine().getCommandSpec().findOption("--json") != null && wantsJson(args)) {
        PrintStream stdout = stdout();
        stdout.println(JsonReport.text(JsonReport.usage(e.getMessage(), exit)));
        stdout.flush();
      }
      return exit;
    });
    return commandLine;
  }

  /** Whether --json is an option among {@code args} (not a URL after {@code --}). */
  private static boolean wantsJson(String[] args) {
    for (String arg : args) {
      if (arg.equals("--")) {
        return false;
      }
      if (arg.equals("--json")) {
        return true;
      }
    }
    return false;
  }

  /** Standard output, buffered, UTF-8; flushed by each command before it returns. */
  static PrintStream stdout() {
    return new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16), false,
        StandardCharsets.UTF_8);
  }

  /** Standard error, UTF-8, flushed on every line. */
  static PrintStream stderr() {
    return new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
  }

  @Override
  public Integer call() {
    out = stdout();
    err = stderr();
    Emulator emu = null;
    Input entries = null;
    Map<String, String> env = System.getenv();
    try {
      if (arguments.isEmpty() && input == null && Terminal.isTerminal(0)) {
        String message = "no URLs given (pass them as arguments, with --input FILE or on stdin)";
        err.println("refresh-cdn: " + message);
        spec.commandLine().usage(err);
        return usageError(message);
      }
      checkCombinations();
      Api chosen = Choices.api(api, env, emulator ? () -> null : credentials::apiSetting);
      checkApiOptions(chosen, env);
      checkWait(chosen, directories, send.waitTimeout() != null, send.waitOption(), false);
      entries = Input.read(arguments, input);
      Refresh refresh = configure((directories ? Refresh.dirs(entries.urls()) : Refresh.urls(entries.urls())).api(chosen));
      refresh = connection.value().applyTo(refresh, Connection.defaultEndpoint(chosen), emulator, err, env);
      Path stateDir = StateDir.forSubmission(stateDirOption, dryRun || emulator, env);
      refresh = send.applyTo(refresh, stateDir);
      if (dailyQuota != null) {
        refresh = refresh.dailyQuota(dailyQuota);
      }
      Creds creds;
      String emulated = null;
      if (emulator) {
        emu = Emulator.builder().account(Emulator.Account.generate(entries.hosts().toArray(new String[0]))).start();
        creds = Creds.of(emu.secretId(), emu.secretKey(), "the emulator's generated key pair");
        URI emulatorEndpoint = chosen == Api.V3 ? emu.endpointV3() : emu.endpoint();
        refresh = refresh.endpoint(emulatorEndpoint);
        emulated = emulatorEndpoint.toString();
        if (!output.quiet && !output.json) {
          out.println("[emulator] " + emulated + " — nothing leaves this machine");
          out.flush();
        }
      } else {
        creds = credentials(refresh);
      }
      refresh = creds.applyTo(refresh);
      Plan plan = batchSize == null ? refresh.batch() : refresh.batch(batchSize);
      reportSkipped(plan, entries);
      if (dryRun) {
        return printDryRun(plan, creds, entries, emulated, output.quiet ? null : dryRunQuota(refresh, chosen, creds,
            plan.urls().size(), env), chosen);
      }
      if (stateDir == null && !emulator) {
        // Even with -q or --json: without a journal, what this run prints is the only record of what was not sent.
        err.println("refresh-cdn: HOME is not set and no --state-dir was given, so this job is not journaled");
      }
      if (connection.verbose) {
        err.println("[refresh-cdn] " + plan.urls().size() + " entries in " + plan.requestCount() + " requests to "
            + plan.endpoint() + ", signed with " + creds.describe()
            + (stateDir == null ? "" : ", journaled in " + stateDir));
      }
      Refresh asked = refresh;
      FollowUp followUp = new FollowUp(stateDir, env).target(chosen, plan.endpoint())
          .credentials(credentials.profile, credentials.file);
      return new Reporter(out, err, output.json, output.quiet).emulated(emulated).followUp(followUp)
          .directories(directories)
          .submit(plan, entries, send.waitTimeout(), () -> Reporter.quotaLeft(asked, directories, stateDir != null));
    } catch (UsageException | IllegalArgumentException e) {
      err.println("refresh-cdn: " + e.getMessage());
      return usageError(e.getMessage());
    } catch (InvalidInputException e) {
      return reportInvalid(e, entries);
    } finally {
      out.flush();
      if (emu != null) {
        emu.close();
      }
    }
  }

  /** Exit code {@link #USAGE}, with its JSON document under --json (the message is on stderr already). */
  private int usageError(String message) {
    if (output.json) {
      printJson(JsonReport.usage(message, USAGE));
    }
    return USAGE;
  }

  private void checkCombinations() {
    if (emulator && connection.endpoint != null) {
      throw new UsageException("--emulator and --endpoint do not combine: --emulator starts its own endpoint");
    }
    if (flushAll && !directories) {
      throw new UsageException("--flush-all applies to directories: add --dir");
    }
    if (dryRun && send.waitTimeout() != null) {
      throw new UsageException(send.waitOption() + " does not combine with --dry-run: a dry run creates no task");
    }
  }

  /**
   * Waiting needs task ids, and the legacy RefreshCdnDir gives none: refused before anything is sent, for a new job
   * and a resumed one alike.
   */
  static void checkWait(Api api, boolean directories, boolean waiting, String option, boolean resumed) {
    if (waiting && directories && api == Api.V2) {
      throw new UsageException(option + " does not combine with directories on API 2.0: RefreshCdnDir gives no task "
          + "id to wait for; " + (resumed ? "this job was made with API 2.0: resume it without " + option
              : "leave out --api v2 to wait for directories on API 3.0"));
    }
  }

  /**
   * The key pair from the chain. When it has none, or a credentials file is unusable, bad input is reported instead:
   * finding it needs no key, and a user who fixes the credentials first would only meet the bad line next. The URLs
   * are checked here only on that path, so a run that has credentials checks them once, in {@code batch}.
   */
  private Creds credentials(Refresh refresh) {
    try {
      return credentials.resolve(dryRun);
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
      String source = api != null ? "--api v2" : env.get(Choices.API_VARIABLE) != null && !env.get(Choices.API_VARIABLE)
          .isBlank() ? Choices.API_VARIABLE + "=v2" : "the credentials profile's api setting";
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

  // ---- dry run ----

  /** Prints the dry run; {@code quota}, when not null, is its line on today's quota. */
  private int printDryRun(Plan plan, Creds creds, Input entries, String emulated, String quota, Api chosen) {
    if (output.json) {
      printJson(JsonReport.dryRun(plan, creds.describe(), entries, emulated));
      return OK;
    }
    DryRun run = plan.dryRun();
    List<Batch> batches = plan.requests();
    DryRun.Request first = run.requests().get(0);
    out.println("Dry run: " + Reporter.plural(run.requests().size(), first.method() + " request") + ", "
        + Reporter.count(run.urlCount(), directories) + ", " + run.bytes() + " bytes to " + plan.endpoint()
        + "; nothing was sent.");
    if (output.quiet) {
      return OK;
    }
    if (quota != null) {
      out.println(quota);
    }
    if (chosen == Api.V3) {
      out.println("When sent, requests are cut further to the batch DescribePurgeQuota reports for the account "
          + "(a dry run asks nothing).");
    }
    out.println("Signed with " + creds.describe() + ".");
    out.println("The Signature and the SecretKey are redacted.");
    new Reporter(out, err, false, false).notes(plan);
    for (DryRun.Request request : run.requests()) {
      List<String> urls = batches.get(request.number() - 1).urls();
      out.println("  request " + request.number() + ": " + Reporter.count(request.urlCount(), directories) + ", "
          + request.bytes() + " bytes, "
          + (urls.size() == 1 ? urls.get(0) : urls.get(0) + " … " + urls.get(urls.size() - 1)));
      if (connection.verbose) {
        out.println("    " + request.preview());
      }
    }
    if (!connection.verbose) {
      out.println("Request 1 as it would be sent (-v shows every request):");
      out.println("    " + first.preview());
    }
    return OK;
  }


  /**
   * A dry run's line on today's quota, when it is known without asking the service: the ledger of the state
   * directory (--state-dir, else the default one if it exists; read, never written) less --daily-quota or the
   * documented daily quota, or --daily-quota alone. Null when it would take a request (API 3.0 without
   * --daily-quota) or nothing is known (no ledger, no --daily-quota).
   */
  private String dryRunQuota(Refresh refresh, Api chosen, Creds creds, int count, Map<String, String> env) {
    if (chosen == Api.V3 && dailyQuota == null) {
      return null; // DescribePurgeQuota is a request, and a dry run sends none
    }
    Path ledger = stateDirOption != null ? stateDirOption.toAbsolutePath() : StateDir.defaultDir(env);
    if (ledger != null && !java.nio.file.Files.isDirectory(ledger) || creds.placeholder()) {
      ledger = null; // no ledger yet, or no account to read it for
    }
    if (ledger == null && dailyQuota == null) {
      return null;
    }
    int total = dailyQuota != null ? dailyQuota : directories ? Refresh.DEFAULT_DAILY_DIR_QUOTA
        : Refresh.DEFAULT_DAILY_QUOTA;
    int left = total;
    String source = dailyQuota != null ? "--daily-quota " + dailyQuota : total + " a day";
    if (ledger != null) {
      try {
        // The ledger is per account, whatever the API: read it the way the legacy API's quota query does.
        left = Reporter.quotaLeft(refresh.api(Api.V2).stateDir(ledger).dailyQuota(total), directories, true);
        source += ", less today's ledger in " + ledger;
      } catch (RuntimeException e) {
        return null; // an unreadable ledger: the dry run itself does not need it
      }
    } else {
      source += "; no ledger read";
    }
    String fit = count <= left ? (count == 1 ? "it fits." : "all " + Reporter.count(count, directories) + " fit.")
        : left + " of these " + Reporter.count(count, directories) + " would be sent today, " + (count - left)
            + " kept pending (exit 5).";
    return "Quota: " + Reporter.count(left, directories) + " left today (" + source + "): " + fit;
  }

  // ---- bad input ----

  private void reportSkipped(Plan plan, Input entries) {
    if (plan.skipped().isEmpty() || output.quiet || output.json) {
      return;
    }
    err.println("refresh-cdn: skipped " + plan.skipped().size() + " bad entr" + (plan.skipped().size() == 1 ? "y" : "ies")
        + ":");
    listInvalid(plan.skipped(), entries);
  }

  private int reportInvalid(InvalidInputException e, Input entries) {
    if (e.invalid().isEmpty()) {
      err.println("refresh-cdn: " + e.getMessage());
    } else {
      err.println("refresh-cdn: " + e.invalid().size() + " of " + entries.urls().size() + " entries are not valid URLs "
          + "to refresh; nothing was sent:");
      listInvalid(e.invalid(), entries);
    }
    if (output.json) {
      printJson(JsonReport.invalid(e, entries, USAGE));
    }
    return USAGE;
  }

  private void listInvalid(List<InvalidUrl> invalid, Input entries) {
    Reporter.listInvalid(err, invalid, entries);
  }

  private void printJson(Map<String, Object> doc) {
    out.println(JsonReport.text(doc));
  }

  // ---- option converters (picocli types stay in this script) ----

  static final class MethodConverter implements ITypeConverter<HttpMethod> {
    @Override
    public HttpMethod convert(String value) {
      for (HttpMethod m : HttpMethod.values()) {
        if (m.name().equalsIgnoreCase(value)) {
          return m;
        }
      }
      throw new TypeConversionException("expected POST or GET: " + value);
    }
  }

  static final class SignatureConverter implements ITypeConverter<SignatureMethod> {
    @Override
    public SignatureMethod convert(String value) {
      for (SignatureMethod m : SignatureMethod.values()) {
        if (m.name().equalsIgnoreCase(value)) {
          return m;
        }
      }
      throw new TypeConversionException("expected HmacSHA1 or HmacSHA256: " + value);
    }
  }

  /** What {@code parse} makes of {@code value}; its IllegalArgumentException becomes picocli's usage error. */
  static <T> T converted(String value, java.util.function.Function<String, T> parse) {
    try {
      return parse.apply(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }

  static final class ApiConverter implements ITypeConverter<Api> {
    @Override
    public Api convert(String value) {
      return converted(value, Choices::api);
    }
  }

  static final class AreaConverter implements ITypeConverter<Area> {
    @Override
    public Area convert(String value) {
      return converted(value, Choices::area);
    }
  }

  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return converted(value, Durations::parse);
    }
  }

  static final class InstantConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      return converted(value, Times::parse);
    }
  }

  // ---- options shared by several commands (mixins), so that they cannot drift apart ----

  /** Where the requests go and how: shared by submitting, resume, status and quota. */
  static final class ConnectionOptions {
    @Option(names = "--endpoint", paramLabel = "URL",
        description = {"The endpoint; by default a resumed job's own, else the API's:",
            "https://cdn.tencentcloudapi.com/ (v3)", "https://cdn.api.qcloud.com/v2/index.php (v2)"})
    String endpoint;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
        description = "How long to wait for each answer, e.g. 30s, 2m, 500ms or PT1M (default: 30s).")
    Duration timeout;

    @Option(names = "--retries", paramLabel = "N",
        description = "Retry a request up to N times after a failure that may pass (network, timeout, HTTP 5xx or "
            + "429, a busy service), with backoff (default: 3).")
    Integer retries;

    @Option(names = "--calls-per-minute", paramLabel = "N",
        description = "Start at most N requests a minute, retries included (default: 1200, the documented limit).")
    Integer callsPerMinute;

    @Option(names = "--https-proxy", paramLabel = "URL",
        description = "Connect through this http:// proxy (no user info), e.g. http://proxy:3128 (default: "
            + "$HTTPS_PROXY, honouring $NO_PROXY).")
    String httpsProxy;

    @Option(names = {"-v", "--verbose"}, description = "Log every HTTP request on stderr (never a secret).")
    boolean verbose;

    Connection value() {
      return new Connection(endpoint, timeout, retries, callsPerMinute, httpsProxy, verbose);
    }
  }

  /** Where the key pair comes from: shared by every command that signs. */
  static final class CredentialOptions {
    @Option(names = "--profile", paramLabel = "NAME",
        description = {"Read credentials from tccli's profile NAME (default: $TCCLI_PROFILE, else default), that is:",
            "~/.tccli/NAME.credential"})
    String profile;

    @Option(names = "--credentials", paramLabel = "FILE",
        description = "Read credentials from FILE: tccli JSON (secretId, secretKey) or INI ([default] secret_id, "
            + "secret_key).")
    Path file;

    Creds resolve(boolean dryRun) {
      return CredentialChain.ofSystem().resolve(profile, file, dryRun);
    }

    /** The api setting of the profile the credentials come from, or null. */
    String apiSetting() {
      return CredentialChain.ofSystem().apiSetting(profile, file);
    }
  }

  /** --state-dir of the commands that read jobs (resume, jobs): the directory must exist when given. */
  static final class JobsDirOption {
    @Option(names = "--state-dir", paramLabel = "DIR",
        description = {"The state directory of the jobs; when given, it must exist. Default:",
            "$HOME/.refresh-cdn"})
    Path dir;
  }

  /** How a job is sent and followed: shared by submitting and resume. */
  static final class SendOptions {
    @Option(names = "--parallel", paramLabel = "N",
        description = "Keep up to N requests in flight, 1 to 8 (default: 1); --calls-per-minute holds across them.")
    Integer parallel;

    @Option(names = "--wait",
        description = "After submitting, poll the tasks' status until every task is done or failed (exit 6 when one "
            + "failed, 7 on timeout).")
    boolean wait;

    @Option(names = "--wait-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
        description = "Wait at most this long, e.g. 10m (default: 10m; implies --wait).")
    Duration waitTimeout;

    /** How long to wait for the tasks, or null when not waiting. */
    Duration waitTimeout() {
      return waitTimeout != null ? waitTimeout : wait ? Duration.ofMinutes(10) : null;
    }

    /** The waiting option as given, for messages. */
    String waitOption() {
      return waitTimeout != null ? "--wait-timeout" : "--wait";
    }

    Refresh applyTo(Refresh refresh, Path stateDir) {
      if (stateDir != null) {
        refresh = refresh.stateDir(stateDir);
      }
      if (parallel != null) {
        refresh = refresh.parallel(parallel);
      }
      return refresh;
    }
  }

  /** --json and --quiet: shared by submitting and resume. */
  static final class OutputOptions {
    @Option(names = "--json",
        description = "Print one JSON document on stdout: job_id, tasks, pending and quota_returns, refusal, failed and "
            + "unsent URLs, resent_urls, and with --wait the task statuses.")
    boolean json;

    @Option(names = {"-q", "--quiet"},
        description = "Print only the task ids, one per line (a dry run: its summary; with --json: no progress).")
    boolean quiet;
  }

  // ---- subcommands: each parses, calls the library and prints through the cli helpers ----

  /** {@code refresh-cdn resume [JOB]}: sends what a journaled job has not had accepted. */
  @Command(name = "resume", mixinStandardHelpOptions = true, version = "refresh-cdn " + Refresh.VERSION,
      sortOptions = false, usageHelpAutoWidth = true,
      description = {
          "Continue a job of the state directory after a quota stop (exit 5), a crash, a kill or a network failure: "
              + "send exactly the URLs the service has not accepted, with the job's API, endpoint and request options. "
              + "A request whose answer was lost is sent again (a refresh is idempotent; only quota is spent) and "
              + "counted as resent.",
          "",
          "Credentials and connection options are given as for a new job: they are never journaled. Without JOB, a "
              + "job that cannot be read is passed over, and said so.",
          ""},
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:every pending URL was submitted, or nothing was left to resume",
          "2:usage error, no such job or state directory, the job is running or cannot be read, or its recorded "
              + "endpoint is one a new job may not use (plain http off loopback); nothing was sent",
          "3:refused", "4:no usable answer", "5:the daily quota is still spent: nothing more was sent",
          "6:after --wait, a task failed", "7:--wait timed out", "130:interrupted (SIGINT), as a new job is",
          "143:terminated (SIGTERM), as a new job is"})
  static final class ResumeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "JOB", arity = "0..1",
        description = "The job's id, as `refresh-cdn jobs` lists it (default: the most recent job not done).")
    String jobId;

    @Mixin JobsDirOption state;

    @Option(names = "--daily-quota", paramLabel = "N",
        description = "Send at most N a day (URLs, or directories for a directory job) for this SecretId, Beijing "
            + "time, counting what the ledger recorded today (default: the job's own, as it was submitted; else for "
            + "an API 3.0 job what DescribePurgeQuota says, for an API 2.0 job 10000 URLs, 100 directories); the rest is kept "
            + "pending and the exit code is 5.")
    Integer dailyQuota;

    @Mixin SendOptions send;
    @Mixin ConnectionOptions connection;
    @Mixin CredentialOptions credentials;
    @Mixin OutputOptions output;

    @Override
    public Integer call() {
      PrintStream out = stdout();
      PrintStream err = stderr();
      Map<String, String> env = System.getenv();
      try {
        Path dir = StateDir.existing(state.dir, env);
        List<Job> jobs = dir == null ? List.of() : Refresh.jobs(dir);
        Job job = dir == null ? null : StateDir.pick(jobs, jobId, dir);
        if (jobId == null) {
          StateDir.passedOver(jobs, job).forEach(line -> err.println("refresh-cdn: " + line));
        }
        if (dir == null && jobId != null) {
          throw new UsageException("no job " + jobId + ": there is no state directory yet ("
              + StateDir.defaultDir(env) + ")");
        }
        if (job == null) {
          String message = (jobId == null ? "no unfinished job in " + (dir != null ? dir : StateDir.defaultDir(env))
              : "job " + jobId + " is done") + ": nothing to resume";
          if (output.json) {
            out.println(JsonReport.text(JsonReport.withJob(JsonReport.nothingToResume(message), jobId, 0, null, 0)));
          } else if (!output.quiet) {
            out.println(message + ".");
          }
          return OK;
        }
        checkWait(job.api(), job.directories(), send.waitTimeout() != null, send.waitOption(), true);
        Refresh refresh = connection.value().applyTo(Refresh.resume(dir, job.id()), job.endpoint(), false, err, env);
        refresh = send.applyTo(credentials.resolve(false).applyTo(refresh), dir);
        if (dailyQuota != null) {
          refresh = refresh.dailyQuota(dailyQuota);
        }
        Plan plan = refresh.batch();
        job.problem().ifPresent(problem -> err.println("refresh-cdn: " + problem));
        if (!output.json && !output.quiet) {
          out.println("Resuming job " + job.id() + ": " + job.pendingUrls() + " of "
              + Reporter.count(job.urlCount(), job.directories()) + " pending, " + job.acceptedUrls()
              + " accepted before.");
          out.flush();
        }
        Refresh asked = refresh;
        FollowUp followUp = new FollowUp(dir, env).target(job.api(), plan.endpoint())
            .credentials(credentials.profile, credentials.file);
        if (connection.endpoint != null && !plan.endpoint().equals(job.endpoint())) {
          followUp.endpointOverride(connection.endpoint); // the journal keeps the endpoint the job was submitted to
        }
        return new Reporter(out, err, output.json, output.quiet).followUp(followUp).directories(job.directories())
            .submit(plan, null, send.waitTimeout(), () -> Reporter.quotaLeft(asked, job.directories(), true));
      } catch (UsageException | IllegalArgumentException e) {
        return usage(out, err, output.json, e.getMessage());
      } catch (java.io.UncheckedIOException e) {
        return usage(out, err, output.json, StateDir.explain(e));
      } finally {
        out.flush();
      }
    }
  }

  /** {@code refresh-cdn jobs}: the jobs of the state directory with their state. */
  @Command(name = "jobs", mixinStandardHelpOptions = true, version = "refresh-cdn " + Refresh.VERSION,
      sortOptions = false, usageHelpAutoWidth = true,
      description = {"List the jobs of the state directory, oldest first: id, creation (local time), state (done, "
          + "quota, refused, unfinished, unreadable), URLs accepted of all, URLs pending, API and endpoint host; then "
          + "why a job cannot be read, or which lines of its journal cannot be.", ""})
  static final class JobsCommand implements Callable<Integer> {
    @Mixin JobsDirOption state;

    @Option(names = "--json", description = "Print one JSON document with every job.")
    boolean json;

    @Override
    public Integer call() {
      PrintStream out = stdout();
      PrintStream err = stderr();
      Map<String, String> env = System.getenv();
      try {
        Path dir = StateDir.existing(state.dir, env);
        List<Job> jobs = dir == null ? List.of() : Refresh.jobs(dir);
        Path shown = dir != null ? dir : StateDir.defaultDir(env);
        if (json) {
          out.println(JsonReport.text(JsonReport.jobs(jobs, shown.toString())));
        } else if (jobs.isEmpty()) {
          out.println("No jobs in " + shown + ".");
        } else {
          out.print(Tables.jobs(jobs, ZoneId.systemDefault()));
        }
        return OK;
      } catch (UsageException | IllegalArgumentException e) {
        return usage(out, err, json, e.getMessage());
      } catch (java.io.UncheckedIOException e) {
        return usage(out, err, json, StateDir.explain(e));
      } finally {
        out.flush();
      }
    }
  }

  /** {@code refresh-cdn status}: what the service says about tasks. */
  @Command(name = "status", mixinStandardHelpOptions = true, version = "refresh-cdn " + Refresh.VERSION,
      sortOptions = false, usageHelpAutoWidth = true,
      description = {"Show the state of refresh tasks (processing, done, failed, unknown) as the service reports it: "
          + "DescribePurgeTasks (every page, up to 1000 rows a call), or with --api v2 GetCdnRefreshLog.", ""},
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:the tasks were listed", "2:usage error", "3:refused", "4:no usable answer"})
  static final class StatusCommand implements Callable<Integer> {
    @Option(names = "--task", paramLabel = "ID", description = "A task id, as submitting printed it; repeatable.")
    List<String> taskIds = new ArrayList<>();

    @Option(names = "--since", paramLabel = "TIME", converter = InstantConverter.class,
        description = {"Instead of --task: the tasks created since TIME, an ISO instant or Beijing time as the "
            + "service writes it, e.g.", "2026-11-27T08:00:00Z or \"2026-11-27 16:00:00\""})
    Instant since;

    @Option(names = "--until", paramLabel = "TIME", converter = InstantConverter.class,
        description = "With --since: up to TIME (default: now).")
    Instant until;

    @Option(names = "--api", paramLabel = "v2|v3", converter = ApiConverter.class,
        description = "The API the tasks were created with: v3, API 3.0 (DescribePurgeTasks); v2, the legacy API 2.0 "
            + "(GetCdnRefreshLog) (default: $REFRESH_CDN_API, else the credentials profile's api setting, "
            + "else v3).")
    Api api;

    @Mixin ConnectionOptions connection;
    @Mixin CredentialOptions credentials;

    @Option(names = "--json", description = "Print one JSON document with every task's state and URLs.")
    boolean json;

    @Override
    public Integer call() {
      PrintStream out = stdout();
      PrintStream err = stderr();
      try {
        if (taskIds.isEmpty() == (since == null)) {
          throw new UsageException("give either --task ID (repeatable) or --since TIME");
        }
        if (until != null && since == null) {
          throw new UsageException("--until goes with --since");
        }
        Refresh account = account(Refresh.account(), Choices.api(api, System.getenv(), credentials::apiSetting),
            connection, credentials, err);
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
        return OK;
      } catch (UsageException | IllegalArgumentException e) {
        return usage(out, err, json, e.getMessage());
      } catch (RefusedException | NoAnswerException e) {
        return queryFailed(out, err, json, e);
      } finally {
        out.flush();
      }
    }
  }

  /** {@code refresh-cdn quota}: today's quota. */
  @Command(name = "quota", mixinStandardHelpOptions = true, version = "refresh-cdn " + Refresh.VERSION,
      sortOptions = false, usageHelpAutoWidth = true,
      description = {"Show today's refresh quota: as DescribePurgeQuota reports it (URLs and directories, "
          + "per area: left, a day, per request); with --api v2, the legacy API, which has no quota query, the daily quota less "
          + "what the state directory's ledger recorded today for this SecretId (Beijing day): URLs, or with --dir "
          + "directories, which are counted separately.", ""},
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:the quota was shown", "2:usage error", "3:refused", "4:no usable answer"})
  static final class QuotaCommand implements Callable<Integer> {
    @Option(names = "--api", paramLabel = "v2|v3", converter = ApiConverter.class,
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

    @Override
    public Integer call() {
      PrintStream out = stdout();
      PrintStream err = stderr();
      Map<String, String> env = System.getenv();
      try {
        Api chosen = Choices.api(api, env, credentials::apiSetting);
        if (chosen == Api.V3 && dailyQuota != null) {
          throw new UsageException("--daily-quota applies to API 2.0 only: API 3.0 reports the quota itself");
        }
        Refresh account = account(directories ? Refresh.dirs(List.of()) : Refresh.account(), chosen, connection,
            credentials, err);
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
        List<Quota> quotas = new ArrayList<>(account.quota());
        quotas.removeIf(q -> directories && !q.directories());
        if (json) {
          out.println(JsonReport.text(JsonReport.quotas(quotas, chosen.name().toLowerCase(java.util.Locale.ROOT))));
          return OK;
        }
        out.print(Tables.quotas(quotas));
        if (chosen == Api.V2) {
          out.println("(The legacy API has no quota query: these numbers are the local ledger's"
              + (dir != null ? " in " + dir : stateDir == null && StateDir.defaultDir(env) == null
                  ? ", and no state directory is kept (HOME is not set)" : ", which has recorded nothing yet")
              + ", counting only what refresh-cdn sent with this SecretId today, Beijing time. "
              + (directories ? "URLs are counted separately (10000 a day): refresh-cdn quota --api v2."
                  : "Directories are counted separately (100 a day): refresh-cdn quota --api v2 --dir.") + ")");
        }
        return OK;
      } catch (UsageException | IllegalArgumentException e) {
        return usage(out, err, json, e.getMessage());
      } catch (java.io.UncheckedIOException e) {
        return usage(out, err, json, StateDir.explain(e));
      } catch (RefusedException | NoAnswerException e) {
        return queryFailed(out, err, json, e);
      } finally {
        out.flush();
      }
    }
  }

  /** {@code start} (an empty refresh) set up for questions about the account: API, connection and credentials. */
  static Refresh account(Refresh start, Api chosen, ConnectionOptions connection, CredentialOptions credentials,
      PrintStream err) {
    Refresh account = connection.value().applyTo(start.api(chosen), Connection.defaultEndpoint(chosen), false, err,
        System.getenv());
    return credentials.resolve(false).applyTo(account);
  }

  /** Reports a usage error of a subcommand; exit code 2. */
  static int usage(PrintStream out, PrintStream err, boolean json, String message) {
    err.println("refresh-cdn: " + message);
    if (json) {
      out.println(JsonReport.text(JsonReport.usage(message, USAGE)));
    }
    return USAGE;
  }

  /** Reports a failed status or quota query; exit code 3 or 4. */
  static int queryFailed(PrintStream out, PrintStream err, boolean json, dev.refreshcdn.RefreshException e) {
    int exit = e instanceof RefusedException ? Exit.REFUSED : Exit.NO_ANSWER;
    err.println("refresh-cdn: " + e.getMessage());
    if (json) {
      Map<String, Object> doc = JsonReport.usage(e.getMessage(), exit);
      doc.put("status", e instanceof RefusedException ? "refused" : "no_answer");
      out.println(JsonReport.text(doc));
    }
    return exit;
  }

  /**
   * {@code refresh-cdn emulator}: a local stand-in for the service until interrupted. Its --secret-key is a
   * command-line value only because it is the emulator's own fake key, never a real one.
   */
  @Command(name = "emulator", mixinStandardHelpOptions = true, version = "refresh-cdn " + Refresh.VERSION,
      sortOptions = false, usageHelpAutoWidth = true,
      description = {
          "Run a local stand-in for the CDN refresh API on loopback until interrupted, logging one line per request.",
          "",
          "Without --secret-id and --secret-key it generates a key pair and prints it with a ready-to-paste export "
              + "line. --secret-key is accepted on the command line only because it is the emulator's own fake key: "
              + "never pass a real key here.",
          ""})
  static final class EmulatorCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0",
        description = "Loopback port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--secret-id", paramLabel = "ID", description = "The emulated account's SecretId (fake).")
    String secretId;

    @Option(names = "--secret-key", paramLabel = "KEY", description = "The emulated account's SecretKey (fake).")
    String secretKey;

    @Option(names = "--domain", paramLabel = "HOST", defaultValue = "www.test.com",
        description = "A domain the account owns, online; repeatable (default: ${DEFAULT-VALUE}).")
    List<String> domains;

    @Option(names = "--request-log", paramLabel = "FILE", description = "Also append every request as a JSON line to FILE.")
    Path requestLog;

    @Option(names = "--daily-url-quota", paramLabel = "N",
        description = "URLs the account may refresh a day, per area (default: 10000); raise it for benchmarks.")
    Integer dailyUrlQuota;

    @Option(names = "--daily-dir-quota", paramLabel = "N",
        description = "Directories the account may refresh a day, per area (default: 100).")
    Integer dailyDirQuota;

    @Option(names = "--task-completion", paramLabel = "DURATION", converter = DurationConverter.class,
        description = "How long after submission a task reports done, e.g. 0s or 2m (default: 5s).")
    Duration taskCompletion;

    @Option(names = "--failing-tasks", paramLabel = "TEXT",
        description = "Tasks with a URL containing TEXT end failed instead of done, to try --wait; repeatable.")
    List<String> failingTasks = new ArrayList<>();

    @Override
    public Integer call() {
      if ((secretId == null) != (secretKey == null)) {
        System.err.println("refresh-cdn emulator: give both --secret-id and --secret-key, or neither");
        return USAGE;
      }
      Emulator.Builder builder = Emulator.builder();
      String[] hosts = domains.toArray(new String[0]);
      try {
        builder.port(port);
        if (dailyUrlQuota != null) {
          builder.dailyUrlQuota(dailyUrlQuota);
        }
        if (dailyDirQuota != null) {
          builder.dailyDirQuota(dailyDirQuota);
        }
        if (taskCompletion != null) {
          builder.taskCompletion(taskCompletion);
        }
        failingTasks.forEach(builder::failingTasks);
        if (secretId == null) {
          builder.account(Emulator.Account.generate(hosts));
        } else {
          builder.account(secretId, secretKey, hosts);
        }
      } catch (IllegalArgumentException e) {
        System.err.println("refresh-cdn emulator: " + e.getMessage());
        return USAGE;
      }
      if (requestLog != null) {
        builder.requestLog(requestLog);
      }
      Emulator emu;
      try {
        emu = builder.start();
      } catch (java.io.UncheckedIOException e) {
        // A port in use or a request log that cannot be opened: the user's to fix, like a bad option.
        IOException cause = e.getCause();
        System.err.println("refresh-cdn emulator: " + (requestLog != null && cause instanceof FileSystemException
            ? "cannot open the request log " + requestLog : e.getMessage()) + ": " + cause);
        return USAGE;
      }
      System.out.println("Point refresh-cdn at it: refresh-cdn --endpoint " + emu.endpoint() + " https://" + hosts[0] + "/");
      emu.runUntilInterrupted(System.out);
      return OK;
    }
  }
}
