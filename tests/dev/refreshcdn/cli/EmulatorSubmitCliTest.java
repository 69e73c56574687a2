package dev.refreshcdn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.refreshcdn.emulator.Emulator;
import dev.refreshcdn.emulator.RecordedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Submissions by refresh-cdn (in-process) to an emulator started in the test JVM, which checks every signature. */
class EmulatorSubmitCliTest {
  private Emulator emu;

  @BeforeEach
  void startEmulator() {
    emu = Emulator.builder().account(Cli.SECRET_ID, Cli.SECRET_KEY, "www.test.com").start();
  }

  @AfterEach
  void stopEmulator() {
    emu.close();
  }

  private InProcess refreshCdn(String... args) {
    List<String> all = new ArrayList<>(List.of("--api", "v2", "--endpoint", emu.endpoint().toString()));
    all.addAll(List.of(args));
    return InProcess.refreshCdn(all.toArray(new String[0])).withCredentials();
  }

  private List<String> acceptedTaskIds() {
    return emu.requests().stream().filter(RecordedRequest::accepted)
        .map(q -> q.taskId().orElseThrow()).collect(Collectors.toList());
  }

  @Test
  void submitsUrlsGivenAsArgumentsAndPrintsOneLinePerTask() {
    // when
    Cli.Result r = refreshCdn("https://www.test.com/1.jpg", "https://www.test.com/2.jpg").run();
    // then
    assertEquals(0, r.exit(), r::toString);
    assertEquals(1, emu.requests().size());
    assertEquals(List.of("https://www.test.com/1.jpg", "https://www.test.com/2.jpg"), emu.requests().get(0).urls());
    String taskId = acceptedTaskIds().get(0);
    assertTrue(r.out().contains("task " + taskId + ": 2 URLs, first https://www.test.com/1.jpg"), r::toString);
    assertTrue(r.out().contains("Submitted 2 URLs in 1 task."), r::toString);
  }

  @Test
  void fifteenHundredUrlsOnStdinWithGetAndHmacSha256AreAcceptedAsThreeTasksInTheJson() throws Exception {
    // given
    String urls = IntStream.rangeClosed(1, 1500).mapToObj(i -> "https://www.test.com/p/" + i + ".jpg")
        .collect(Collectors.joining("\n", "", "\n"));
    // when
    Cli.Result r = refreshCdn("--method", "GET", "--signature-method", "HmacSHA256", "--batch-size", "500", "--json")
        .stdin(urls).run();
    // then
    assertEquals(0, r.exit(), r::toString);
    assertEquals(3, emu.requests().size());
    for (RecordedRequest request : emu.requests()) {
      assertTrue(request.accepted(), request::toString);
      assertEquals("GET", request.method());
      assertEquals("HmacSHA256", request.params().get("SignatureMethod"));
      assertEquals(500, request.urls().size());
    }
    Map<String, Object> json = JSON.std.mapFrom(r.out());
    assertEquals("submitted", json.get("status"));
    List<?> tasks = (List<?>) json.get("tasks");
    assertEquals(acceptedTaskIds(), tasks.stream().map(t -> ((Map<?, ?>) t).get("task_id")).collect(Collectors.toList()));
    for (Object task : tasks) {
      assertEquals(500, ((Map<?, ?>) task).get("count"));
      assertEquals(500, ((List<?>) ((Map<?, ?>) task).get("urls")).size());
    }
    assertEquals(List.of(), json.get("unsent"));
    assertEquals(null, json.get("refusal"));
  }

  @Test
  void readsAFileSkippingBlankLinesCommentsAndDuplicates(@TempDir Path dir) throws Exception {
    // given
    Path file = dir.resolve("urls.txt");
    Files.writeString(file, "# release 42\n\nhttps://www.test.com/a.css\n   # indented comment\n"
        + "  https://www.test.com/b.js  \nhttps://www.test.com/a.css\n");
    // when
    Cli.Result r = refreshCdn("-i", file.toString()).run();
    // then
    assertEquals(0, r.exit(), r::toString);
    assertEquals(List.of("https://www.test.com/a.css", "https://www.test.com/b.js"), emu.requests().get(0).urls());
    assertTrue(r.out().contains("(1 duplicate dropped)"), r::toString);
  }

  @Test
  void aBadEntryExits2NamingItsLineAndSendsNothing(@TempDir Path dir) throws Exception {
    // given
    Path file = dir.resolve("urls.txt");
    Files.writeString(file, "# comment\nhttps://www.test.com/a.css\nftp://www.test.com/b.css\nhttps://www.test.com/c.css\n");
    // when
    Cli.Result r = refreshCdn("--input", file.toString()).run();
    // then
    assertEquals(2, r.exit(), r::toString);
    assertTrue(r.err().contains(file + " line 3: \"ftp://www.test.com/b.css\" must start with http:// or https://"),
        r::toString);
    assertTrue(r.err().contains("nothing was sent"), r::toString);
    assertEquals(0, emu.requests().size());
  }

  @Test
  void skipInvalidLeavesBadArgumentsOutAndIgnoreQueryMergesQueryVariants() {
    // when
    Cli.Result r = refreshCdn("--skip-invalid", "--ignore-query", "https://www.test.com/a.css?v=1", "www.test.com/b.css",
        "https://www.test.com/a.css?v=2").run();
    // then
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.err().contains("argument 2: \"www.test.com/b.css\" must start with http:// or https://"), r::toString);
    assertEquals(List.of("https://www.test.com/a.css"), emu.requests().get(0).urls());
    assertTrue(r.out().contains("(1 duplicate dropped)"), r::toString);
    assertTrue(r.out().contains("(1 bad entry skipped)"), r::toString);
  }

  @Test
  void anUnknownDomainExits3WithTheServiceCode9110() {
    // when
    Cli.Result r = refreshCdn("https://unknown.example.com/a.png").run();
    // then
    assertEquals(3, r.exit(), r::toString);
    assertTrue(r.err().contains("code 4000"), r::toString);
    assertTrue(r.err().contains("codeDesc 9110"), r::toString);
    assertTrue(r.err().contains("(9110)"), r::toString);
    // the job's journal keeps the refused URL: counts and the resume command, not the URL itself
    assertTrue(r.out().contains("Stopped: 0 tasks created, 1 URL refused, 0 URLs not sent."), r::toString);
    assertTrue(r.err().contains("to send the rest (once the cause is fixed): refresh-cdn resume "), r::toString);
  }

  @Test
  void aRefusedDomainHalfWayReportsTheOtherDomainsTasksAndItsUrlsInTheJson() throws Exception {
    // when
    Cli.Result r = refreshCdn("--batch-size", "1", "--json", "https://www.test.com/a.css",
        "https://unknown.example.com/b.css", "https://www.test.com/c.css").run();
    // then
    assertEquals(3, r.exit(), r::toString);
    assertEquals(3, emu.requests().size()); // one domain a request: a.css, c.css, then b.css
    Map<String, Object> json = JSON.std.mapFrom(r.out());
    assertEquals("refused", json.get("status"));
    assertEquals(3, json.get("exit_code"));
    List<?> tasks = (List<?>) json.get("tasks");
    assertEquals(2, tasks.size());
    assertEquals(acceptedTaskIds().get(0), ((Map<?, ?>) tasks.get(0)).get("task_id"));
    Map<?, ?> refusal = (Map<?, ?>) json.get("refusal");
    assertEquals("4000", String.valueOf(refusal.get("code")));
    assertEquals("9110", refusal.get("codeDesc"));
    assertTrue(String.valueOf(refusal.get("message")).contains("no such host"));
    assertEquals(List.of("https://unknown.example.com/b.css"), refusal.get("urls"));
    assertEquals(List.of("https://unknown.example.com/b.css"), json.get("failed"));
    assertEquals(List.of(), json.get("unsent"));
    assertEquals("unknown.example.com", ((Map<?, ?>) ((List<?>) json.get("refused_domains")).get(0)).get("domain"));
  }

  @Test
  void aFailureThatMayPassIsRetriedAndLoggedWithVerbose() {
    // given
    emu.failNext(1, 503);
    // when
    Cli.Result r = refreshCdn("-v", "https://www.test.com/a.css").run();
    // then
    assertEquals(0, r.exit(), r::toString);
    assertEquals(2, emu.requests().size());
    assertTrue(r.err().contains("→ HTTP 503"), r::toString);
    assertTrue(r.err().contains("→ HTTP 200"), r::toString);
  }

  @Test
  void noAnswerWithinTheTimeoutExits4() {
    // given
    emu.delay(Duration.ofSeconds(5));
    // when
    Cli.Result r = refreshCdn("--timeout", "500ms", "--retries", "0", "https://www.test.com/a.css").run();
    // then
    assertEquals(4, r.exit(), r::toString);
    assertTrue(r.err().contains("no usable answer"), r::toString);
    assertTrue(r.err().contains("may have reached the service"), r::toString);
    assertTrue(r.out().contains("1 URL in a request without answer"), r::toString);
  }
}
