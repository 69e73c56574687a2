///usr/bin/env jbang "$0" "$@" ; exit $?
//DESCRIPTION Expire cached URLs on Tencent Cloud CDN (RefreshCdnUrl)
//JAVA 11+
//DEPS info.picocli:picocli:4.7.7
//DEPS com.fasterxml.jackson.jr:jackson-jr-objects:2.21.2
//SOURCES lib/**/*.java

import com.fasterxml.jackson.jr.ob.JSON;
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
import dev.refreshcdn.emulator.Emulator;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
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
        "Expire cached URLs on Tencent Cloud CDN (legacy API 2.0 action RefreshCdnUrl).",
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
        "3:the service refused a request (its code, codeDesc and message are printed, e.g. 9110)",
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

  @Option(names = "--endpoint", paramLabel = "URL",
      description = "API 2.0 endpoint (default: https://cdn.api.qcloud.com/v2/index.php).")
  String endpoint;

  @Option(names = "--method", paramLabel = "POST|GET", converter = MethodConverter.class,
      description = "POST puts the parameters in the body (default, up to 1 MB), GET in the query (up to 32 KB).")
  HttpMethod method;

  @Option(names = "--signature-method", paramLabel = "HmacSHA1|HmacSHA256", converter = SignatureConverter.class,
      description = "The HMAC that signs each request (default: HmacSHA1).")
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

  @Option(names = "--https-proxy", paramLabel = "URL",
      description = "Connect through this proxy, e.g. http://proxy:3128 (default: $HTTPS_PROXY, honouring $NO_PROXY).")
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
    System.exit(new CommandLine(new RefreshCdn()).execute(args));
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
        err.println("refresh-cdn: no URLs given (pass them as arguments, with --input FILE or on stdin)");
        spec.commandLine().usage(err);
        return USAGE;
      }
      if (emulator && endpoint != null) {
        throw new UsageException("--emulator and --endpoint do not combine: --emulator starts its own endpoint");
      }
      entries = Input.read(arguments, input);
      Refresh refresh = configure(Refresh.urls(entries.urls));
      Creds creds;
      if (emulator) {
        emu = Emulator.builder().account(Emulator.Account.generate(hostsOf(entries.urls))).start();
        creds = new Creds(emu.secretId(), emu.secretKey(), null, "the emulator's generated key pair", false);
        refresh = refresh.endpoint(emu.endpoint());
        if (!quiet && !json) {
          out.println("[emulator] " + emu.endpoint() + " — nothing leaves this machine");
          out.flush();
        }
      } else {
        creds = new CredentialChain(System.getenv(), Home.directory()).resolve(profile, credentialsFile, dryRun);
      }
      refresh = creds.token == null ? refresh.credentials(creds.secretId, creds.secretKey)
          : refresh.credentials(creds.secretId, creds.secretKey, creds.token);
      Plan plan = refresh.batch(batchSize);
      reportSkipped(plan, entries);
      String emulated = emu == null ? null : emu.endpoint().toString();
      return dryRun ? printDryRun(plan, creds, entries, emulated) : submit(plan, creds, entries, emulated);
    } catch (UsageException e) {
      err.println("refresh-cdn: " + e.getMessage());
      return USAGE;
    } catch (InvalidInputException e) {
      return reportInvalid(e, entries);
    } catch (IllegalArgumentException e) {
      err.println("refresh-cdn: " + e.getMessage());
      return USAGE;
    } finally {
      out.flush();
      if (emu != null) {
        emu.close();
      }
    }
  }

  private Refresh configure(Refresh refresh) {
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
    if (ignoreQuery) {
      refresh = refresh.ignoreQuery();
    }
    if (skipInvalid) {
      refresh = refresh.skipInvalid();
    }
    ProxySelector proxy = emulator ? null : Proxies.select(httpsProxy, endpoint, System.getenv());
    if (verbose) {
      HttpClient.Builder client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Refresh.DEFAULT_CONNECT_TIMEOUT);
      if (proxy != null) {
        client.proxy(proxy);
      }
      refresh = refresh.httpClient(new LoggingClient(client.build(), err));
    } else if (proxy != null) {
      refresh = refresh.proxy(proxy);
    }
    return refresh;
  }

  /** The distinct hosts of the entries that look like http(s) URLs, for the emulator's account. */
  static String[] hostsOf(List<String> urls) {
    TreeSet<String> hosts = new TreeSet<>();
    for (String url : urls) {
      int start = url.startsWith("https://") ? 8 : url.startsWith("http://") ? 7 : -1;
      if (start < 0) {
        continue;
      }
      int end = start;
      while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
        end++;
      }
      String authority = url.substring(start, end);
      String host = authority.substring(authority.lastIndexOf('@') + 1);
      host = host.indexOf(':') >= 0 ? host.substring(0, host.indexOf(':')) : host;
      if (!host.isEmpty() && !host.startsWith("[")) {
        hosts.add(host.toLowerCase(Locale.ROOT));
      }
    }
    return hosts.toArray(new String[0]);
  }

  // ---- dry run ----

  private int printDryRun(Plan plan, Creds creds, Input entries, String emulated) {
    DryRun run = plan.dryRun();
    List<Batch> batches = plan.requests();
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("dry_run", true);
      if (emulated != null) {
        doc.put("emulator", emulated);
      }
      doc.put("endpoint", plan.endpoint().toString());
      doc.put("signed_with", creds.describe());
      doc.put("urls", run.urlCount());
      doc.put("bytes", run.bytes());
      List<Object> requests = new ArrayList<>();
      for (DryRun.Request request : run.requests()) {
        List<String> urls = batches.get(request.number() - 1).urls();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("number", request.number());
        r.put("method", request.method().name());
        r.put("count", request.urlCount());
        r.put("bytes", request.bytes());
        r.put("first_url", urls.get(0));
        r.put("last_url", urls.get(urls.size() - 1));
        r.put("parameters", request.preview());
        requests.add(r);
      }
      doc.put("requests", requests);
      doc.put("skipped", skippedJson(plan.skipped(), entries));
      doc.put("duplicates", plan.duplicatesDropped());
      printJson(doc);
      return OK;
    }
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
        printJson(document(emulated, "submitted", OK, submission.tasks(), null, plan, entries));
      } else if (!quiet) {
        out.println("Submitted " + submission.urlCount() + " URLs in " + submission.tasks().size() + " task"
            + (submission.tasks().size() == 1 ? "" : "s") + (emulated != null ? " to the emulator." : "."));
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
    if ("4100".equals(String.valueOf(e.code()))) {
      return "\n  (4100: the signature check failed: is the SecretKey right for this SecretId?)";
    }
    return "";
  }

  private void reportFailure(RefreshException e, String status, int exit, String emulated, Plan plan, Input entries) {
    if (json) {
      printJson(document(emulated, status, exit, e.tasks(), e, plan, entries));
      return;
    }
    if (quiet) {
      return;
    }
    boolean refused = e instanceof RefusedException;
    out.println("Stopped: " + e.tasks().size() + " task" + (e.tasks().size() == 1 ? "" : "s") + " created"
        + (e.tasks().isEmpty() ? "" : " (above)") + ", " + e.failedUrls().size() + " URLs "
        + (refused ? "refused" : "in a request without answer") + ", " + e.unsentUrls().size() + " URLs not sent.");
    boolean reached = !refused && ((NoAnswerException) e).mayHaveReachedService();
    out.println("# " + e.failedUrls().size() + " URLs " + (refused ? "refused by the service:"
        : reached ? "whose request may have reached the service:" : "whose request did not reach the service:"));
    e.failedUrls().forEach(out::println);
    if (!e.unsentUrls().isEmpty()) {
      out.println("# " + e.unsentUrls().size() + " URLs not sent:");
      e.unsentUrls().forEach(out::println);
    }
  }

  private Map<String, Object> document(String emulated, String status, int exit, List<Task> tasks, RefreshException e,
      Plan plan, Input entries) {
    Map<String, Object> doc = new LinkedHashMap<>();
    if (emulated != null) {
      doc.put("emulator", emulated);
    }
    doc.put("status", status);
    doc.put("exit_code", exit);
    List<Object> taskList = new ArrayList<>();
    for (Task task : tasks) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("task_id", task.taskId());
      t.put("count", task.count());
      t.put("urls", task.urls());
      taskList.add(t);
    }
    doc.put("tasks", taskList);
    Map<String, Object> refusal = null;
    Map<String, Object> noAnswer = null;
    if (e instanceof RefusedException) {
      RefusedException r = (RefusedException) e;
      refusal = new LinkedHashMap<>();
      refusal.put("code", r.code());
      refusal.put("codeDesc", r.codeDesc());
      refusal.put("message", r.message());
      refusal.put("request", r.requestNumber());
      refusal.put("urls", r.failedUrls());
    } else if (e instanceof NoAnswerException) {
      NoAnswerException n = (NoAnswerException) e;
      noAnswer = new LinkedHashMap<>();
      noAnswer.put("message", n.getMessage());
      noAnswer.put("http_status", n.statusCode().isPresent() ? n.statusCode().getAsInt() : null);
      noAnswer.put("may_have_reached_service", n.mayHaveReachedService());
      noAnswer.put("urls", n.failedUrls());
    }
    doc.put("refusal", refusal);
    doc.put("no_answer", noAnswer);
    doc.put("failed", e == null ? List.of() : e.failedUrls());
    doc.put("unsent", e == null ? List.of() : e.unsentUrls());
    doc.put("skipped", skippedJson(plan.skipped(), entries));
    doc.put("duplicates", plan.duplicatesDropped());
    return doc;
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
      err.println("refresh-cdn: " + e.invalid().size() + " of " + entries.urls.size() + " entries are not valid URLs to "
          + "refresh; nothing was sent:");
      listInvalid(e.invalid(), entries);
    }
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("status", "invalid");
      doc.put("exit_code", USAGE);
      doc.put("message", e.invalid().isEmpty() ? e.getMessage() : "bad entries; nothing was sent");
      doc.put("invalid", skippedJson(e.invalid(), entries));
      doc.put("tasks", List.of());
      printJson(doc);
    }
    return USAGE;
  }

  private void listInvalid(List<InvalidUrl> invalid, Input entries) {
    for (int i = 0; i < invalid.size() && (i < LISTED || verbose); i++) {
      InvalidUrl bad = invalid.get(i);
      err.println("  " + entries.where(bad.position()) + ": " + quote(bad.value()) + " " + bad.reason());
    }
    if (invalid.size() > LISTED && !verbose) {
      err.println("  … and " + (invalid.size() - LISTED) + " more (-v or --json lists them all)");
    }
  }

  private static List<Object> skippedJson(List<InvalidUrl> invalid, Input entries) {
    List<Object> list = new ArrayList<>();
    for (InvalidUrl bad : invalid) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put(entries.isArgument(bad.position()) ? "argument" : "line", entries.number(bad.position()));
      entry.put("value", bad.value());
      entry.put("reason", bad.reason());
      list.add(entry);
    }
    return list;
  }

  private void notes(Plan plan) {
    if (plan.duplicatesDropped() > 0) {
      out.println("(" + plan.duplicatesDropped() + " duplicate" + (plan.duplicatesDropped() == 1 ? "" : "s") + " dropped)");
    }
    if (!plan.skipped().isEmpty()) {
      out.println("(" + plan.skipped().size() + " bad entr" + (plan.skipped().size() == 1 ? "y" : "ies") + " skipped)");
    }
  }

  static String quote(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder text = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      if (c < 0x20 || c == 0x7f) {
        text.append(String.format("\\u%04x", (int) c));
      } else {
        text.append(c == '"' ? "\\\"" : String.valueOf(c));
      }
    }
    return text.append('"').toString();
  }

  private void printJson(Map<String, Object> doc) {
    try {
      out.println(JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT, JSON.Feature.WRITE_NULL_PROPERTIES).asString(doc));
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  // ---- small helpers ----

  /** A problem the user can fix: printed as one message, exit code 2, nothing sent. */
  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }

  /** The entries to refresh and where each came from (argument number or line number), for messages. */
  static final class Input {
    final List<String> urls = new ArrayList<>();
    private int[] numbers = new int[256];
    private int arguments;
    private String source = "stdin";

    static Input read(List<String> arguments, String file) {
      Input input = new Input();
      for (String argument : arguments) {
        input.add(argument, input.urls.size() + 1);
      }
      input.arguments = input.urls.size();
      if (file != null || arguments.isEmpty()) {
        boolean stdin = file == null || file.equals("-");
        input.source = stdin ? "stdin" : file;
        try (InputStream in = stdin ? System.in : Files.newInputStream(Paths.get(file))) {
          input.readLines(in);
        } catch (NoSuchFileException e) {
          throw new UsageException("cannot read " + file + ": no such file");
        } catch (IOException e) {
          throw new UsageException("cannot read " + input.source + ": " + e.getMessage());
        }
      }
      return input;
    }

    /**
     * Streams the lines in 64 KB blocks. Working on bytes rather than through a BufferedReader saves about a
     * quarter of the reading time on a million URLs: an ASCII line becomes a compact String in one copy.
     */
    private void readLines(InputStream in) throws IOException {
      byte[] block = new byte[1 << 16];
      int length = 0;
      int line = 0;
      for (int n = in.read(block); n > 0; n = in.read(block, length, block.length - length)) {
        length += n;
        int start = 0;
        for (int i = 0; i < length; i++) {
          if (block[i] == '\n') {
            addLine(block, start, i, ++line);
            start = i + 1;
          }
        }
        System.arraycopy(block, start, block, 0, length - start);
        length -= start;
        if (length == block.length) {
          block = Arrays.copyOf(block, block.length * 2); // a line longer than the block
        }
      }
      if (length > 0) {
        addLine(block, 0, length, ++line);
      }
    }

    /** Adds one line unless it is blank or a # comment; a UTF-8 byte-order mark on the first line is dropped. */
    private void addLine(byte[] bytes, int from, int to, int line) {
      if (line == 1 && to - from >= 3 && bytes[from] == (byte) 0xEF && bytes[from + 1] == (byte) 0xBB
          && bytes[from + 2] == (byte) 0xBF) {
        from += 3;
      }
      while (from < to && isSpace(bytes[from])) {
        from++;
      }
      while (to > from && isSpace(bytes[to - 1])) {
        to--;
      }
      boolean ascii = true;
      for (int i = from; i < to && ascii; i++) {
        ascii = bytes[i] >= 0;
      }
      String url = ascii ? new String(bytes, from, to - from, StandardCharsets.ISO_8859_1)
          : new String(bytes, from, to - from, StandardCharsets.UTF_8).strip();
      if (!url.isEmpty() && url.charAt(0) != '#') {
        add(url, line);
      }
    }

    /** The ASCII characters {@link Character#isWhitespace} accepts, as String.strip() removes them. */
    private static boolean isSpace(byte c) {
      return c == ' ' || (c >= 9 && c <= 13) || (c >= 28 && c <= 31);
    }

    private void add(String url, int number) {
      if (urls.size() == numbers.length) {
        numbers = Arrays.copyOf(numbers, numbers.length * 2);
      }
      numbers[urls.size()] = number;
      urls.add(url);
    }

    boolean isArgument(int position) {
      return position <= arguments;
    }

    int number(int position) {
      return numbers[position - 1];
    }

    String where(int position) {
      return isArgument(position) ? "argument " + number(position) : source + " line " + number(position);
    }
  }

  /** A resolved key pair, the session token of temporary keys (or null), and where they came from. */
  static final class Creds {
    final String secretId;
    final String secretKey;
    final String token;
    final String source;
    final boolean placeholder;

    Creds(String secretId, String secretKey, String token, String source, boolean placeholder) {
      this.secretId = secretId;
      this.secretKey = secretKey;
      this.token = token;
      this.source = source;
      this.placeholder = placeholder;
    }

    String describe() {
      if (placeholder) {
        return "a PLACEHOLDER key pair, so the service would refuse these signatures (" + source + ")";
      }
      String id = secretId.length() <= 8 ? "****" : secretId.substring(0, 4) + "****" + secretId.substring(secretId.length() - 4);
      return id + (token == null ? "" : " with a session token") + " from " + source;
    }
  }

  /**
   * Finds the key pair: an explicit --credentials FILE or --profile NAME is the only source used; otherwise the
   * environment, then tccli's profile, then the Java SDK's credentials file. A miss names every place looked at.
   */
  static final class CredentialChain {
    static final String ID = "TENCENTCLOUD_SECRET_ID";
    static final String KEY = "TENCENTCLOUD_SECRET_KEY";
    static final String[] TOKENS = {"TENCENTCLOUD_TOKEN", "TENCENTCLOUD_SECURITY_TOKEN"};
    /** Signs a dry run when no credentials exist: clearly not a real key pair. */
    static final String PLACEHOLDER_ID = "AKIDPLACEHOLDERDRYRUNNOTAREALKEY0000";
    static final String PLACEHOLDER_KEY = "placeholder-secret-key-for-dry-runs";

    private final Map<String, String> env;
    private final Path home;
    private final List<String> looked = new ArrayList<>();

    CredentialChain(Map<String, String> env, Path home) {
      this.env = env;
      this.home = home;
    }

    Creds resolve(String profileOption, Path file, boolean dryRun) {
      String profile = profileOption != null ? profileOption : env.getOrDefault("TCCLI_PROFILE", "default");
      Creds found;
      if (file != null) {
        found = fromFile(file, profile, true);
      } else if (profileOption != null) {
        found = first(tccli(profile), ini(profile));
      } else {
        found = first(environment(), tccli(profile), ini(profile));
      }
      if (found != null) {
        return found;
      }
      String places = "\n  - " + String.join("\n  - ", looked);
      if (dryRun) {
        return new Creds(PLACEHOLDER_ID, PLACEHOLDER_KEY, null, "no credentials found; looked at: "
            + String.join("; ", looked), true);
      }
      throw new UsageException("no credentials found; looked at:" + places + "\nSet " + ID + " and " + KEY
          + ", run `tccli configure`, or pass --credentials FILE. To try refresh-cdn without an account: --emulator");
    }

    private static Creds first(Creds... candidates) {
      for (Creds c : candidates) {
        if (c != null) {
          return c;
        }
      }
      return null;
    }

    private Creds environment() {
      String id = env.get(ID);
      String key = env.get(KEY);
      boolean hasId = id != null && !id.isBlank();
      boolean hasKey = key != null && !key.isBlank();
      if (hasId != hasKey) {
        throw new UsageException((hasId ? KEY : ID) + " is not set but " + (hasId ? ID : KEY) + " is: set both");
      }
      looked.add("environment: " + ID + " / " + KEY + (hasId ? "" : " (not set)"));
      return hasId ? new Creds(id.strip(), key.strip(), envToken(), "the environment (" + ID + ")", false) : null;
    }

    private String envToken() {
      for (String name : TOKENS) {
        if (env.get(name) != null && !env.get(name).isBlank()) {
          return env.get(name).strip();
        }
      }
      return null;
    }

    /** Lazy calls: a Creds supplier would be neater, but the chain is short and each call only reads one file. */
    private Creds tccli(String profile) {
      Path file = home.resolve(".tccli").resolve(profile + ".credential");
      if (!Files.exists(file)) {
        looked.add("tccli profile \"" + profile + "\": " + file + " (no such file)");
        return null;
      }
      return fromFile(file, profile, false);
    }

    private Creds ini(String profile) {
      Path file = home.resolve(".tencentcloud").resolve("credentials");
      if (!Files.exists(file)) {
        looked.add("Tencent Cloud SDK file: " + file + " (no such file)");
        return null;
      }
      return fromFile(file, profile, false);
    }

    private Creds fromFile(Path file, String profile, boolean explicit) {
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UsageException("cannot read credentials file " + file + ": " + e);
      }
      boolean jsonFile = text.strip().startsWith("{");
      String id;
      String key;
      String token;
      if (jsonFile) {
        Map<String, Object> map;
        try {
          map = JSON.std.mapFrom(text);
        } catch (IOException e) {
          throw new UsageException("credentials file " + file + " is not valid JSON: " + e.getMessage());
        }
        id = string(map.get("secretId"));
        key = string(map.get("secretKey"));
        token = string(map.get("token"));
      } else {
        Map<String, String> section = iniSection(text, profile);
        if (section == null) {
          looked.add(file + " (no [" + profile + "] section)");
          if (explicit) {
            throw new UsageException("credentials file " + file + " has no [" + profile + "] section");
          }
          return null;
        }
        id = section.get("secret_id");
        key = section.get("secret_key");
        token = section.get("token");
      }
      if (id == null || id.isBlank() || key == null || key.isBlank()) {
        throw new UsageException("credentials file " + file + " lacks " + (jsonFile ? "secretId or secretKey"
            : "secret_id or secret_key in [" + profile + "]") + " (role-based profiles are not supported)");
      }
      looked.add(file.toString());
      String what = jsonFile ? "tccli file " + file : file + " [" + profile + "]";
      return new Creds(id.strip(), key.strip(), token == null || token.isBlank() ? null : token.strip(), what, false);
    }

    private static String string(Object value) {
      return value == null ? null : value.toString();
    }

    /** The key = value pairs of one [section] of an INI file, or null when there is no such section. */
    static Map<String, String> iniSection(String text, String name) {
      Map<String, String> section = null;
      boolean inside = false;
      for (String raw : text.split("\r?\n")) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
          continue;
        }
        if (line.startsWith("[") && line.endsWith("]")) {
          inside = line.substring(1, line.length() - 1).strip().equals(name);
          if (inside && section == null) {
            section = new LinkedHashMap<>();
          }
        } else if (inside && line.indexOf('=') > 0) {
          section.put(line.substring(0, line.indexOf('=')).strip().toLowerCase(Locale.ROOT),
              line.substring(line.indexOf('=') + 1).strip());
        }
      }
      return section;
    }
  }

  /** The home directory: $HOME first (Java's user.home ignores it), then user.home. */
  static final class Home {
    static Path directory() {
      String home = System.getenv("HOME");
      return Paths.get(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
    }
  }

  /** Whether a standard stream is a terminal: /proc on Linux, else System.console() as an approximation. */
  static final class Terminal {
    static boolean isTerminal(int fd) {
      try {
        Path link = Paths.get("/proc/self/fd/" + fd);
        if (Files.isSymbolicLink(link)) {
          String target = Files.readSymbolicLink(link).toString();
          return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        }
      } catch (IOException | UnsupportedOperationException | SecurityException e) {
        // Fall through to the portable approximation.
      }
      return System.console() != null;
    }
  }

  /** The HTTPS proxy: --https-proxy, else $HTTPS_PROXY/$https_proxy unless $NO_PROXY covers the host. */
  static final class Proxies {
    static ProxySelector select(String option, String endpoint, Map<String, String> env) {
      URI target = endpoint == null ? Refresh.DEFAULT_ENDPOINT : URI.create(endpoint);
      if (!"https".equalsIgnoreCase(target.getScheme())) {
        return null; // an HTTPS proxy is for https endpoints; http is only allowed on loopback anyway
      }
      String value = option;
      if (value == null) {
        value = env.getOrDefault("HTTPS_PROXY", env.get("https_proxy"));
        if (value == null || value.isBlank() || bypassed(target.getHost(), env.getOrDefault("NO_PROXY", env.get("no_proxy")))) {
          return null;
        }
      }
      URI proxy = URI.create(value.contains("://") ? value : "http://" + value);
      if (proxy.getHost() == null || proxy.getRawUserInfo() != null) {
        throw new UsageException("the HTTPS proxy must be http://host:port without user info: " + value);
      }
      return ProxySelector.of(new InetSocketAddress(proxy.getHost(), proxy.getPort() == -1 ? 80 : proxy.getPort()));
    }

    private static boolean bypassed(String host, String noProxy) {
      if (noProxy == null) {
        return false;
      }
      for (String entry : noProxy.split(",")) {
        String suffix = entry.strip().toLowerCase(Locale.ROOT);
        suffix = suffix.startsWith("*") ? suffix.substring(1) : suffix;
        String h = host.toLowerCase(Locale.ROOT);
        if (suffix.equals("*") || (!suffix.isEmpty() && (h.equals(suffix.replaceFirst("^\\.", "")) || h.endsWith(
            suffix.startsWith(".") ? suffix : "." + suffix)))) {
          return true;
        }
      }
      return false;
    }
  }

  /** Redraws one "request n of m" line on stderr while a multi-request job runs (only on a terminal). */
  static final class Progress {
    private final PrintStream err;
    private final int total;
    private final boolean enabled;
    private int done;
    private int urls;

    Progress(PrintStream err, int total, boolean enabled) {
      this.err = err;
      this.total = total;
      this.enabled = enabled;
      if (enabled) {
        err.print("\rsending request 1 of " + total + "…");
      }
    }

    void advance(int count) {
      done++;
      urls += count;
      if (enabled && done < total) {
        err.print("\r" + done + " of " + total + " requests sent (" + urls + " URLs); sending request " + (done + 1) + "…");
      }
    }

    void clear() {
      if (enabled) {
        err.print("\r\033[K");
      }
    }
  }

  /**
   * An HttpClient that logs one line per request on stderr: method, endpoint without the query (which holds the
   * SecretId and Signature for GET), size, status and time. Only used with --verbose.
   */
  static final class LoggingClient extends HttpClient {
    private final HttpClient delegate;
    private final PrintStream log;

    LoggingClient(HttpClient delegate, PrintStream log) {
      this.delegate = delegate;
      this.log = log;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
        throws IOException, InterruptedException {
      URI uri = request.uri();
      String line = "[http] " + request.method() + " " + uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath()
          + (uri.getRawQuery() != null ? " (query: " + uri.getRawQuery().length() + " bytes)" : "")
          + request.bodyPublisher().map(b -> b.contentLength() > 0 ? " (body: " + b.contentLength() + " bytes)" : "")
          .orElse("");
      long start = System.nanoTime();
      try {
        HttpResponse<T> response = delegate.send(request, handler);
        log.println(line + " → HTTP " + response.statusCode() + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        return response;
      } catch (IOException | RuntimeException e) {
        log.println(line + " → " + e.getClass().getSimpleName() + " after " + (System.nanoTime() - start) / 1_000_000
            + " ms");
        throw e;
      }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
      return delegate.sendAsync(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
        HttpResponse.PushPromiseHandler<T> push) {
      return delegate.sendAsync(request, handler, push);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
      return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
      return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
      return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
      return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
      return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
      return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
      return delegate.authenticator();
    }

    @Override
    public Version version() {
      return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
      return delegate.executor();
    }
  }

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

  /** Reads 30s, 2m, 500ms, 1h, 1m30s, a bare number of seconds, or ISO-8601 (PT30S). */
  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      String text = value.strip().toLowerCase(Locale.ROOT);
      try {
        if (text.startsWith("p")) {
          return Duration.parse(text.toUpperCase(Locale.ROOT));
        }
        if (text.matches("\\d+")) {
          return Duration.ofSeconds(Long.parseLong(text));
        }
        Matcher part = Pattern.compile("(\\d+)(ms|s|m|h)").matcher(text);
        Duration sum = Duration.ZERO;
        int end = 0;
        while (part.find() && part.start() == end) {
          long n = Long.parseLong(part.group(1));
          String unit = part.group(2);
          sum = sum.plus(unit.equals("ms") ? Duration.ofMillis(n) : unit.equals("s") ? Duration.ofSeconds(n)
              : unit.equals("m") ? Duration.ofMinutes(n) : Duration.ofHours(n));
          end = part.end();
        }
        if (end == text.length() && end > 0) {
          return sum;
        }
      } catch (RuntimeException e) {
        // reported below
      }
      throw new TypeConversionException("expected a duration such as 30s, 2m, 500ms or PT1M30S: " + value);
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
      Emulator.Builder builder = Emulator.builder().port(port);
      String[] hosts = domains.toArray(new String[0]);
      try {
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
        System.err.println("refresh-cdn emulator: " + e.getMessage() + ": " + e.getCause().getMessage());
        return FAILURE;
      }
      System.out.println("Point refresh-cdn at it: refresh-cdn --endpoint " + emu.endpoint() + " https://" + hosts[0] + "/");
      emu.runUntilInterrupted(System.out);
      return OK;
    }
  }
}
