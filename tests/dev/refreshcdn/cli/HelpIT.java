package dev.refreshcdn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** --help, --version and usage errors, through ./jbang refresh-cdn. */
class HelpIT {
  @Test
  void helpListsOptionsExamplesAndEveryExitCode() {
    // when
    Cli.Result r = Cli.refreshCdn("--help").run();
    // then
    assertEquals(0, r.exit(), r::toString);
    for (String text : new String[] {"--input", "--dry-run", "--emulator", "--json", "--https-proxy", "--profile",
        "--credentials", "--signature-method", "--batch-size", "--timeout", "--api", "REFRESH_CDN_API", "--area",
        "--url-encode", "--calls-per-minute", "--state-dir", "--daily-quota", "--parallel", "--dir", "--flush-all",
        "--wait", "--wait-timeout", "Examples:", "Exit codes:", "refresh-cdn --emulator https://www.test.com/1.jpg",
        "emulator", "resume", "jobs", "status", "quota"}) {
      assertTrue(r.out().contains(text), () -> "help lacks " + text + "\n" + r);
    }
    for (String code : new String[] {"0", "1", "2", "3", "4", "5", "6", "7", "130", "143"}) {
      assertTrue(Pattern.compile("(?m)^  " + code + " {3,}\\S").matcher(r.out()).find(), () -> "no exit code " + code + "\n" + r);
    }
  }

  @Test
  void resumeTakesTheSameConnectionCredentialStateAndOutputOptionsAsSubmitting() {
    // given
    String[] shared = {"--parallel", "--wait", "--wait-timeout", "--endpoint", "--timeout",
        "--retries", "--calls-per-minute", "--https-proxy", "--verbose", "--profile", "--credentials", "--json", "--quiet"};
    // when
    Cli.Result main = Cli.refreshCdn("--help").run();
    Cli.Result resume = Cli.refreshCdn("resume", "--help").run();
    // then
    assertEquals(0, resume.exit(), resume::toString);
    for (String option : shared) {
      Matcher inMain = Pattern.compile("(?m)^ +(-\\w, )?" + Pattern.quote(option) + "[=\\s].*$").matcher(main.out());
      assertTrue(inMain.find(), () -> "help lacks " + option + "\n" + main);
      assertTrue(resume.out().contains(inMain.group().strip()), () -> "resume --help differs on " + option + "\n" + resume);
    }
  }

  /** The lines of {@code option} in a help text, up to the next option. */
  private static String option(Cli.Result help, String option) {
    // Options start within the first few columns; their descriptions continue further right.
    Matcher m = Pattern.compile("(?ms)^ {1,8}(-\\w, )?" + Pattern.quote(option) + "[=\\s].*?(?=^ {1,8}-|^\\S|\\z)")
        .matcher(help.out());
    assertTrue(m.find(), () -> "help lacks " + option + "\n" + help);
    return m.group();
  }

  @Test
  void eachSubcommandDescribesItsOwnStateDirDailyQuotaAndApi() {
    // when
    Cli.Result main = Cli.refreshCdn("--help").run();
    Cli.Result resume = Cli.refreshCdn("resume", "--help").run();
    Cli.Result status = Cli.refreshCdn("status", "--help").run();
    Cli.Result quota = Cli.refreshCdn("quota", "--help").run();
    // then: no option speaks of what its command does not have
    assertTrue(option(main, "--state-dir").contains("a dry run and"), main::toString);
    assertFalse(option(resume, "--state-dir").contains("dry run"), resume::toString);
    assertFalse(option(resume, "--state-dir").contains("--emulator"), resume::toString);
    assertTrue(option(resume, "--daily-quota").contains("the job's own"), resume::toString);
    assertFalse(option(resume, "--daily-quota").contains("--dir"), resume::toString);
    assertFalse(option(resume, "--daily-quota").contains("--api"), resume::toString);
    assertTrue(option(status, "--api").contains("DescribePurgeTasks"), status::toString);
    assertFalse(option(status, "--api").contains("RefreshCdnUrl"), status::toString);
    assertFalse(option(status, "--api").contains("PurgeUrlsCache"), status::toString);
    assertTrue(option(quota, "--daily-quota").contains("API 3.0 reports the quota itself"), quota::toString);
  }

  @Test
  void pathsAndEndpointsAreNeverBrokenAcrossLines() {
    // given
    String state = "$HOME/.refresh-cdn";
    String tccli = "~/.tccli/NAME.credential";
    String endpoint = "https://cdn.tencentcloudapi.com/";
    Map<String, List<String>> expected = Map.of("--help", List.of(state, tccli, endpoint,
        "~/.tencentcloud/credentials", "https://cdn.api.qcloud.com/v2/index.php"), "resume", List.of(state, tccli,
        endpoint), "jobs", List.of(state), "status", List.of(tccli, endpoint), "quota", List.of(state, tccli, endpoint));
    expected.forEach((command, texts) -> {
      // when
      Cli.Result help = (command.equals("--help") ? Cli.refreshCdn("--help") : Cli.refreshCdn(command, "--help")).run();
      // then
      for (String text : texts) {
        assertTrue(help.out().contains(text), () -> command + " --help breaks " + text + "\n" + help);
      }
    });
  }

  @Test
  void versionIsTheMavenProjectVersion() throws Exception {
    // given
    Matcher pom = Pattern.compile("<artifactId>refresh-cdn</artifactId>\\s*<version>([^<]+)</version>")
        .matcher(Files.readString(Cli.BASEDIR.resolve("pom.xml")));
    assertTrue(pom.find());
    // when
    Cli.Result r = Cli.refreshCdn("--version").run();
    // then
    assertEquals(0, r.exit(), r::toString);
    assertEquals("refresh-cdn " + pom.group(1), r.out().strip());
  }

  @Test
  void anUnknownOptionIsAUsageErrorWithExitCode2AndUnderJsonAUsageDocument() throws Exception {
    // when
    Cli.Result r = Cli.refreshCdn("--json", "--no-such-option", "https://www.test.com/1.jpg").withCredentials().run();
    // then
    assertEquals(2, r.exit(), r::toString);
    assertTrue(r.err().contains("--no-such-option"), r::toString);
    Map<String, Object> doc = JSON.std.mapFrom(r.out());
    assertEquals("usage", doc.get("status"), r::toString);
    assertEquals(2, doc.get("exit_code"), r::toString);
    assertTrue(String.valueOf(doc.get("message")).contains("--no-such-option"), r::toString);
    assertEquals(List.of(), doc.get("tasks"), r::toString);
    assertFalse(r.all().contains(Cli.SECRET_KEY));
  }
}
