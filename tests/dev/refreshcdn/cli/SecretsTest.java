package dev.refreshcdn.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refreshcdn.EchoServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A known SecretKey and session token, every command and every failure path, against a server that echoes
 * the request it got into its answers: neither secret, nor any signature, shows in stdout, stderr or any
 * file of the state directory.
 */
class SecretsTest {
  /** With {@code /}, {@code +} and {@code =}, as temporary keys' tokens have: its encoded forms differ. */
  static final String TOKEN = "sessTok/EN+cli=SECRET/token+0042==";
  /** Actions that ask rather than purge: the only ones that fail in the {@code --wait} run. */
  static final Set<String> QUESTIONS = Set.of("DescribePurgeTasks", "GetCdnRefreshLog");

  /** How the server fails. */
  enum Failure {
    /** HTTP 400 whose body is the request. */
    HTTP_400,
    /** A refusal whose message quotes the request: {@code {"code":4000,"message":"bad request …"}}, {@code Error.Message}. */
    REFUSAL,
    /** HTTP 500 whose body is the request, retried once. */
    HTTP_500,
    /** HTTP 200 with a body that starts as JSON and goes on with the request. */
    MALFORMED,
    /** No answer within the client's timeout. */
    TIMEOUT
  }

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (String api : List.of("v2", "v3")) {
      for (Failure failure : Failure.values()) {
        cases.add(Arguments.of(api, failure));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "--api {0}, {1}")
  @MethodSource("cases")
  void noSecretNorSignatureReachesStdoutStderrOrTheStateDirectory(String api, Failure failure, @TempDir Path state)
      throws IOException {
    // given
    AtomicBoolean waiting = new AtomicBoolean();
    try (EchoServer server = EchoServer.start(request -> answer(api, failure, request, waiting.get()))) {
      String endpoint = server.endpoint(api.equals("v3") ? "/" : "/v2/index.php");
      String dir = state.toString();
      List<String> common = List.of("--api", api, "--endpoint", endpoint, "-v", "--timeout", "1s", "--retries",
          failure == Failure.HTTP_500 ? "1" : "0");
      List<Cli.Result> results = new ArrayList<>();
      // when
      results.add(run(common, "--state-dir", dir, "https://www.test.com/a.js", "https://www.test.com/b.js"));
      results.add(run(common, "--state-dir", dir, "--json", "--dir", "https://www.test.com/d/"));
      results.add(run(List.of(), "status", "--task", "1234567", "--api", api, "--endpoint", endpoint, "-v",
          "--timeout", "1s", "--retries", "0"));
      Cli.Result quota = run(List.of(), "quota", "--api", api, "--endpoint", endpoint, "-v", "--timeout", "1s",
          "--retries", "0", "--state-dir", dir);
      // by id: a bare resume passes a refused job over
      String last = dev.refreshcdn.JobStore.at(state).list().get(1).id();
      results.add(run(List.of(), "resume", last, "--state-dir", dir, "-v", "--timeout", "1s", "--retries", "0"));
      waiting.set(true);
      results.add(run(common, "--state-dir", dir, "--wait", "https://www.test.com/w.js"));
      Cli.Result jobs = run(List.of(), "jobs", "--json", "--state-dir", dir);
      Cli.Result jobsText = run(List.of(), "jobs", "--state-dir", dir);
      // then
      for (Cli.Result r : results) {
        assertNotEquals(0, r.exit(), r::toString);
      }
      StringBuilder everything = new StringBuilder();
      Stream.concat(results.stream(), Stream.of(quota, jobs, jobsText)).forEach(r -> everything.append(r).append('\n'));
      try (Stream<Path> files = Files.walk(state)) {
        for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
          everything.append("--- ").append(file).append('\n')
              .append(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).append('\n');
        }
      }
      assertNoSecret(everything.toString(), server.signatures());
      if (failure != Failure.TIMEOUT) {
        // the echo did reach what was printed or journaled: cleaned
        assertTrue(everything.toString().contains("<redacted>"), everything::toString);
      }
    }
  }

  private static Cli.Result run(List<String> common, String... args) {
    List<String> all = new ArrayList<>(common);
    all.addAll(List.of(args));
    return InProcess.refreshCdn(all.toArray(new String[0])).withCredentials().env("TENCENTCLOUD_TOKEN", TOKEN).run();
  }

  private static void assertNoSecret(String text, Set<String> signatures) {
    assertFalse(signatures.isEmpty(), "the server saw no signature");
    List<String> secrets = new ArrayList<>(List.of(Cli.SECRET_KEY, TOKEN, "sessTok", "SECRET/token", "SECRET%2Ftoken",
        "SECRET%2ftoken", "SECRET\\/token"));
    secrets.addAll(signatures);
    for (String secret : secrets) {
      assertFalse(text.contains(secret), () -> "found " + secret + " in:\n" + text);
    }
    for (String signature : signatures) {
      // a message cut short must not show the start of one either
      String start = signature.substring(0, Math.min(12, signature.length()));
      assertFalse(text.contains(start), () -> "found " + start + ", the start of a signature, in:\n" + text);
    }
  }

  /** The failure asked for, except in the --wait run, where purges and the quota question succeed. */
  private static EchoServer.Reply answer(String api, Failure failure, EchoServer.Request request, boolean waiting) {
    boolean v3 = api.equals("v3");
    if (waiting && !QUESTIONS.contains(request.action)) {
      return EchoServer.Reply.of(200, request.action.equals("DescribePurgeQuota") ? QUOTA
          : v3 ? "{\"Response\":{\"TaskId\":\"t-1\",\"RequestId\":\"r-1\"}}"
          : "{\"code\":0,\"message\":\"\",\"codeDesc\":\"Success\",\"data\":{\"count\":1,\"task_id\":\"1234567\"}}");
    }
    String echo = request.echo();
    switch (failure) {
      case HTTP_400:
        return EchoServer.Reply.of(400, echo);
      case REFUSAL:
        return EchoServer.Reply.of(200, v3
            ? "{\"Response\":{\"Error\":{\"Code\":\"InvalidParameter\",\"Message\":\"" + json(echo)
                + "\"},\"RequestId\":\"r-1\"}}"
            : "{\"code\":4000,\"codeDesc\":\"InvalidParameter\",\"message\":\"bad request " + json(echo) + "\"}");
      case HTTP_500:
        return EchoServer.Reply.of(500, echo);
      case MALFORMED:
        return EchoServer.Reply.of(200, (v3 ? "{\"Response\": " : "{\"code\": ") + echo);
      default:
        return EchoServer.Reply.hang();
    }
  }

  private static final String QUOTA = "{\"Response\":{\"UrlPurge\":[{\"Area\":\"mainland\",\"Batch\":1000,"
      + "\"Total\":10000,\"Available\":9999}],\"PathPurge\":[{\"Area\":\"mainland\",\"Batch\":20,\"Total\":100,"
      + "\"Available\":99}],\"RequestId\":\"r-q\"}}";

  /** {@code text} as the inside of a JSON string, with {@code /} escaped as some servers do. */
  private static String json(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\' || c == '/') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
