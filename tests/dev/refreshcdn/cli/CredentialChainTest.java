package dev.refreshcdn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the key pair comes from, on a temporary HOME: environment, tccli JSON, the SDK's INI file, or a named file. */
class CredentialChainTest {
  private static final String ID = "AKIDunitTESTexampleEXAMPLE5678";
  private static final String KEY = "unitTestSecretKeyNeverShown";

  @TempDir Path home;

  private void write(String relative, String text) throws IOException {
    Path file = home.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static String tccliJson(String id, String key) {
    return "{\n  \"secretId\": \"" + id + "\",\n  \"secretKey\": \"" + key + "\"\n}\n";
  }

  private Creds resolve(Map<String, String> env) {
    return new CredentialChain(env, home).resolve(null, null, false);
  }

  @Test
  void theEnvironmentComesFirstWithItsSessionToken() throws IOException {
    // given
    write(".tccli/default.credential", tccliJson("AKIDfile", "fileKey"));
    // when
    Creds c = resolve(Map.of("TENCENTCLOUD_SECRET_ID", " " + ID + " ", "TENCENTCLOUD_SECRET_KEY", KEY,
        "TENCENTCLOUD_SECURITY_TOKEN", "tok"));
    // then
    assertEquals(ID, c.secretId());
    assertEquals(KEY, c.secretKey());
    assertEquals("tok", c.token());
    assertEquals("AKID****5678 with a session token from the environment (TENCENTCLOUD_SECRET_ID)", c.describe());
  }

  @Test
  void aProfileCanSetTheApiInTccliJsonOrTheSdkIni() throws IOException {
    // given
    write(".tccli/default.credential", "{\"secretId\": \"" + ID + "\", \"secretKey\": \"" + KEY
        + "\", \"api\": \"v3\"}");
    write(".tencentcloud/credentials", "[prod]\nsecret_id = " + ID + "\nsecret_key = " + KEY + "\napi = v2\n");
    CredentialChain chain = new CredentialChain(Map.of(), home);
    // then
    assertEquals("v3", chain.apiSetting(null, null));
    assertEquals("v2", chain.apiSetting("prod", null));
    assertNull(new CredentialChain(Map.of("TENCENTCLOUD_SECRET_ID", ID, "TENCENTCLOUD_SECRET_KEY", KEY), home)
        .apiSetting(null, null), "keys from the environment come with no profile");
    assertNull(new CredentialChain(Map.of(), home.resolve("nowhere")).apiSetting(null, null), "no credentials");
  }

  @Test
  void halfAKeyPairInTheEnvironmentIsAUsageError() {
    // when
    UsageException e = assertThrows(UsageException.class, () -> resolve(Map.of("TENCENTCLOUD_SECRET_ID", ID)));
    // then
    assertEquals("TENCENTCLOUD_SECRET_KEY is not set but TENCENTCLOUD_SECRET_ID is: set both", e.getMessage());
  }

  @Test
  void thenTheTccliProfileNamedByTccliProfile() throws IOException {
    // given
    write(".tccli/prod.credential", "{\"secretId\": \"" + ID + "\", \"secretKey\": \"" + KEY + "\", \"token\": \"t\"}");
    write(".tccli/default.credential", tccliJson("AKIDdefault", "defaultKey"));
    // when
    Creds c = resolve(Map.of("TCCLI_PROFILE", "prod"));
    // then
    assertEquals(ID, c.secretId());
    assertEquals("t", c.token());
    assertEquals("tccli file " + home.resolve(".tccli/prod.credential"), c.source());
  }

  @Test
  void thenTheSdkIniFileSectionOfTheProfile() throws IOException {
    // given
    write(".tencentcloud/credentials", "# comment\r\n[other]\r\nsecret_id = AKIDother\r\nsecret_key = other\r\n\r\n"
        + "[default]\r\nSECRET_ID = " + ID + "\r\n; another comment\r\nsecret_key=" + KEY + "\r\n");
    // when
    Creds c = resolve(Map.of());
    // then
    assertEquals(ID, c.secretId());
    assertEquals(KEY, c.secretKey());
    assertNull(c.token());
    assertEquals(home.resolve(".tencentcloud/credentials") + " [default]", c.source());
  }

  @Test
  void theProfileOptionSkipsTheEnvironment() throws IOException {
    // given
    write(".tccli/prod.credential", tccliJson(ID, KEY));
    Map<String, String> env = Map.of("TENCENTCLOUD_SECRET_ID", "AKIDenv", "TENCENTCLOUD_SECRET_KEY", "envKey");
    // when
    Creds c = new CredentialChain(env, home).resolve("prod", null, false);
    // then
    assertEquals(ID, c.secretId());
  }

  @Test
  void anExplicitFileIsTheOnlySourceAndMustHaveTheSection(@TempDir Path dir) throws IOException {
    // given
    Path file = dir.resolve("creds.ini");
    Files.writeString(file, "[prod]\nsecret_id = " + ID + "\nsecret_key = " + KEY + "\n");
    Map<String, String> env = Map.of("TENCENTCLOUD_SECRET_ID", "AKIDenv", "TENCENTCLOUD_SECRET_KEY", "envKey");
    CredentialChain chain = new CredentialChain(env, home);
    // when
    Creds prod = chain.resolve("prod", file, false);
    UsageException missing = assertThrows(UsageException.class, () -> chain.resolve(null, file, false));
    // then
    assertEquals(ID, prod.secretId());
    assertEquals("credentials file " + file + " has no [default] section", missing.getMessage());
  }

  @Test
  void aFileWithoutTheKeyIsAUsageErrorThatShowsNoSecret() throws IOException {
    // given
    write(".tccli/default.credential", "{\"secretId\": \"" + ID + "\", \"type\": \"role\"}");
    // when
    UsageException e = assertThrows(UsageException.class, () -> resolve(Map.of()));
    // then
    assertTrue(e.getMessage().contains("lacks secretId or secretKey (role-based profiles are not supported)"),
        e.getMessage());
    assertFalse(e.getMessage().contains(ID));
  }

  @Test
  void brokenJsonIsAUsageErrorThatQuotesNoneOfTheFile() throws IOException {
    // given: a key pasted without quotes
    write(".tccli/default.credential", "{\"secretId\": \"" + ID + "\", \"secretKey\": " + KEY + "}");
    // when
    UsageException e = assertThrows(UsageException.class, () -> resolve(Map.of()));
    // then
    assertTrue(e.getMessage().startsWith("credentials file " + home.resolve(".tccli/default.credential")
        + " is not valid JSON"), e.getMessage());
    assertFalse(e.getMessage().contains(KEY), e.getMessage());
  }

  @Test
  void aMissNamesEveryPlaceLookedAt() throws IOException {
    // given: an SDK file without the default section
    write(".tencentcloud/credentials", "[other]\nsecret_id = AKIDother\nsecret_key = other\n");
    // when
    UsageException e = assertThrows(UsageException.class, () -> resolve(Map.of()));
    // then
    assertEquals("no credentials found; looked at:\n"
        + "  - environment: TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY (not set)\n"
        + "  - tccli profile \"default\": " + home.resolve(".tccli/default.credential") + " (no such file)\n"
        + "  - " + home.resolve(".tencentcloud/credentials") + " (no [default] section)\n"
        + "Set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY, run `tccli configure`, or pass --credentials FILE. "
        + "To try refresh-cdn without an account: --emulator", e.getMessage());
  }

  @Test
  void aDryRunWithoutCredentialsIsSignedWithAPlaceholderThatSaysWhereItLooked() {
    // when
    Creds c = new CredentialChain(Map.of(), home).resolve(null, null, true);
    // then
    assertTrue(c.placeholder());
    assertTrue(c.describe().startsWith("a PLACEHOLDER key pair, so the service would refuse these signatures (no "
        + "credentials found; looked at: environment: "), c.describe());
    assertTrue(c.describe().contains(home.resolve(".tencentcloud/credentials").toString()), c.describe());
  }

  @Test
  void toStringShowsNeitherTheKeyNorTheToken() {
    // given
    Creds c = new Creds(ID, KEY, "sessionTokenValue", "a test", false);
    // when
    String text = c.toString();
    // then
    assertEquals("Creds[AKID****5678 with a session token from a test]", text);
    assertFalse(text.contains(KEY));
  }

  @Test
  void homeIsTheHomeVariableUnlessItIsBlank() {
    // then
    assertEquals(Path.of("/home/a"), Home.directory("/home/a", "/home/b"));
    assertEquals(Path.of("/home/b"), Home.directory(" ", "/home/b"));
    assertEquals(Path.of("/home/b"), Home.directory(null, "/home/b"));
  }
  @Test
  void aByteOrderMarkBeforeTccliJsonIsIgnored() throws IOException {
    // given
    write(".tccli/default.credential", "\uFEFF" + tccliJson(ID, KEY));
    // when
    Creds c = resolve(Map.of());
    // then
    assertEquals(ID, c.secretId());
    assertEquals(KEY, c.secretKey());
  }

  @Test
  void aByteOrderMarkBeforeTheIniFileIsIgnored() throws IOException {
    // given: the BOM right before the [default] line
    write(".tencentcloud/credentials", "\uFEFF[default]\nsecret_id = " + ID + "\nsecret_key = " + KEY + "\n");
    // when
    Creds c = resolve(Map.of());
    // then
    assertEquals(ID, c.secretId());
    assertEquals(KEY, c.secretKey());
  }
}
