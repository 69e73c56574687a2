package dev.refreshcdn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small words of the CLI a newcomer met (#13, #16): help, usage errors and dry runs, through the real CLI. */
class SmallWordsTest {
  private static List<String> lines(String text) {
    return Arrays.asList(text.split("\n"));
  }

  @Test
  void prefetchHelpExamplesAreWholeCommandsOneALine() {
    // when
    Cli.Result r = InProcess.refreshCdn("prefetch", "--help").run();
    // then
    assertEquals(0, r.exit(), r::toString);
    List<String> examples = lines(r.out().substring(r.out().indexOf("Examples:")));
    for (String line : examples.subList(1, examples.size())) {
      assertTrue(line.isBlank() || line.startsWith("  refresh-cdn prefetch "), "a broken example line: " + line);
    }
  }

  @Test
  void theCompletionLineOfTheMainHelpIsASentenceNotALeadIn() {
    // when
    Cli.Result r = InProcess.refreshCdn("--help").run();
    // then
    String line = lines(r.out()).stream().filter(l -> l.startsWith("  completion ")).findFirst().orElseThrow();
    assertFalse(line.strip().endsWith(":"), line);
  }

  @Test
  void endpointHelpOfPrefetchAndStatusSaysOnlyWhatAppliesThere() {
    // when
    Cli.Result prefetch = InProcess.refreshCdn("prefetch", "--help").run();
    Cli.Result status = InProcess.refreshCdn("status", "--help").run();
    Cli.Result root = InProcess.refreshCdn("--help").run();
    // then
    assertFalse(prefetch.out().contains("v2/index.php"), prefetch::toString);
    assertTrue(prefetch.out().contains("https://cdn.tencentcloudapi.com/"), prefetch::toString);
    assertFalse(status.out().contains("resumed job's own"), status::toString);
    assertTrue(root.out().contains("resumed job's own"), root::toString);
  }

  @Test
  void aPrefetchDryRunWithADailyQuotaSaysWhatWouldBeKeptPending() {
    // when
    Cli.Result r = InProcess.refreshCdn("prefetch", "--dry-run", "--daily-quota", "3", "https://www.test.com/1",
        "https://www.test.com/2", "https://www.test.com/3", "https://www.test.com/4").run();
    // then
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().contains("Quota: 3 URLs left today (--daily-quota 3; no ledger read): 3 of these 4 URLs would "
        + "be sent today, 1 kept pending (exit 5)."), r::toString);
  }

  @Test
  void aZeroTimeoutIsRefusedAsTyped() {
    // when
    Cli.Result r = InProcess.refreshCdn("--timeout", "0", "--dry-run", "https://www.test.com/1").run();
    // then
    assertEquals(2, r.exit(), r::toString);
    assertTrue(r.err().contains("Invalid value for option '--timeout': must be positive: 0"), r::toString);
    assertFalse(r.err().contains("PT0S"), r::toString);
  }

  @Test
  void prefetchOnApi2ChosenByTheVariableNamesTheVariable() {
    // when
    Cli.Result r = InProcess.refreshCdn("prefetch", "https://www.test.com/1").env("REFRESH_CDN_API", "v2").run();
    // then
    assertEquals(2, r.exit(), r::toString);
    assertTrue(r.err().contains("REFRESH_CDN_API"), r::toString);
    assertFalse(r.err().contains("leave out --api v2"), r::toString);
  }

  @Test
  void aMisspeltSubcommandOfJobsIsAShortErrorWithTheClosestOne() {
    // when
    Cli.Result r = InProcess.refreshCdn("jobs", "dorp", "x").run();
    // then
    assertEquals(2, r.exit(), r::toString);
    assertTrue(r.err().contains("jobs has no subcommand 'dorp'"), r::toString);
    assertTrue(r.err().contains("did you mean 'refresh-cdn jobs drop'?"), r::toString);
    assertFalse(r.err().contains("Unmatched"), r::toString);
    assertTrue(lines(r.err()).size() <= 3, r::toString);
  }

  @Test
  void completionOffersTheLowerCaseSpellingsUsersType() {
    // when
    Cli.Result r = InProcess.refreshCdn("completion", "bash").run();
    // then
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().matches("(?s).*v3\\W{1,3}v2\\W{1,3}# --api values.*"), r::toString);
    assertTrue(r.out().matches("(?s).*mainland\\W{1,3}overseas\\W{1,3}global\\W{1,3}# --area values.*"), r::toString);
    assertFalse(r.out().contains("MAINLAND"), r::toString);
    assertFalse(r.out().contains("V2 V3"), r::toString);
  }

  @Test
  void aGlobalAreaForAPurgeIsSaidInLowerCaseAsTyped(@TempDir Path state) {
    // given a purge job stopped by its quota
    Cli.Result job = InProcess.refreshCdn("--emulator", "--state-dir", state.toString(), "--daily-quota", "1",
        "https://www.test.com/a", "https://www.test.com/b").run();
    assertEquals(5, job.exit(), job::toString);
    // when
    Cli.Result r = InProcess.refreshCdn("resume", "--state-dir", state.toString(), "--area", "global")
        .withCredentials().run();
    // then
    assertEquals(2, r.exit(), r::toString);
    assertTrue(r.err().contains("global is for a prefetch alone"), r::toString);
    assertFalse(r.err().contains("GLOBAL"), r::toString);
  }
}
