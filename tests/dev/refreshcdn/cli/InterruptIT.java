package dev.refreshcdn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import com.sun.net.httpserver.HttpServer;
import dev.refreshcdn.emulator.Emulator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGINT and SIGTERM sent to a real ./jbang process while its second request waits for an answer that a loopback
 * server holds back: the summary and the resume command are printed, the exit code is 130 or 143, and the journal
 * is exact (a resume sends the held request's URL and the unsent one, nothing else).
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class InterruptIT {
  private static final String PATH = "/v2/index.php";
  private static final List<String> URLS = List.of("https://www.test.com/i/1.js", "https://www.test.com/i/2.js",
      "https://www.test.com/i/3.js");
  @TempDir Path stateDir;
  private HttpServer server;
  /** Each request's URLs, in the order they arrived. */
  private final List<List<String>> received = new ArrayList<>();
  private final CountDownLatch secondArrived = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private volatile boolean holdSecond = true;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(PATH, exchange -> {
      List<String> urls = urls(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      int number;
      synchronized (received) {
        received.add(urls);
        number = received.size();
      }
      if (number == 2 && holdSecond) {
        secondArrived.countDown();
        try {
          release.await(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      byte[] answer = ("{\"code\":0,\"message\":\"\",\"codeDesc\":\"Success\",\"data\":{\"count\":" + urls.size()
          + ",\"task_id\":\"" + (1000 + number) + "\"}}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      try {
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
      } catch (IOException e) {
        // the client went away: the interrupted run abandoned this request
      }
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stopServer() {
    release.countDown();
    server.stop(0);
  }

  private static List<String> urls(String form) {
    return Arrays.stream(form.split("&")).filter(pair -> pair.startsWith("urls."))
        .map(pair -> URLDecoder.decode(pair.substring(pair.indexOf('=') + 1), StandardCharsets.UTF_8))
        .collect(Collectors.toList());
  }

  private String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
  }

  /** Runs a job of three one-URL requests, sends {@code signal} once the second waits for its answer. */
  private Cli.Result interruptedJob(String signal, String... options) throws Exception {
    List<String> args = new ArrayList<>(List.of("--api", "v2", "--endpoint", endpoint(), "--batch-size", "1", "--retries", "0",
        "--state-dir", stateDir.toString()));
    args.addAll(List.of(options));
    args.addAll(URLS);
    try (Cli.Running job = Cli.refreshCdn(args.toArray(new String[0])).withCredentials().start()) {
      assertTrue(secondArrived.await(Cli.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS), "the second request arrived");
      // when
      job.signal(signal);
      return job.waitForExit();
    }
  }

  private String onlyJobId() throws IOException {
    try (var dirs = Files.list(stateDir.resolve("jobs"))) {
      List<String> ids = dirs.map(d -> d.getFileName().toString()).collect(Collectors.toList());
      assertEquals(1, ids.size(), ids.toString());
      return ids.get(0);
    }
  }

  /** The journal says what happened: 1 accepted, 2 pending, and a resume sends exactly those 2. */
  private void assertTheJournalIsExactAndTheRestResumes(String jobId) throws Exception {
    Cli.Result jobs = Cli.refreshCdn("jobs", "--state-dir", stateDir.toString(), "--json").run();
    Map<?, ?> job = (Map<?, ?>) ((List<?>) JSON.std.mapFrom(jobs.out()).get("jobs")).get(0);
    assertEquals("unfinished", job.get("state"), jobs::toString);
    assertEquals(1, job.get("accepted"), jobs::toString);
    assertEquals(2, job.get("pending"), jobs::toString);
    holdSecond = false;
    int before = received.size();
    Cli.Result resumed = Cli.refreshCdn("resume", jobId, "--state-dir", stateDir.toString()).withCredentials().run();
    assertEquals(0, resumed.exit(), resumed::toString);
    assertEquals(List.of(List.of(URLS.get(1)), List.of(URLS.get(2))), received.subList(before, received.size()));
    assertTrue(resumed.out().contains("1 URL was sent again"), resumed::toString);
  }

  @Test
  void sigintAbandonsTheRequestInFlightPrintsTheSummaryAndTheResumeCommandAndExits130() throws Exception {
    // given / when
    Cli.Result r = interruptedJob("INT");
    // then
    assertEquals(130, r.exit(), r::toString);
    String jobId = onlyJobId();
    assertTrue(r.out().contains("task 1001: 1 URL, first " + URLS.get(0)), r::toString);
    assertTrue(r.err().contains("refresh-cdn: interrupted by SIGINT: no usable answer to request 2 of 3"),
        r::toString);
    assertTrue(r.err().contains("the request may have reached the service"), r::toString);
    assertTrue(r.out().contains("Stopped: 1 task created (above), 1 URL in a request without answer, 1 URL not sent."),
        r::toString);
    // (the program as ./jbang tells it in REFRESH_CDN_COMMAND: its path, then refresh-cdn)
    assertTrue(r.err().contains("to send the rest: "), r::toString);
    assertTrue(r.err().contains("refresh-cdn resume " + jobId + " --state-dir " + stateDir), r::toString);
    assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r::toString);
    assertTheJournalIsExactAndTheRestResumes(jobId);
  }

  @Test
  void sigintDuringWaitSaysEverythingWasSubmittedAndHowToAskLaterAndExits130() throws Exception {
    // given: tasks that stay processing for longer than the test
    Emulator emu = Emulator.builder().account(Cli.SECRET_ID, Cli.SECRET_KEY, "www.test.com")
        .taskCompletion(Duration.ofHours(1)).start();
    try (emu; Cli.Running job = Cli.refreshCdn("--api", "v2", "--endpoint", emu.endpoint().toString(), "--state-dir",
        stateDir.toString(), "--wait", URLS.get(0)).withCredentials().start()) {
      job.await(line -> line.startsWith("Submitted 1 URL in 1 task."));
      // when
      job.signal("INT");
      Cli.Result r = job.waitForExit();
      // then
      assertEquals(130, r.exit(), r::toString);
      String taskId = emu.requests().get(0).taskId().orElseThrow();
      assertTrue(r.err().contains("refresh-cdn: interrupted by SIGINT while waiting: every URL was submitted; ask "
          + "about the tasks later: "), r::toString);
      assertTrue(r.err().contains("refresh-cdn status --api v2 --endpoint " + emu.endpoint() + " --task " + taskId),
          r::toString);
    }
  }

  @Test
  void sigtermWithJsonStillPrintsTheDocumentAndExits143() throws Exception {
    // given / when
    Cli.Result r = interruptedJob("TERM", "--json");
    // then
    assertEquals(143, r.exit(), r::toString);
    String jobId = onlyJobId();
    Map<String, Object> doc = JSON.std.mapFrom(r.out());
    assertEquals("interrupted", doc.get("status"), r::toString);
    assertEquals(143, doc.get("exit_code"));
    assertEquals(jobId, doc.get("job_id"));
    assertEquals(1, ((List<?>) doc.get("tasks")).size());
    assertEquals(2, doc.get("pending"));
    assertEquals(List.of(URLS.get(1)), doc.get("failed"));
    assertEquals(List.of(URLS.get(2)), doc.get("unsent"));
    assertTrue(r.err().contains("refresh-cdn: interrupted by SIGTERM: "), r::toString);
    assertTrue(r.err().contains("refresh-cdn resume " + jobId), r::toString);
    assertTheJournalIsExactAndTheRestResumes(jobId);
  }
}
