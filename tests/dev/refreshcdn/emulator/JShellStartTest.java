package dev.refreshcdn.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.jr.ob.JSON;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;

/** The emulator can be started from JShell, one of the three ways the issue asks for. */
class JShellStartTest {

  private static String eval(JShell shell, String code) {
    List<SnippetEvent> events = shell.eval(code);
    SnippetEvent last = events.get(events.size() - 1);
    assertNull(last.exception(), () -> code + " threw " + last.exception());
    assertEquals(Snippet.Status.VALID, last.status(), () -> code + ": " + shell.diagnostics(last.snippet()).toList());
    return last.value();
  }

  @Test
  void aJShellSnippetStartsAnEmulatorThatAnswersOverHttp() throws Exception {
    // given: JShell's own engine, a JVM of its own, as the jshell tool runs snippets. The in-process "local" engine
    // joins the threads a snippet starts before the snippet returns: the server's, here (a hang seen under load).
    try (JShell shell = JShell.builder().build()) {
      shell.addToClasspath(location(Emulator.class));
      shell.addToClasspath(location(JSON.class));
      shell.addToClasspath(location(com.fasterxml.jackson.core.JsonFactory.class));
      eval(shell, "import dev.refreshcdn.emulator.Emulator;");
      eval(shell, "Emulator emu = Emulator.builder().account(\"AKIDjshell\", \"key\", \"www.test.com\").start();");
      int port = Integer.parseInt(eval(shell, "emu.port()"));
      // when
      HttpResponse<String> r = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/index.php?Action=RefreshCdnUrl"))
              .timeout(java.time.Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      // then
      assertEquals(200, r.statusCode());
      assertEquals(4000, JSON.std.mapFrom(r.body()).get("code"));
      assertEquals("1", eval(shell, "emu.requests().size()"));
      eval(shell, "emu.close();");
    }
  }

  private static String location(Class<?> type) throws Exception {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }
}
