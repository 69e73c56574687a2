package dev.refreshcdn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.refreshcdn.emulator.Emulator;
import dev.refreshcdn.emulator.RecordedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where the key pair comes from when the environment has none: tccli's profile files and the SDK's INI file in HOME.
 * The emulator checks every signature, so an accepted request proves the right key was read.
 */
class CredentialsTest {
  private Emulator emu;

  @BeforeEach
  void startEmulator() throws IOException {
    removeCredentialFiles();
    emu = Emulator.builder().account(Cli.SECRET_ID, Cli.SECRET_KEY, "www.test.com").start();
  }

  @AfterEach
  void stopEmulator() throws IOException {
    emu.close();
    removeCredentialFiles();
  }

  private static void removeCredentialFiles() throws IOException {
    for (String dir : new String[] {".tccli", ".tencentcloud"}) {
      Path path = Cli.HOME.resolve(dir);
      if (Files.exists(path)) {
        try (Stream<Path> files = Files.walk(path)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  private static void write(String relative, String text) throws IOException {
    Path file = Cli.HOME.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void readsTheDefaultTccliProfileFromHome() throws Exception {
    // given
    write(".tccli/default.credential", "{\n  \"secretId\": \"" + Cli.SECRET_ID + "\",\n  \"secretKey\": \""
        + Cli.SECRET_KEY + "\"\n}\n");
    // when
    Cli.Result r = InProcess.refreshCdn("--api", "v2", "--endpoint", emu.endpoint().toString(), "-v", "https://www.test.com/1.jpg").run();
    // then
    assertEquals(0, r.exit(), r::toString);
    assertTrue(emu.requests().get(0).accepted());
    assertTrue(r.err().contains("AKID****1234 from tccli file " + Cli.HOME.resolve(".tccli/default.credential")), r::toString);
    assertFalse(r.all().contains(Cli.SECRET_KEY));
  }

  @Test
  void theProfileOptionPicksAnotherTccliProfileAndIgnoresTheEnvironment() throws Exception {
    // given
    write(".tccli/prod.credential", "{\"secretId\": \"" + Cli.SECRET_ID + "\", \"secretKey\": \"" + Cli.SECRET_KEY + "\"}");
    // when: the environment holds a wrong pair, which --profile overrides
    Cli.Result r = InProcess.refreshCdn("--api", "v2", "--profile", "prod", "--endpoint", emu.endpoint().toString(), "https://www.test.com/1.jpg")
        .env("TENCENTCLOUD_SECRET_ID", "AKIDwrong").env("TENCENTCLOUD_SECRET_KEY", "wrong").run();
    // then
    assertEquals(0, r.exit(), r::toString);
    assertTrue(emu.requests().get(0).accepted());
  }

  @Test
  void aProfileWhoseApiSettingIsV3SendsPurgeUrlsCache() throws Exception {
    // given
    write(".tencentcloud/credentials", "[default]\nsecret_id = " + Cli.SECRET_ID + "\nsecret_key = " + Cli.SECRET_KEY
        + "\napi = v3\n");
    // when
    Cli.Result r = InProcess.refreshCdn("--endpoint", emu.endpointV3().toString(), "--state-dir",
        Files.createTempDirectory("profile-api").toString(), "https://www.test.com/1.jpg").run();
    // then
    assertEquals(0, r.exit(), r::toString);
    assertEquals(List.of("DescribePurgeQuota", "PurgeUrlsCache"),
        emu.requests().stream().map(RecordedRequest::action).collect(java.util.stream.Collectors.toList()));
  }

  @Test
  void readsTheSdkCredentialsFileWhenThereIsNoTccliProfile() throws Exception {
    // given
    write(".tencentcloud/credentials", "[other]\nsecret_id = AKIDother\nsecret_key = other\n\n[default]\n"
        + "secret_id = " + Cli.SECRET_ID + "\nsecret_key = " + Cli.SECRET_KEY + "\n");
    // when
    Cli.Result r = InProcess.refreshCdn("--api", "v2", "--endpoint", emu.endpoint().toString(), "https://www.test.com/1.jpg").run();
    // then
    assertEquals(0, r.exit(), r::toString);
    assertTrue(emu.requests().get(0).accepted());
  }

  @Test
  void missingCredentialsExit2NamingEveryPlaceLookedAtAndUnderJsonPrintAUsageDocument() throws Exception {
    // when
    Cli.Result r = InProcess.refreshCdn("--api", "v2", "--json", "--endpoint", emu.endpoint().toString(), "https://www.test.com/1.jpg").run();
    // then
    assertEquals(2, r.exit(), r::toString);
    assertTrue(r.err().contains("TENCENTCLOUD_SECRET_ID"), r::toString);
    assertTrue(r.err().contains(Cli.HOME.resolve(".tccli/default.credential").toString()), r::toString);
    assertTrue(r.err().contains(Cli.HOME.resolve(".tencentcloud/credentials").toString()), r::toString);
    Map<String, Object> doc = JSON.std.mapFrom(r.out());
    assertEquals("usage", doc.get("status"), r::toString);
    assertEquals(2, doc.get("exit_code"), r::toString);
    assertTrue(String.valueOf(doc.get("message")).startsWith("no credentials found"), r::toString);
    assertEquals(List.of(), doc.get("tasks"), r::toString);
    assertEquals(0, emu.requests().size());
  }
  @Test
  void badInputIsReportedBeforeMissingCredentials() {
    // when: no credentials anywhere, and a bad second line
    Cli.Result r = InProcess.refreshCdn("--api", "v2", "--endpoint", emu.endpoint().toString())
        .stdin("https://www.test.com/1.jpg\nftp://www.test.com/2.jpg\n").run();
    // then
    assertEquals(2, r.exit(), r::toString);
    assertTrue(r.err().contains("line 2"), r::toString);
    assertFalse(r.all().contains("no credentials found"), r::toString);
    assertEquals(0, emu.requests().size());
  }
}
