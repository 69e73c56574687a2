package dev.refreshcdn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.refreshcdn.Api;
import dev.refreshcdn.Refresh;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The commands printed for later work as printed: the options the user must repeat, and no others. */
class FollowUpTest {
  private static final Map<String, String> HOME = Map.of("HOME", "/home/ci");

  @Test
  void aResumeNamesAStateDirectoryThatIsNotTheDefaultAndTheCredentialOptionsButNotTheJournaledEndpoint() {
    // given
    FollowUp followUp = new FollowUp(Path.of("/tmp/state"), HOME).target(Api.V3, URI.create("http://127.0.0.1:9/"))
        .credentials("prod", Path.of("/tmp/my creds.json"));
    // then
    assertEquals("refresh-cdn resume j1 --state-dir /tmp/state --profile prod --credentials '/tmp/my creds.json'",
        followUp.resume("j1"));
    assertEquals("refresh-cdn resume j1", new FollowUp(Path.of("/home/ci/.refresh-cdn"), HOME).resume("j1"));
  }

  @Test
  void aRelativeCredentialsFileIsNamedByItsAbsolutePathSoTheHintWorksFromAnyDirectory() {
    // when
    String hint = new FollowUp(null, HOME).target(Api.V3, Refresh.DEFAULT_ENDPOINT)
        .credentials(null, Path.of("creds/../cred.json")).resume("j1");
    // then
    assertEquals("refresh-cdn resume j1 --credentials " + Path.of("cred.json").toAbsolutePath(), hint);
  }

  @Test
  void theCommandsAreSpelledAsTheLauncherSaysTheUserRunsIt() {
    // given
    Map<String, String> env = Map.of("HOME", "/home/ci", FollowUp.COMMAND_VARIABLE, "./jbang refresh-cdn");
    // then
    assertEquals("./jbang refresh-cdn resume j1", new FollowUp(Path.of("/home/ci/.refresh-cdn"), env).resume("j1"));
    assertEquals("./jbang refresh-cdn status --task 1",
        new FollowUp(null, env).target(Api.V3, Refresh.DEFAULT_ENDPOINT).status(List.of("1")));
  }

  @Test
  void aStatusQueryNamesTheLegacyApiAndAnEndpointThatIsNotTheDefault() {
    assertEquals("refresh-cdn status --api v2 --endpoint http://127.0.0.1:9/v2/index.php --task 1 --task 2",
        new FollowUp(null, HOME).target(Api.V2, URI.create("http://127.0.0.1:9/v2/index.php")).status(List.of("1", "2")));
    assertEquals("refresh-cdn status --api v3 --task 1 --profile prod",
        new FollowUp(null, HOME).target(Api.V3, Refresh.DEFAULT_ENDPOINT).credentials("prod", null)
            .status(List.of("1")));
  }

  @Test
  void aStatusQueryOnApi3NamesItOnlyWhenTheEnvironmentWouldPickAnother() {
    assertEquals("refresh-cdn status --task 1",
        new FollowUp(null, HOME).target(Api.V3, Refresh.DEFAULT_ENDPOINT).status(List.of("1")));
    assertEquals("refresh-cdn status --api v3 --task 1",
        new FollowUp(null, Map.of(Choices.API_VARIABLE, "v2")).target(Api.V3, Refresh.DEFAULT_ENDPOINT)
            .status(List.of("1")));
    assertEquals("refresh-cdn status --api v2 --task 1",
        new FollowUp(null, HOME).target(Api.V2, Refresh.LEGACY_ENDPOINT).status(List.of("1")));
  }
}
