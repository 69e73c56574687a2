package dev.refreshcdn;

import dev.refreshcdn.JobStore.Job;
import dev.refreshcdn.RefreshException.QuotaExhaustedException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.refreshcdn.emulator.Emulator;
import dev.refreshcdn.emulator.RecordedRequest;
import dev.refreshcdn.internal.Beijing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job store against what a crash, a full disk or a stray edit leaves behind: owner-only files, a torn journal
 * tail, a damaged journal line, an unreadable job among readable ones, an endpoint edited into the job file.
 */
class JobStoreHardeningTest {
  private static final String ID = "AKIDstoreTESTexample0001";
  private static final String KEY = "storeTestSecretKeyNeverWritten";
  @TempDir Path temp;
  private Path state;
  private Emulator emulator;

  @BeforeEach
  void start() {
    state = temp.resolve("state"); // created by the first job
    emulator = Emulator.builder().account(ID, KEY, "www.test.com").start();
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private static List<String> urls(String dir, int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> "https://www.test.com/" + dir + "/" + i + ".js")
        .collect(Collectors.toList());
  }

  private Refresh connected(Refresh refresh) {
    return refresh.credentials(ID, KEY).api(Api.V2).endpoint(emulator.endpoint()).with(it -> it.sleeper = wait -> { });
  }

  /** A job of {@code n} URLs, one a request, stopped by a daily quota of {@code accepted}: the rest is pending. */
  private Job stoppedJob(String dir, int n, int accepted) {
    QuotaExhaustedException e = assertThrows(QuotaExhaustedException.class,
        () -> connected(Refresh.urls(urls(dir, n))).stateDir(state).dailyQuota(accepted).batch(1).submit());
    return JobStore.at(state).list().stream().filter(j -> j.id().equals(e.jobId().orElseThrow())).findFirst().orElseThrow();
  }

  private Job listed(Job job) {
    return JobStore.at(state).list().stream().filter(j -> j.id().equals(job.id())).findFirst().orElseThrow();
  }

  private Path journal(Job job) {
    return state.resolve("jobs").resolve(job.id()).resolve("journal.jsonl");
  }

  private Map<String, Integer> acceptedCounts() {
    Map<String, Integer> counts = new HashMap<>();
    for (RecordedRequest request : emulator.requests()) {
      if (request.accepted()) {
        request.urls().forEach(url -> counts.merge(url, 1, Integer::sum));
      }
    }
    return counts;
  }

  @Test
  void theStateDirectoryItsJobsAndItsLedgerAreOwnerOnly() throws IOException {
    // when
    connected(Refresh.urls(urls("m", 3))).stateDir(state).batch().submit();
    // then
    List<Path> all;
    try (Stream<Path> walk = Files.walk(state)) {
      all = walk.collect(Collectors.toList());
    }
    assertTrue(all.stream().anyMatch(p -> p.getFileName().toString().startsWith("urls-")), "the ledger: " + all);
    assertTrue(all.stream().anyMatch(p -> p.getFileName().toString().equals("journal.jsonl")), all.toString());
    for (Path path : all) {
      String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
      assertEquals(Files.isDirectory(path) ? "rwx------" : "rw-------", mode, path.toString());
    }
  }

  @Test
  void aTornLastLineIsCutOffBeforeTheResumptionAppendsAndIsNotCountedAsSent() throws IOException {
    // given: a job stopped after 1 of 3, then a write cut short by a full disk
    Job job = stoppedJob("t", 3, 1);
    Files.write(journal(job), "{\"event\":\"send\",\"at\"".getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.APPEND);
    // when
    Submission resumed = connected(JobStore.at(state).resume(job.id())).dailyQuota(10).batch().submit();
    // then: every line is a whole event, and nothing was counted as sent twice
    assertEquals(0, resumed.resentUrls());
    for (String line : Files.readAllLines(journal(job), StandardCharsets.UTF_8)) {
      assertTrue(JSON.std.mapFrom(line).get("event") instanceof String, line);
    }
    assertFalse(Files.readString(journal(job)).contains("\"at\"{"));
    assertEquals(Job.State.DONE, JobStore.at(state).list().get(0).state());
    assertTrue(JobStore.at(state).list().get(0).problem().isEmpty());
    assertEquals(List.of(1, 1, 1), new ArrayList<>(acceptedCounts().values()));
  }

  @Test
  void aTornLedgerLineIsCutOffSoTheNextLineDoesNotJoinItAndTheQuotaIsNeverOverspent() throws IOException {
    // given: today's ledger of the account ends in a write cut short ("+1000 …" was being written)
    Path ledger = state.resolve("quota").resolve(QuotaLedger.account(ID))
        .resolve("urls-" + Beijing.day(java.time.Instant.now()));
    Files.createDirectories(ledger.getParent());
    Files.writeString(ledger, "+2 earlier-job\n+1");
    // when: two jobs of 3 URLs under a daily quota of 5
    QuotaExhaustedException first = assertThrows(QuotaExhaustedException.class,
        () -> connected(Refresh.urls(urls("q", 4))).stateDir(state).dailyQuota(5).batch(1).submit());
    QuotaExhaustedException second = assertThrows(QuotaExhaustedException.class,
        () -> connected(Refresh.urls(urls("r", 3))).stateDir(state).dailyQuota(5).batch(1).submit());
    // then: 3 fit after the 2 recorded, then none
    assertEquals(3, first.tasks().size());
    assertEquals(0, second.tasks().size());
    assertTrue(Files.readString(ledger).startsWith("+2 earlier-job\n+1 "), Files.readString(ledger));
    for (String line : Files.readAllLines(ledger)) {
      assertTrue(line.matches("(\\+1|-1|exhausted) \\S+|\\+2 earlier-job"), line);
    }
  }

  @Test
  void aDamagedLineInTheMiddleIsReportedWithItsNumberAndWhatItMayHaveConfirmedIsSentAgain() throws IOException {
    // given: a job stopped after 2 of 4, whose second "accepted" line was damaged
    Job job = stoppedJob("d", 4, 2);
    List<String> lines = new ArrayList<>(Files.readAllLines(journal(job), StandardCharsets.UTF_8));
    int damaged = -1;
    for (int i = lines.size() - 1; i >= 0 && damaged < 0; i--) {
      damaged = lines.get(i).contains("\"accepted\"") ? i : -1;
    }
    lines.set(damaged, "{\"event\":\"accep\u0000");
    Files.write(journal(job), lines, StandardCharsets.UTF_8);
    // when
    Job listed = JobStore.at(state).list().get(0);
    // then
    assertEquals(1, listed.acceptedUrls());
    String problem = listed.problem().orElseThrow();
    assertTrue(problem.contains("journal.jsonl: line " + (damaged + 1) + " is not a journal event"), problem);
    assertTrue(problem.contains("sends again"), problem);
    // when
    Submission resumed = connected(JobStore.at(state).resume(job.id())).dailyQuota(10).batch().submit();
    // then: the URL of the damaged line went out again, counted as resent; none was lost
    assertEquals(1, resumed.resentUrls());
    assertEquals(3, resumed.urlCount());
    Map<String, Integer> counts = acceptedCounts();
    assertEquals(4, counts.size());
    assertEquals(2, counts.get("https://www.test.com/d/2.js"));
  }

  @Test
  void aLineThatIsNotUtf8IsReportedAndTheJobStaysReadable() throws IOException {
    // given: an old job whose journal got a line of bytes FF FE
    Job job = stoppedJob("u", 2, 1);
    Files.write(journal(job), new byte[] {(byte) 0xff, (byte) 0xfe, '\n'}, StandardOpenOption.APPEND);
    // when
    Job listed = JobStore.at(state).list().get(0);
    // then
    assertEquals(Job.State.QUOTA, listed.state());
    assertEquals(1, listed.acceptedUrls());
    assertTrue(listed.problem().orElseThrow().contains("is not UTF-8 text"), listed.problem().toString());
  }

  @Test
  void anUnreadableJobIsListedWithItsCauseAndTheOthersAreListedAndResumed() throws IOException {
    // given: an older job, then one whose job.json was emptied, then one whose job.json is not JSON
    Job readable = stoppedJob("a", 2, 1);
    Job emptied = stoppedJob("b", 2, 1);
    Job garbled = stoppedJob("c", 2, 1);
    Path emptiedFile = state.resolve("jobs").resolve(emptied.id()).resolve("job.json");
    Files.write(emptiedFile, new byte[0]);
    Files.writeString(state.resolve("jobs").resolve(garbled.id()).resolve("job.json"), "{\"id\": ");
    // when
    List<Job> jobs = JobStore.at(state).list();
    // then
    assertEquals(3, jobs.size(), jobs.toString());
    assertEquals(Job.State.QUOTA, listed(readable).state());
    assertEquals(Job.State.UNREADABLE, listed(emptied).state());
    assertEquals(emptiedFile + " is empty", listed(emptied).problem().orElseThrow());
    assertEquals(Job.State.UNREADABLE, listed(garbled).state());
    assertTrue(listed(garbled).problem().orElseThrow().contains("job.json is not a JSON object"), jobs.toString());
    // when: the bare resume passes over the unreadable ones, and one named is refused with its cause
    Submission resumed = connected(JobStore.at(state).resume(null)).dailyQuota(10).batch().submit();
    IllegalArgumentException named = assertThrows(IllegalArgumentException.class,
        () -> JobStore.at(state).resume(emptied.id()));
    // then
    assertEquals(Job.State.DONE, listed(readable).state());
    assertEquals(1, resumed.urlCount());
    assertTrue(named.getMessage().contains("cannot be read: " + emptiedFile + " is empty"), named.getMessage());
  }

  @Test
  void aResumeRefusesAnEndpointEditedToPlainHttpOffLoopbackAndSendsNothing() throws IOException {
    // given
    Job job = stoppedJob("e", 2, 1);
    Path file = state.resolve("jobs").resolve(job.id()).resolve("job.json");
    Files.writeString(file, Files.readString(file).replace(emulator.endpoint().toString(),
        "http://192.0.2.2:" + emulator.port() + "/v2/index.php"));
    byte[] journalBefore = Files.readAllBytes(journal(job));
    int requests = emulator.requests().size();
    // when
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> connected(JobStore.at(state).resume(job.id())).batch().submit());
    // then
    assertTrue(e.getMessage().contains("plain http is allowed only on a loopback address: http://192.0.2.2:"),
        e.getMessage());
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertEquals(requests, emulator.requests().size());
    assertEquals(new String(journalBefore, StandardCharsets.UTF_8), Files.readString(journal(job)));
  }
}
