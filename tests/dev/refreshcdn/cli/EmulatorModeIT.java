package dev.refreshcdn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refreshcdn.Refresh;
import dev.refreshcdn.Submission;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** --emulator (the README's first command) and the emulator subcommand. */
class EmulatorModeIT {
  @Test
  void theEmulatorFlagSubmitsToAnInProcessEmulatorsApi3AndSaysSo() {
    // when: no credentials anywhere
    Cli.Result r = Cli.refreshCdn("--emulator", "https://www.test.com/1.jpg", "https://img.test.com/2.jpg").run();
    // then
    assertEquals(0, r.exit(), r::toString);
    String[] lines = r.out().split("\n");
    assertTrue(lines[0].matches("\\[emulator] http://127\\.0\\.0\\.1:\\d+/ — nothing leaves this machine"), r::toString);
    assertTrue(lines[1].matches("task \\S+: 1 URL, first https://www.test.com/1.jpg"), r::toString);
    assertTrue(lines[2].matches("task \\S+: 1 URL, first https://img.test.com/2.jpg"), r::toString); // one domain a request
    assertTrue(r.out().contains("Submitted 2 URLs in 2 tasks to the emulator."), r::toString);
  }

  @Test
  void withoutAStateDirectoryTheUrlsNotAcceptedArePrintedEvenWithQuiet() {
    // when: --emulator keeps no state; a quota of 1 URL a day for 3 URLs, one a request
    Cli.Result r = Cli.refreshCdn("--emulator", "-q", "--daily-quota", "1", "--batch-size", "1",
        "https://www.test.com/1", "https://www.test.com/2", "https://www.test.com/3").run();
    // then: the task id, then the only record of the rest
    assertEquals(5, r.exit(), r::toString);
    assertTrue(r.out().matches("\\S+\n# 2 URLs pending \\(not accepted yet\\):\nhttps://www.test.com/2\n"
        + "https://www.test.com/3\n"), r::toString);
    assertTrue(r.err().contains("No state directory was kept, so they are listed on stdout"), r::toString);
  }

  @Test
  void theEmulatorCommandPrintsAnExportLineAndLogsEachRequestUntilStopped() throws Exception {
    // given
    try (Cli.Running emulator = Cli.refreshCdn("emulator", "--domain", "www.test.com", "--domain", "img.test.com").start()) {
      Matcher endpoint = Pattern.compile("API 3\\.0: (\\S+)").matcher(emulator.await(line -> line.contains("API 3.0:")));
      assertTrue(endpoint.find());
      Matcher export = Pattern.compile("export TENCENTCLOUD_SECRET_ID=(\\S+) TENCENTCLOUD_SECRET_KEY=(\\S+)")
          .matcher(emulator.await(line -> line.startsWith("export ")));
      assertTrue(export.find());
      // when
      Submission submission = Refresh.urls("https://img.test.com/1.jpg").endpoint(endpoint.group(1))
          .credentials(export.group(1), export.group(2)).batch().submit();
      // then
      assertEquals(1, submission.tasks().size());
      String log = emulator.await(line -> line.contains("PurgeUrlsCache"));
      assertTrue(!log.contains(export.group(2)), "the log line shows no key: " + log);
    }
  }
  @Test
  void theEmulatorCommandRefusesAnInvalidPortWithoutAStackTrace() {
    // when
    Cli.Result r = Cli.refreshCdn("emulator", "--port", "70000").run();
    // then
    assertEquals(2, r.exit(), r::toString);
    assertTrue(r.err().contains("refresh-cdn emulator: port must be between 0 and 65535: 70000\n"), r::toString);
    assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r::toString);
  }
}
