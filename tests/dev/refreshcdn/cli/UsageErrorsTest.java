package dev.refreshcdn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A usage mistake prints the error, the closest valid option when there is one, and where the help is: a few lines,
 * never the whole help; the help command is spelled as the user runs refresh-cdn.
 */
class UsageErrorsTest {
  private static void assertShort(Cli.Result r, String error, String help) {
    assertEquals(2, r.exit(), r::toString);
    String[] lines = r.err().split("\n");
    assertTrue(lines.length <= 3, "at most three lines\n" + r);
    assertEquals("refresh-cdn: " + error, lines[0], r::toString);
    assertEquals("  see '" + help + "'", lines[lines.length - 1], r::toString);
    assertFalse(r.all().contains("Usage:"), r::toString);
  }

  @Test
  void anUnknownOptionIsOneLineWithTheClosestOptionAndWhereTheHelpIs() {
    // when
    Cli.Result typo = InProcess.refreshCdn("--timout", "2s", "https://www.test.com/a").run();
    Cli.Result bogus = InProcess.refreshCdn("--bogus", "https://www.test.com/a").run();
    // then
    assertShort(typo, "Unknown option: '--timout'", "refresh-cdn --help");
    assertTrue(typo.err().contains("\n  did you mean --timeout?\n"), typo::toString);
    assertShort(bogus, "Unknown option: '--bogus'", "refresh-cdn --help");
  }

  @Test
  void aBadValueIsNamedWithWhatIsExpected() {
    // when
    Cli.Result timeout = InProcess.refreshCdn("--timeout", "banana", "https://www.test.com/a").run();
    Cli.Result api = InProcess.refreshCdn("--api", "v4", "https://www.test.com/a").run();
    // then
    assertShort(timeout, "Invalid value for option '--timeout': expected a duration such as 30s, 2m, 500ms or "
        + "PT1M30S: banana", "refresh-cdn --help");
    assertShort(api, "Invalid value for option '--api': expected v2 or v3: v4", "refresh-cdn --help");
  }

  @Test
  void anOptionBeforeASubcommandThatDoesNotTakeItPointsToThatSubcommandsHelp() {
    // when
    Cli.Result r = InProcess.refreshCdn("--dry-run", "jobs").run();
    Cli.Result nested = InProcess.refreshCdn("--json", "jobs", "prune").run();
    // then
    assertShort(r, "--dry-run does not apply to refresh-cdn jobs", "refresh-cdn jobs --help");
    assertShort(nested, "--json does not apply to refresh-cdn jobs prune", "refresh-cdn jobs prune --help");
  }

  @Test
  void theHelpIsSpelledAsTheLauncherSaysTheUserRunsRefreshCdn() {
    // when
    Cli.Result r = InProcess.refreshCdn("status", "--tsk", "1").env("REFRESH_CDN_COMMAND", "./jbang refresh-cdn").run();
    Cli.Result noUrls = InProcess.refreshCdn().env("REFRESH_CDN_COMMAND", "./jbang refresh-cdn").run();
    // then
    assertShort(r, "Unknown options: '--tsk', '1'", "./jbang refresh-cdn status --help");
    assertEquals(2, noUrls.exit(), noUrls::toString);
  }

  @Test
  void aMistypedSubcommandIsNamedAsTheClosestOne() {
    // when: an option of status after a misspelt status, and a misspelt resume alone
    Cli.Result status = InProcess.refreshCdn("stauts", "--task", "1").run();
    Cli.Result resume = InProcess.refreshCdn("resum").run();
    // then
    assertShort(status, "Unknown option: '--task'", "refresh-cdn --help");
    assertTrue(status.err().contains("\n  did you mean 'refresh-cdn status'?\n"), status::toString);
    assertEquals(2, resume.exit(), resume::toString);
    assertEquals("refresh-cdn: 1 of 1 entry is not a valid URL to refresh; nothing was sent:\n"
        + "  argument 1: \"resum\" must start with http:// or https://\n"
        + "  did you mean 'refresh-cdn resume'?\n", resume.err());
  }
}
