package dev.refreshcdn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refreshcdn.emulator.Emulator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exit codes as the shell sees them, through ./jbang: RefreshCdn.java's main passes RefreshCdnCli's code to
 * System.exit. The logic behind each code is tested in-process; this is the end-to-end check, once per code.
 */
class ExitCodesIT {
  @Test
  void eachOutcomeReachesTheShellAsItsExitCode(@TempDir Path stateDir) {
    try (Emulator emu = Emulator.builder().account(Cli.SECRET_ID, Cli.SECRET_KEY, "www.test.com")
        .dailyUrlQuota(1).start()) {
      String endpoint = emu.endpointV3().toString();
      String state = stateDir.toString();
      // when
      Cli.Result ok = Cli.refreshCdn("--endpoint", endpoint, "--state-dir", state, "https://www.test.com/1")
          .withCredentials().run();
      Cli.Result usage = Cli.refreshCdn("--api", "v4", "https://www.test.com/1").run();
      Cli.Result refused = Cli.refreshCdn("--endpoint", endpoint, "--state-dir", state,
          "https://unknown.example.com/1").withCredentials().run();
      Cli.Result noAnswer = Cli.refreshCdn("--endpoint", "http://127.0.0.1:1/", "--retries", "0", "--state-dir",
          state, "https://www.test.com/2").withCredentials().run();
      Cli.Result quota = Cli.refreshCdn("--endpoint", endpoint, "--state-dir", state, "https://www.test.com/3")
          .withCredentials().run();
      // then
      assertEquals(0, ok.exit(), ok::toString);
      assertEquals(2, usage.exit(), usage::toString);
      assertTrue(usage.err().contains("expected v2 or v3: v4"), usage::toString);
      assertEquals(3, refused.exit(), refused::toString);
      assertEquals(4, noAnswer.exit(), noAnswer::toString);
      assertEquals(5, quota.exit(), quota::toString);
    }
  }
}
