///usr/bin/env jbang "$0" "$@" ; exit $?
//DESCRIPTION Expire cached URLs on Tencent Cloud CDN (RefreshCdnUrl)
//JAVA 11+
//DEPS info.picocli:picocli:4.7.7
//DEPS com.fasterxml.jackson.jr:jackson-jr-objects:2.21.2
//SOURCES lib/**/*.java

import dev.refreshcdn.Api;
import dev.refreshcdn.Area;
import dev.refreshcdn.Batch;
import dev.refreshcdn.DryRun;
import dev.refreshcdn.HttpMethod;
import dev.refreshcdn.InvalidInputException;
import dev.refreshcdn.InvalidUrl;
import dev.refreshcdn.NoAnswerException;
import dev.refreshcdn.Plan;
import dev.refreshcdn.Refresh;
import dev.refreshcdn.RefreshException;
import dev.refreshcdn.RefusedException;
import dev.refreshcdn.SignatureMethod;
import dev.refreshcdn.Submission;
import dev.refreshcdn.Task;
import dev.refreshcdn.cli.Choices;
import dev.refreshcdn.cli.CredentialChain;
import dev.refreshcdn.cli.Creds;
import dev.refreshcdn.cli.Durations;
import dev.refreshcdn.cli.Input;
import dev.refreshcdn.cli.JsonReport;
import dev.refreshcdn.cli.LoggingClient;
import dev.refreshcdn.cli.Progress;
import dev.refreshcdn.cli.Proxies;
import dev.refreshcdn.cli.Terminal;
import dev.refreshcdn.cli.UsageException;
import dev.refreshcdn.emulator.Emulator;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ProxySelector;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

@Command(name = "refresh-cdn", mixinStandardHelpOptions = true, version = "refresh-cdn " + Refresh.VERSION,
    sortOptions = false, usageHelpAutoWidth = true, subcommands = RefreshCdn.EmulatorCommand.class,
    description = {
        "Expire cached URLs on Tencent Cloud CDN: the legacy API 2.0 action RefreshCdnUrl, or API 3.0's "
            + "PurgeUrlsCache with --api v3 (or REFRESH_CDN_API=v3).",
        "",
        "URLs come from the arguments, from --input FILE, or from stdin when neither is given. They are checked, "
            + "de-duplicated and sent in requests of at most 1000 URLs; if any entry is bad, nothing is sent.",
        "",
        "Credentials: TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY (with TENCENTCLOUD_TOKEN or "
            + "TENCENTCLOUD_SECURITY_TOKEN for temporary keys); else tccli's ~/.tccli/NAME.credential "
            + "(NAME: $TCCLI_PROFILE or default); else ~/.tencentcloud/credentials ([default] secret_id, secret_key). "
            + "With --credentials FILE or --profile NAME only that source is used. A secret is never taken as a "
            + "command-line value.",
        ""},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:every URL was submitted (or the dry run succeeded)",
        "1:unexpected internal error",
        "2:usage error, bad input or missing credentials; nothing was sent",
        "3:the service refused a request (its code and message are printed, e.g. codeDesc 9110, or "
            + "ResourceNotFound.CdnHostNotExists with its RequestId)",
        "4:no usable answer (network failure, timeout, HTTP status other than 200)",
        "5:stopped with URLs still pending (quota; reserved)"},
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
        "  # API 3.0 (PurgeUrlsCache), only the caches outside the Chinese mainland:",
        "  refresh-cdn --api v3 --area overseas -i urls.txt",
        "  # Another tccli profile, signed with HmacSHA256:",
        "  refresh-cdn --profile prod --signature-method HmacSHA256 -i urls.txt",
        "  # A local stand-in for the service (see: refresh-cdn emulator --help):",
        "  refresh-cdn emulator --domain www.test.com",
        ""})
public class RefreshCdn implements Callable<Integer> {
  static final int OK = 0;
  static final int FAILURE = 1;
  static final int USAGE = 2;
  static final int REFUSED = 3;
  static final int NO_ANSWER = 4;
  static final int PENDING = 5;

  /** How many bad entries are listed on stderr; --json lists them all. */
  static final int LISTED = 50;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "URL", arity = "0..*", description = "URLs to expire (http:// or https://).")
  List<String> arguments = new ArrayList<>();

  @Option(names = {"-i", "--input"}, paramLabel = "FILE",
      description = "Read URLs from FILE, one per line; blank lines and lines starting with # are skipped; - is stdin.")
  String input;

  @Option(names = "--dry-run", description = "Check, batch and sign every request, print them redacted, send nothing.")
  boolean dryRun;

  @Option(names = "--emulator",
      description = "Send to an emulator started in this process on loopback, with a generated key pair.")
  boolean emulator;

  @Option(names = "--api", paramLabel = "v2|v3", converter = ApiConverter.class,
      description = "v2: the legacy RefreshCdnUrl; v3: API 3.0's PurgeUrlsCache, signed with TC3-HMAC-SHA256 "
          + "(default: $REFRESH_CDN_API, else v2).")
  Api api;

  @Option(names = "--endpoint", paramLabel = "URL",
      description = "The endpoint (default: https://cdn.api.qcloud.com/v2/index.php; with --api v3: "
          + "https://cdn.tencentcloudapi.com/).")
  String endpoint;

  @Option(names = "--area", paramLabel = "mainland|overseas", converter = AreaConverter.class,
      description = "API 3.0 only: purge only the caches in the Chinese mainland, or only those outside it "
          + "(default: wherever the domain is accelerated).")
  Area area;

  @Option(names = "--url-encode",
      description = "API 3.0 only: have the service encode Chinese characters in the URLs before purging.")
  boolean urlEncode;

  @Option(names = "--method", paramLabel = "POST|GET", converter = MethodConverter.class,
      description = "POST puts the parameters in the body (default, up to 1 MB), GET in the query (up to 32 KB); "
          + "API 3.0 takes POST only.")
  HttpMethod method;

  @Option(names = "--signature-method", paramLabel = "HmacSHA1|HmacSHA256", converter = SignatureConverter.class,
      description = "API 2.0 only: the HMAC that signs each request (default: HmacSHA1).")
  SignatureMethod signatureMethod;

  @Option(names = "--batch-size", paramLabel = "N", defaultValue = "1000",
      description = "At most N URLs per request, 1 to 1000 (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--ignore-query", description = "Strip query strings and fragments, then drop the duplicates.")
  boolean ignoreQuery;

  @Option(names = "--skip-invalid", description = "Leave bad entries out (listed on stderr) instead of sending nothing.")
  boolean skipInvalid;

  @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "How long to wait for each answer, e.g. 30s, 2m, 500ms or PT1M (default: 30s).")
  Duration timeout;

  @Option(names = "--retries", paramLabel = "N",
      description = "Retry a request up to N times after a failure that may pass (network, timeout, HTTP 5xx or 429, "
          + "a busy service), with backoff (default: 3).")
  Integer retries;

  @Option(names = "--calls-per-minute", paramLabel = "N",
      description = "Start at most N requests a minute, retries included (default: 1200, the documented limit).")
  Integer callsPerMinute;

  @Option(names = "--https-proxy", paramLabel = "URL",
      description = "Connect through this http:// proxy (no user info), e.g. http://proxy:3128 (default: $HTTPS_PROXY, honouring $NO_PROXY).")
  String httpsProxy;

  @Option(names = "--profile", paramLabel = "NAME",
      description = "Read credentials from tccli's ~/.tccli/NAME.credential (default: $TCCLI_PROFILE, else default).")
  String profile;

  @Option(names = "--credentials", paramLabel = "FILE",
      description = "Read credentials from FILE: tccli JSON (secretId, secretKey) or INI ([default] secret_id, secret_key).")
  Path credentialsFile;

  @Option(names = "--json", description = "Print one JSON document on stdout: tasks, refusal, failed and unsent URLs.")
  boolean json;

  @Option(names = {"-q", "--quiet"},
      description = "Print only the task ids, one per line (a dry run: its summary; with --json: no progress).")
  boolean quiet;

  @Option(names = {"-v", "--verbose"}, description = "Log every HTTP request on stderr (never a secret).")
  boolean verbose;

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
        PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        stdout.println(JsonReport.text(JsonReport.usage(e.getMessage(), exit)));
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

  @Override
  public Integer call() {
    out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16), false,
        StandardCharsets.UTF_8);
    err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    Emulator emu = null;
    Input entries = null;
    try {
      if (arguments.isEmpty() && input == null && Terminal.isTerminal(0)) {
        String message = "no URLs given (pass them as arguments, with --input FILE or on stdin)";
        err.println("refresh-cdn: " + message);
        spec.commandLine().usage(err);
        return usageError(message);
      }
      if (emulator && endpoint != null) {
        throw new UsageException("--emulator and --endpoint do not combine: --emulator starts its own endpoint");
      }
      Api chosen = Choices.api(api, System.getenv());
      checkApiOptions(chosen);
      entries = Input.read(arguments, input);
      Refresh refresh = configure(Refresh.urls(entries.urls()).api(chosen), chosen);
      Creds creds;
      String emulated = null;
      if (emulator) {
        emu = Emulator.builder().account(Emulator.Account.generate(entries.hosts().toArray(new String[0]))).start();
        creds = Creds.of(emu.secretId(), emu.secretKey(), "the emulator's generated key pair");
        URI emulatorEndpoint = chosen == Api.V3 ? emu.endpointV3() : emu.endpoint();
        refresh = refresh.endpoint(emulatorEndpoint);
        emulated = emulatorEndpoint.toString();
        if (!quiet && !json) {
          out.println("[emulator] " + emulated + " — nothing leaves this machine");
          out.flush();
        }
      } else {
        creds = credentials(refresh);
      }
      Plan plan = creds.applyTo(refresh).batch(batchSize);
      reportSkipped(plan, entries);
      return dryRun ? printDryRun(plan, creds, entries, emulated) : submit(plan, creds, entries, emulated);
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
    if (json) {
      printJson(JsonReport.usage(message, USAGE));
    }
    return USAGE;
  }

  /**
   * The key pair from the chain. When it has none, or a credentials file is unusable, bad input is reported instead:
   * finding it needs no key, and a user who fixes the credentials first would only meet the bad line next. The URLs
   * are checked here only on that path, so a run that has credentials checks them once, in {@code batch}.
   */
  private Creds credentials(Refresh refresh) {
    try {
      return CredentialChain.ofSystem().resolve(profile, credentialsFile, dryRun);
    } catch (UsageException e) {
      refresh.batch(batchSize); // throws InvalidInputException (or IllegalArgumentException) on bad input
      throw e;
    }
  }

  /** Options of one API generation are refused with the other, before anything is read or sent. */
  private void checkApiOptions(Api chosen) {
    String v3Only = area != null ? "--area" : urlEncode ? "--url-encode" : null;
    if (chosen == Api.V2 && v3Only != null) {
      throw new UsageException(v3Only + " applies to API 3.0 only: add --api v3 (or set " + Choices.API_VARIABLE
          + "=v3)");
    }
    if (chosen == Api.V3 && signatureMethod != null) {
      throw new UsageException("--signature-method applies to API 2.0 only: API 3.0 signs with TC3-HMAC-SHA256");
    }
    if (chosen == Api.V3 && method == HttpMethod.GET) {
      throw new UsageException("--method GET applies to API 2.0 only: API 3.0 requests are POSTs with a JSON body");
    }
  }

  private Refresh configure(Refresh refresh, Api chosen) {
    if (endpoint != null) {
      refresh = refresh.endpoint(endpoint);
    }
    if (method != null) {
      refresh = refresh.method(method);
    }
    if (signatureMethod != null) {
      refresh = refresh.signatureMethod(signatureMethod);
    }
    if (timeout != null) {
      refresh = refresh.timeout(timeout);
    }
    if (retries != null) {
      refresh = refresh.retries(retries);
    }
    if (callsPerMinute != null) {
      refresh = refresh.callsPerMinute(callsPerMinute);
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
    URI target = endpoint != null ? URI.create(endpoint)
        : chosen == Api.V3 ? Refresh.DEFAULT_V3_ENDPOINT : Refresh.DEFAULT_ENDPOINT;
    ProxySelector proxy = emulator ? null : Proxies.select(httpsProxy, target, System.getenv());
    if (verbose) {
      refresh = refresh.httpClient(LoggingClient.withDefaults(proxy, err));
    } else if (proxy != null) {
      refresh = refresh.proxy(proxy);
    }
    return refresh;
  }

  // ---- dry run ----

  private int printDryRun(Plan plan, Creds creds, Input entries, String emulated) {
    if (json) {
      printJson(JsonReport.dryRun(plan, creds.describe(), entries, emulated));
      return OK;
    }
    DryRun run = plan.dryRun();
    List<Batch> batches = plan.requests();
    DryRun.Request first = run.requests().get(0);
    out.println("Dry run: " + run.requests().size() + " " + first.method() + " request"
        + (run.requests().size() == 1 ? ", " : "s, ") + run.urlCount() + " URLs, "
        + run.bytes() + " bytes to " + plan.endpoint() + "; nothing was sent.");
    if (quiet) {
      return OK;
    }
    out.println("Signed with " + creds.describe() + ".");
    out.println("The Signature and the SecretKey are redacted.");
    notes(plan);
    for (DryRun.Request request : run.requests()) {
      List<String> urls = batches.get(request.number() - 1).urls();
      out.println("  request " + request.number() + ": " + request.urlCount() + " URLs, " + request.bytes() + " bytes, "
          + (urls.size() == 1 ? urls.get(0) : urls.get(0) + " … " + urls.get(urls.size() - 1)));
      if (verbose) {
        out.println("    " + request.preview());
      }
    }
    if (!verbose) {
      out.println("Request 1 as it would be sent (-v shows every request):");
      out.println("    " + first.preview());
    }
    return OK;
  }

  // ---- submission ----

  private int submit(Plan plan, Creds creds, Input entries, String emulated) {
    Progress progress = new Progress(err, plan.requestCount(), !quiet && plan.requestCount() > 1 && Terminal.isTerminal(2));
    if (verbose) {
      err.println("[refresh-cdn] " + plan.urls().size() + " URLs in " + plan.requestCount() + " requests to "
          + plan.endpoint() + ", signed with " + creds.describe());
    }
    try {
      Submission submission = plan.submit(task -> {
        progress.clear();
        if (!json) {
          out.println(quiet ? task.taskId() : taskLine(task));
          out.flush();
        }
        progress.advance(task.urls().size());
      });
      progress.clear();
      if (json) {
        printJson(JsonReport.outcome(emulated, "submitted", OK, submission.tasks(), null, plan, entries));
      } else if (!quiet) {
        out.println("Submitted " + submission.urlCount() + " URL" + (submission.urlCount() == 1 ? "" : "s") + " in "
            + submission.tasks().size() + " task" + (submission.tasks().size() == 1 ? "" : "s")
            + (emulated != null ? " to the emulator." : "."));
        notes(plan);
      }
      return OK;
    } catch (RefusedException e) {
      progress.clear();
      err.println("refresh-cdn: " + e.getMessage() + hint(e));
      reportFailure(e, "refused", REFUSED, emulated, plan, entries);
      return REFUSED;
    } catch (NoAnswerException e) {
      progress.clear();
      err.println("refresh-cdn: " + e.getMessage());
      reportFailure(e, "no_answer", NO_ANSWER, emulated, plan, entries);
      return NO_ANSWER;
    } catch (RefreshException e) {
      // The last resort, e.g. StoppedException when the task listener above throws. Like a missing answer it leaves
      // tasks created and URLs unsent without a verdict from the service, hence 4 (1 would hide the partial
      // progress, 5 is reserved for quota); the tasks and unsent URLs are printed as for the other failures.
      progress.clear();
      err.println("refresh-cdn: stopped before every URL was sent: " + e.getMessage());
      reportFailure(e, "stopped", NO_ANSWER, emulated, plan, entries);
      return NO_ANSWER;
    }
  }

  private static String taskLine(Task task) {
    List<String> urls = task.urls();
    return "task " + task.taskId() + ": " + task.count() + " URL" + (task.count() == 1 ? "" : "s")
        + (urls.isEmpty() ? "" : ", first " + urls.get(0));
  }

  private static String hint(RefusedException e) {
    if ("9110".equals(e.codeDesc()) || String.valueOf(e.message()).contains("(9110)")) {
      return "\n  (9110: a domain in this request is not a CDN domain of this account)";
    }
    if ("ResourceNotFound.CdnHostNotExists".equals(e.code())) {
      return "\n  (a domain in this request is not a CDN domain of this account)";
    }
    if ("4100".equals(e.code()) || "AuthFailure.SignatureFailure".equals(e.code())) {
      return "\n  (" + e.code() + ": the signature check failed: is the SecretKey right for this SecretId?)";
    }
    return "";
  }

  private void reportFailure(RefreshException e, String status, int exit, String emulated, Plan plan, Input entries) {
    if (json) {
      printJson(JsonReport.outcome(emulated, status, exit, e.tasks(), e, plan, entries));
      return;
    }
    if (quiet) {
      return;
    }
    boolean refused = e instanceof RefusedException;
    boolean noAnswer = e instanceof NoAnswerException;
    out.println("Stopped: " + e.tasks().size() + " task" + (e.tasks().size() == 1 ? "" : "s") + " created"
        + (e.tasks().isEmpty() ? "" : " (above)") + ", " + e.failedUrls().size() + " URLs "
        + (refused ? "refused" : noAnswer ? "in a request without answer" : "failed") + ", " + e.unsentUrls().size()
        + " URLs not sent.");
    if (refused || noAnswer || !e.failedUrls().isEmpty()) {
      boolean reached = noAnswer && ((NoAnswerException) e).mayHaveReachedService();
      out.println("# " + e.failedUrls().size() + " URLs " + (refused ? "refused by the service:"
          : !noAnswer ? "that failed:" : reached ? "whose request may have reached the service:"
          : "whose request did not reach the service:"));
      e.failedUrls().forEach(out::println);
    }
    if (!e.unsentUrls().isEmpty()) {
      out.println("# " + e.unsentUrls().size() + " URLs not sent:");
      e.unsentUrls().forEach(out::println);
    }
  }

  // ---- bad input ----

  private void reportSkipped(Plan plan, Input entries) {
    if (plan.skipped().isEmpty() || quiet || json) {
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
    if (json) {
      printJson(JsonReport.invalid(e, entries, USAGE));
    }
    return USAGE;
  }

  private void listInvalid(List<InvalidUrl> invalid, Input entries) {
    for (int i = 0; i < invalid.size() && (i < LISTED || verbose); i++) {
      err.println("  " + entries.describe(invalid.get(i)));
    }
    if (invalid.size() > LISTED && !verbose) {
      err.println("  … and " + (invalid.size() - LISTED) + " more (-v or --json lists them all)");
    }
  }

  private void notes(Plan plan) {
    if (plan.duplicatesDropped() > 0) {
      out.println("(" + plan.duplicatesDropped() + " duplicate" + (plan.duplicatesDropped() == 1 ? "" : "s") + " dropped)");
    }
    if (!plan.skipped().isEmpty()) {
      out.println("(" + plan.skipped().size() + " bad entr" + (plan.skipped().size() == 1 ? "y" : "ies") + " skipped)");
    }
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

  static final class ApiConverter implements ITypeConverter<Api> {
    @Override
    public Api convert(String value) {
      try {
        return Choices.api(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  static final class AreaConverter implements ITypeConverter<Area> {
    @Override
    public Area convert(String value) {
      try {
        return Choices.area(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        return Durations.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
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
