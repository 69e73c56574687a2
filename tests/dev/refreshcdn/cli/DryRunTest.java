package dev.refreshcdn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.refreshcdn.emulator.Emulator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --dry-run signs every request as it would be sent, prints it redacted and sends nothing. */
class DryRunTest {
  private Emulator emu;

  @BeforeEach
  void startEmulator() {
    emu = Emulator.builder().account(Cli.SECRET_ID, Cli.SECRET_KEY, "www.test.com").start();
  }

  @AfterEach
  void stopEmulator() {
    emu.close();
  }

  @Test
  void aDryRunSaysHowManyUrlsTodaysQuotaLetsThroughWhenTheLedgerKnowsIt(@TempDir Path stateDir) {
    // given: one URL spent today
    Cli.Result sent = InProcess.refreshCdn("--api", "v2", "--endpoint", emu.endpoint().toString(), "--state-dir", stateDir.toString(),
        "https://www.test.com/0").withCredentials().run();
    assertEquals(0, sent.exit(), sent::toString);
    String urls = IntStream.rangeClosed(1, 5).mapToObj(i -> "https://www.test.com/p/" + i)
        .collect(Collectors.joining("\n"));
    // when
    Cli.Result r = InProcess.refreshCdn("--dry-run", "--state-dir", stateDir.toString(), "--daily-quota", "3")
        .stdin(urls).withCredentials().run();
    Cli.Result v3 = InProcess.refreshCdn("--dry-run", "https://www.test.com/1").withCredentials().run();
    // then
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().contains("Quota: 2 URLs left today (--daily-quota 3, less today's ledger in " + stateDir
        + "): 2 of these 5 URLs would be sent today, 3 kept pending (exit 5).\n"), r::toString);
    assertEquals(1, emu.requests().size(), "the dry run sent nothing");
    assertEquals(0, v3.exit(), v3::toString);
    assertFalse(v3.out().contains("Quota:"), "API 3.0 would have to ask the service\n" + v3);
  }

  @Test
  void hostCaseAndAnExplicitDefaultPortMakeNoNewUrl() {
    // when
    Cli.Result r = InProcess.refreshCdn("--dry-run", "https://www.test.com/a", "https://WWW.TEST.COM/a",
        "https://www.test.com:443/a", "http://www.test.com:80/a", "http://www.test.com/a").withCredentials().run();
    // then: one https URL and one http URL, each in its first spelling
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().contains("1 POST request, 2 URLs"), r::toString);
    assertTrue(r.out().contains("(3 duplicates dropped)"), r::toString);
    assertTrue(r.out().contains("https://www.test.com/a … http://www.test.com:80/a"), r::toString);
  }

  @Test
  void aDryRunOfDirectoriesCountsDirectories() {
    // when
    Cli.Result r = InProcess.refreshCdn("--dry-run", "--dir", "https://www.test.com/static/").withCredentials().run();
    // then
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().startsWith("Dry run: 1 POST request, 1 directory, "), r::toString);
    assertTrue(r.out().contains("request 1: 1 directory, "), r::toString);
  }

  @Test
  void aDryRunPrintsEveryRequestRedactedAndSendsNothing() {
    // given
    String urls = IntStream.rangeClosed(1, 2500).mapToObj(i -> "https://www.test.com/p/" + i)
        .collect(Collectors.joining("\n"));
    // when
    Cli.Result r = InProcess.refreshCdn("--api", "v2", "--dry-run", "-v", "-i", "-", "--endpoint", emu.endpoint().toString()).stdin(urls)
        .withCredentials().run();
    // then
    assertEquals(0, r.exit(), r::toString);
    assertEquals(0, emu.requests().size(), "nothing was sent");
    assertTrue(r.out().startsWith("Dry run: 3 POST requests, 2500 URLs"), r::toString);
    assertTrue(r.out().contains("request 1: 1000 URLs"), r::toString);
    assertTrue(r.out().contains("request 3: 500 URLs"), r::toString);
    assertTrue(r.out().contains("https://www.test.com/p/2001 … https://www.test.com/p/2500"), r::toString);
    assertTrue(r.out().contains("SecretId=AKID****1234"), r::toString);
    assertFalse(r.all().contains(Cli.SECRET_KEY), r::toString);
    assertFalse(r.all().contains(Cli.SECRET_ID), r::toString);
    Matcher signatures = Pattern.compile("Signature=([^&\\s]*)").matcher(r.all());
    int count = 0;
    while (signatures.find()) {
      assertEquals("<redacted>", signatures.group(1), r::toString);
      count++;
    }
    assertEquals(3, count, "one redacted preview per request with -v");
  }

  @Test
  void withoutCredentialsADryRunSignsWithALabelledPlaceholder() throws Exception {
    // when: no variables and an empty HOME
    Cli.Result r = InProcess.refreshCdn("--dry-run", "--json", "https://www.test.com/1.jpg", "https://www.test.com/1.jpg").run();
    // then
    assertEquals(0, r.exit(), r::toString);
    Map<String, Object> json = JSON.std.mapFrom(r.out());
    assertEquals(Boolean.TRUE, json.get("dry_run"));
    assertTrue(String.valueOf(json.get("signed_with")).contains("PLACEHOLDER"), r::toString);
    assertTrue(String.valueOf(json.get("signed_with")).contains("TENCENTCLOUD_SECRET_ID"), r::toString);
    assertEquals(1, json.get("duplicates"));
    List<?> requests = (List<?>) json.get("requests");
    assertEquals(1, requests.size());
    Map<?, ?> request = (Map<?, ?>) requests.get(0);
    assertEquals(1, request.get("count"));
    assertEquals("https://www.test.com/1.jpg", request.get("first_url"));
    assertTrue(String.valueOf(request.get("parameters")).endsWith("Signature=<redacted>"), r::toString);
  }
}
