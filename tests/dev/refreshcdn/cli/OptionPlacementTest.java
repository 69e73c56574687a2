package dev.refreshcdn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refreshcdn.emulator.Emulator;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Options a subcommand takes work before its name as after it; one it does not take is a usage error; enum values
 * are read in any case, and a bad one is named as before.
 */
class OptionPlacementTest {
  @Test
  void stateDirAndJsonBeforeJobsActAsAfterIt(@TempDir Path dir) {
    // when
    Cli.Result before = InProcess.refreshCdn("--state-dir", dir.toString(), "--json", "jobs").run();
    Cli.Result after = InProcess.refreshCdn("jobs", "--state-dir", dir.toString(), "--json").run();
    // then
    assertEquals(0, before.exit(), before::toString);
    assertTrue(before.out().contains("\"state_dir\"") || before.out().contains(dir.toString()), before::toString);
    assertEquals(after.toString(), before.toString());
  }

  @Test
  void verboseAndEndpointBeforeStatusReachTheService() {
    // given
    try (Emulator emu = Emulator.builder().account(Cli.SECRET_ID, Cli.SECRET_KEY, "www.test.com")
        .taskCompletion(Duration.ZERO).start()) {
      String endpoint = emu.endpointV3().toString();
      // when
      Cli.Result before = InProcess.refreshCdn("-v", "--endpoint", endpoint, "status", "--task", "task-x")
          .withCredentials().run();
      Cli.Result after = InProcess.refreshCdn("status", "-v", "--endpoint", endpoint, "--task", "task-x")
          .withCredentials().run();
      // then: both asked the emulator (the default endpoint would not answer here), and both logged the request
      assertEquals(after.exit(), before.exit(), before::toString);
      // (an id DescribePurgeTasks does not know is then looked for among the prefetch tasks)
      assertEquals(2, emu.requests().stream().filter(q -> q.action().equals("DescribePurgeTasks")).count(),
          "each run asked the emulator once\n" + before + "\n" + after);
      assertTrue(before.err().contains(endpoint.replaceAll("/$", "")), before::toString);
      assertTrue(after.err().contains(endpoint.replaceAll("/$", "")), after::toString);
    }
  }

  @Test
  void anOptionTheSubcommandDoesNotTakeIsAUsageErrorNotDropped() {
    // when
    Cli.Result r = InProcess.refreshCdn("--dry-run", "jobs").run();
    Cli.Result v = InProcess.refreshCdn("-v", "jobs").run();
    // then
    assertEquals(2, r.exit(), r::toString);
    assertTrue(r.err().contains("--dry-run does not apply to refresh-cdn jobs"), r::toString);
    assertEquals(2, v.exit(), v::toString);
    assertTrue(v.err().contains("--verbose does not apply to refresh-cdn jobs"), v::toString);
  }

  @Test
  void enumValuesAreReadInAnyCaseAndABadOneIsNamedWithItsChoices() {
    // when
    Cli.Result lower = InProcess.refreshCdn("--dry-run", "--api", "V2", "--method", "get", "--signature-method",
        "hmacsha256", "--quiet", "https://www.test.com/1").withCredentials().run();
    Cli.Result bad = InProcess.refreshCdn("--api", "v4", "https://www.test.com/1").run();
    Cli.Result badArea = InProcess.refreshCdn("--area", "global", "--json", "https://www.test.com/1").run();
    // then
    assertEquals(0, lower.exit(), lower::toString);
    assertTrue(lower.out().startsWith("Dry run: 1 GET request, 1 URL"), lower::toString);
    assertEquals(2, bad.exit(), bad::toString);
    assertTrue(bad.err().contains("Invalid value for option '--api': expected v2 or v3: v4"), bad::toString);
    assertEquals(2, badArea.exit(), badArea::toString);
    assertTrue(badArea.err().contains("expected mainland or overseas: global"), badArea::toString);
    assertTrue(badArea.out().contains("expected mainland or overseas: global"), "the --json document\n" + badArea);
  }

  @Test
  void aSubcommandsOwnOptionsWorkBeforeItsNameAsAfterIt() {
    // given prefetch's own options, which the purge (the root command) does not take or reads otherwise
    String[] own = {"--header", "Referer: https://www.test.com/", "--layer", "middle", "--user-agent", "Warm/1.0",
        "--parse-m3u8", "--disable-range", "--area", "global"};
    // when
    java.util.List<String> before = new java.util.ArrayList<>(java.util.List.of(own));
    before.addAll(java.util.List.of("prefetch", "--dry-run", "-v", "https://www.test.com/1"));
    java.util.List<String> after = new java.util.ArrayList<>(java.util.List.of("prefetch"));
    after.addAll(java.util.List.of(own));
    after.addAll(java.util.List.of("--dry-run", "-v", "https://www.test.com/1"));
    Cli.Result b = InProcess.refreshCdn(before.toArray(new String[0])).withCredentials().run();
    Cli.Result a = InProcess.refreshCdn(after.toArray(new String[0])).withCredentials().run();
    // then
    assertEquals(0, b.exit(), b::toString);
    assertEquals(a.toString(), b.toString());
    for (String field : new String[] {"Area: global", "Layer", "Referer", "Warm/1.0", "ParseM3U8", "DisableRange"}) {
      assertTrue(b.out().contains(field), field + "\n" + b);
    }
  }

  @Test
  void anOptionGivenBeforeAndAfterTheNameCountsAsGivenAfterIt() {
    // when
    Cli.Result r = InProcess.refreshCdn("--area", "mainland", "prefetch", "--area", "overseas", "--dry-run", "-v",
        "https://www.test.com/1").withCredentials().run();
    // then
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().contains("Area: overseas"), r::toString);
  }

  @Test
  void aSubcommandsOptionBeforeAnotherSubcommandIsAShortUsageError() {
    // when
    Cli.Result r = InProcess.refreshCdn("--layer", "middle", "jobs").run();
    Cli.Result purge = InProcess.refreshCdn("--area", "global", "jobs").run();
    // then
    assertEquals(2, r.exit(), r::toString);
    assertTrue(r.err().contains("(--layer is an option of 'refresh-cdn prefetch')"), r::toString);
    assertTrue(r.err().split("\n").length <= 4, r::toString);
    assertEquals(2, purge.exit(), purge::toString);
    assertTrue(purge.err().contains("--area"), purge::toString);
  }
}
