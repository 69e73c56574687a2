package dev.refreshcdn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refreshcdn.EchoServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the command line shows of a hostile server's answers: terminal escapes escaped, huge bodies not read. */
class HostileServerIT {
  @TempDir
  Path state;

  @Test
  void terminalEscapesInARefusalReachNeitherTheTerminalNorTheJournalRaw() {
    // given
    try (EchoServer server = EchoServer.start(request -> EchoServer.Reply.of(200,
        "{\"code\":4000,\"codeDesc\":\"\\u001b[1mX\",\"message\":\"(9110)\\u001b]0;owned\\u0007 no such host\"}"))) {
      // when
      Cli.Result r = Cli.refreshCdn("--api", "v2", "--endpoint", server.endpoint("/v2/index.php"), "--state-dir",
          state.toString(), "--retries", "0", "https://www.test.com/a.js").withCredentials().run();
      Cli.Result jobs = Cli.refreshCdn("jobs", "--state-dir", state.toString()).run();
      // then
      assertEquals(Exit.REFUSED, r.exit(), r::toString);
      assertTrue(r.err().contains("codeDesc \\u001b[1mX"), r::toString);
      assertNoControlCharacter(r.all());
      assertNoControlCharacter(jobs.all());
    }
  }

  @Test
  void terminalEscapesInAnHtmlErrorBodyAreShownEscapedAlsoInJson() {
    // given
    try (EchoServer server = EchoServer.start(request -> EchoServer.Reply.of(502,
        "<html>\u001b[2J\u001b[31mBad gateway</html>"))) {
      // when
      Cli.Result text = Cli.refreshCdn("--api", "v3", "--endpoint", server.endpoint("/"), "--state-dir",
          state.toString(), "--retries", "0", "https://www.test.com/a.js").withCredentials().run();
      Cli.Result json = Cli.refreshCdn("--api", "v3", "--endpoint", server.endpoint("/"), "--state-dir",
          state.toString(), "--retries", "0", "--json", "https://www.test.com/a.js").withCredentials().run();
      // then
      assertEquals(Exit.NO_ANSWER, text.exit(), text::toString);
      assertTrue(text.err().contains("<html>\\u001b[2J\\u001b[31mBad gateway</html>"), text::toString);
      assertNoControlCharacter(text.all());
      assertEquals(Exit.NO_ANSWER, json.exit(), json::toString);
      assertNoControlCharacter(json.all());
    }
  }

  @Test
  void aTwoHundredMegabyteErrorBodyIsNotReadIntoASixtyFourMegabyteHeap() throws InterruptedException {
    // given
    try (EchoServer server = EchoServer.start(request -> EchoServer.Reply.huge(400, 200L * 1024 * 1024))) {
      // when
      Cli.Result r = Cli.refreshCdn("--api", "v3", "--endpoint", server.endpoint("/"), "--state-dir",
          state.toString(), "--retries", "0", "https://www.test.com/a.js").withCredentials()
          .env("JDK_JAVA_OPTIONS", "-Xmx64m").run();
      // then
      assertEquals(Exit.NO_ANSWER, r.exit(), r::toString);
      assertTrue(r.err().contains("unexpected HTTP status (HTTP 400), body: xxxxxxxx"), r::toString);
      assertFalse(r.all().contains("OutOfMemoryError"), r::toString);
      long written = server.bytesWritten();
      assertTrue(written < 200L * 1024 * 1024, () -> written + " bytes were written");
    }
  }

  private static void assertNoControlCharacter(String text) {
    // line ends are the command's own
    assertTrue(text.chars().noneMatch(c -> c != '\n' && c != '\r' && c != '\t' && Character.isISOControl(c)), text);
  }
}
