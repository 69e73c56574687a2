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
    for (String code : new String[] {"0", "1", "2", "3", "4", "5", "6", "7"}) {
      assertTrue(Pattern.compile("(?m)^  " + code + "   \\S").matcher(r.out()).find(), () -> "no exit code " + code + "\n" + r);
    }
  }

  @Test
  void resumeTakesTheSameConnectionCredentialStateAndOutputOptionsAsSubmitting() {
    // given
    String[] shared = {"--state-dir", "--daily-quota", "--parallel", "--wait", "--wait-timeout", "--endpoint", "--timeout",
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
