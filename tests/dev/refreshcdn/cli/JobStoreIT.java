package dev.refreshcdn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.refreshcdn.emulator.Emulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state directory through ./jbang refresh-cdn, against what a crash, a full disk or a stray edit leaves in it:
 * owner-only files whatever the umask, an edited endpoint, an unreadable job among readable ones, a damaged or torn
 * journal.
 */
class JobStoreIT {
  @TempDir Path temp;
  private Path stateDir;
  private Emulator emu;

  @BeforeEach
  void startEmulator() {
    stateDir = temp.resolve("state");
    emu = Emulator.builder().account(Cli.SECRET_ID, Cli.SECRET_KEY, "www.test.com").start();
  }

  @AfterEach
  void stopEmulator() {
    emu.close();
  }

  private Cli refreshCdn(String... args) {
    List<String> all = new ArrayList<>(List.of("--api", "v2", "--endpoint", emu.endpoint().toString(), "--state-dir",
        stateDir.toString()));
    all.addAll(List.of(args));
    return Cli.refreshCdn(all.toArray(new String[0])).withCredentials();
  }

  private Cli command(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--state-dir", stateDir.toString()));
    return Cli.refreshCdn(all.toArray(new String[0])).withCredentials();
  }

  /** A job of {@code n} URLs, one a request, stopped by a daily quota of {@code accepted}; its id. */
  private String stoppedJob(String dir, int n, int accepted) throws Exception {
    List<String> args = new ArrayList<>(List.of("--batch-size", "1", "--daily-quota", String.valueOf(accepted),
        "--json"));
    for (int i = 1; i <= n; i++) {
      args.add("https://www.test.com/" + dir + "/" + i + ".js");
    }
    Cli.Result r = refreshCdn(args.toArray(new String[0])).run();
    assertEquals(5, r.exit(), r::toString);
    return (String) JSON.std.mapFrom(r.out()).get("job_id");
  }

  private Path file(String jobId, String name) {
    return stateDir.resolve("jobs").resolve(jobId).resolve(name);
  }

  @Test
  void everyStateFileIsCreatedOwnerOnlyEvenUnderUmask000() throws Exception {
    // when
    Cli.Result r = refreshCdn("https://www.test.com/m/1.js").umask("000").run();
    // then
    assertEquals(0, r.exit(), r::toString);
    List<Path> all;
    try (Stream<Path> walk = Files.walk(stateDir)) {
      all = walk.collect(Collectors.toList());
    }
    assertTrue(all.stream().anyMatch(p -> p.getFileName().toString().startsWith("urls-")), "the ledger: " + all);
    assertTrue(all.stream().anyMatch(p -> p.getFileName().toString().equals("job.json")), all.toString());
    for (Path path : all) {
      assertEquals(Files.isDirectory(path) ? "rwx------" : "rw-------",
          PosixFilePermissions.toString(Files.getPosixFilePermissions(path)), path.toString());
    }
  }

  @Test
  void resumeRefusesAJobWhoseEndpointWasEditedToPlainHttpOffLoopbackWithExit2AndSendsNothing() throws Exception {
    // given
    String jobId = stoppedJob("e", 2, 1);
    String edited = "http://192.0.2.2:" + emu.port() + "/v2/index.php";
    Path job = file(jobId, "job.json");
    Files.writeString(job, Files.readString(job).replace(emu.endpoint().toString(), edited));
    byte[] journal = Files.readAllBytes(file(jobId, "journal.jsonl"));
    int requests = emu.requests().size();
    // when
    Cli.Result r = command("resume", jobId, "--daily-quota", "10", "--json").run();
    // then
    assertEquals(2, r.exit(), r::toString);
    assertTrue(r.err().contains("refresh-cdn: job " + jobId + " cannot be resumed as recorded in " + job
        + ": endpoint must use https; plain http is allowed only on a loopback address: " + edited), r::toString);
    assertEquals("usage", JSON.std.mapFrom(r.out()).get("status"), r::toString);
    assertEquals(requests, emu.requests().size());
    assertArrayEquals(journal, Files.readAllBytes(file(jobId, "journal.jsonl")), "not even a resume event");
  }

  @Test
  void anUnreadableJobIsListedWithItsCauseAndNeitherJobsNorResumeOfTheOthersIsBlocked() throws Exception {
    // given: an old done job whose journal got a line of bytes FF FE, a stopped job, and a newer job emptied
    Cli.Result done = refreshCdn("--json", "https://www.test.com/o/1.js").run();
    String old = (String) JSON.std.mapFrom(done.out()).get("job_id");
    int badLine = Files.readAllLines(file(old, "journal.jsonl")).size() + 1;
    Files.write(file(old, "journal.jsonl"), new byte[] {(byte) 0xff, (byte) 0xfe, '\n'}, StandardOpenOption.APPEND);
    String stopped = stoppedJob("s", 2, 1);
    String emptied = "29991231-235959-ffff";
    Files.createDirectories(file(emptied, "job.json").getParent());
    Files.write(file(emptied, "job.json"), new byte[0]);
    // when
    Cli.Result jobs = command("jobs").run();
    // then
    assertEquals(0, jobs.exit(), jobs::toString);
    assertTrue(jobs.out().matches("(?s).*\n" + old + " +\\S+ \\S+ +done .*"), jobs::toString);
    assertTrue(jobs.out().matches("(?s).*\n" + stopped + " +\\S+ \\S+ +quota .*"), jobs::toString);
    assertTrue(jobs.out().contains("\n" + emptied + "  "), jobs::toString);
    assertTrue(jobs.out().matches("(?s).*\n" + emptied + " +unreadable\n.*"), jobs::toString);
    assertTrue(jobs.out().contains("job " + emptied + " cannot be read: " + file(emptied, "job.json") + " is empty"),
        jobs::toString);
    assertTrue(jobs.out().contains("job " + old + ": " + file(old, "journal.jsonl") + ": line " + badLine + " is not UTF-8 text"),
        jobs::toString);
    // when
    Cli.Result json = command("jobs", "--json").run();
    // then
    List<?> listed = (List<?>) JSON.std.mapFrom(json.out()).get("jobs");
    Map<?, ?> unreadable = (Map<?, ?>) listed.get(2);
    assertEquals(emptied, unreadable.get("job_id"), json::toString);
    assertEquals("unreadable", unreadable.get("state"));
    assertEquals(file(emptied, "job.json") + " is empty", unreadable.get("problem"));
    // when: the emptied job named, then the bare resume
    Cli.Result named = command("resume", emptied).run();
    Cli.Result bare = command("resume", "--daily-quota", "10").run();
    // then
    assertEquals(2, named.exit(), named::toString);
    assertTrue(named.err().contains("job " + emptied + " cannot be read: " + file(emptied, "job.json") + " is empty"),
        named::toString);
    assertEquals(0, bare.exit(), bare::toString);
    assertTrue(bare.err().contains("refresh-cdn: skipped job " + emptied + ", which cannot be read: "
        + file(emptied, "job.json") + " is empty"), bare::toString);
    assertTrue(bare.out().contains("Resuming job " + stopped), bare::toString);
    assertEquals(List.of("https://www.test.com/s/2.js"), emu.requests().get(emu.requests().size() - 1).urls());
  }

  @Test
  void aDamagedJournalLineIsReportedByJobsAndResumeAndItsUrlIsSentAgain() throws Exception {
    // given: a job stopped after 2 of 3, whose line of the second acceptance was overwritten
    String jobId = stoppedJob("d", 3, 2);
    List<String> lines = new ArrayList<>(Files.readAllLines(file(jobId, "journal.jsonl"), StandardCharsets.UTF_8));
    int damaged = lines.size() - 1;
    while (!lines.get(damaged).contains("\"accepted\"")) {
      damaged--;
    }
    lines.set(damaged, "garbage");
    Files.write(file(jobId, "journal.jsonl"), lines, StandardCharsets.UTF_8);
    String problem = file(jobId, "journal.jsonl") + ": line " + (damaged + 1) + " is not a journal event; what it "
        + "recorded is not counted, so a resume sends again every URL not otherwise confirmed as accepted";
    // when
    Cli.Result jobs = command("jobs").run();
    Cli.Result r = command("resume", jobId, "--daily-quota", "10").run();
    // then
    assertTrue(jobs.out().contains("job " + jobId + ": " + problem), jobs::toString);
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.err().contains("refresh-cdn: " + problem), r::toString);
    assertTrue(r.out().contains("Resuming job " + jobId + ": 2 of 3 URLs pending, 1 accepted before."), r::toString);
    assertTrue(r.out().contains("1 URL was sent again"), r::toString);
  }

  @Test
  void aTornJournalTailIsCutOffBeforeResumeAppendsSoEveryLineStaysReadable() throws Exception {
    // given: a write cut short by a full disk
    String jobId = stoppedJob("t", 2, 1);
    Files.write(file(jobId, "journal.jsonl"), "{\"event\":\"send\",\"at\"".getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.APPEND);
    // when
    Cli.Result r = command("resume", jobId, "--daily-quota", "10").run();
    Cli.Result jobs = command("jobs").run();
    // then
    assertEquals(0, r.exit(), r::toString);
    assertFalse(r.err().contains("journal.jsonl"), r::toString);
    for (String line : Files.readAllLines(file(jobId, "journal.jsonl"), StandardCharsets.UTF_8)) {
      assertTrue(JSON.std.mapFrom(line).get("event") instanceof String, line);
    }
    assertTrue(jobs.out().matches("(?s).*\n" + jobId + " +\\S+ \\S+ +done .*"), jobs::toString);
    assertFalse(jobs.out().contains("job " + jobId + ":"), jobs::toString);
  }

  @Test
  void aJobWhoseJournalAnotherProcessHoldsIsListedRunningAndItsResumeIsRefusedBeforeAnythingIsPrinted()
      throws Exception {
    // given: a job stopped by the quota, whose journal this process holds, as a running resume would
    String job = stoppedJob("held", 2, 1);
    int sent = emu.requests().size();
    try (java.nio.channels.FileChannel journal = java.nio.channels.FileChannel.open(file(job, "journal.jsonl"),
        StandardOpenOption.WRITE);
        java.nio.channels.FileLock held = journal.lock()) {
      // when: another process lists the jobs and resumes
      Cli.Result jobs = command("jobs").run();
      Cli.Result resume = command("resume", "--daily-quota", "5").run();
      // then
      assertTrue(jobs.out().contains(job + "  ") && jobs.out().contains(" running "), jobs::toString);
      assertEquals(2, resume.exit(), resume::toString);
      assertEquals("", resume.out(), resume::toString);
      assertTrue(resume.err().contains("job " + job + " is running"), resume::toString);
      assertEquals(sent, emu.requests().size(), "nothing was sent");
      assertTrue(held.isValid(), "listing never takes the lock from its holder");
    }
    // and once it is released, the job is resumable again
    Cli.Result after = command("resume", "--daily-quota", "5").run();
    assertEquals(0, after.exit(), after::toString);
  }
}
