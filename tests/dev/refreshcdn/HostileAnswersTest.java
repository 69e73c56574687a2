package dev.refreshcdn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answers a careless or hostile server sends, through real HTTP on loopback: echoes of the request (which
 * hold the token and the signature), terminal escapes, bodies of hundreds of megabytes.
 */
class HostileAnswersTest {
  static final String SECRET_ID = "AKIDhostileTESTexample000000001234";
  static final String SECRET_KEY = "hostileTestSecretKeyNeverShown0042";
  /** With {@code /}, {@code +} and {@code =}, as temporary keys' tokens have: its encoded forms differ. */
  static final String TOKEN = "sessTok/EN+hostile=TOKEN/value+0042==";

  @TempDir
  Path stateDir;
  private EchoServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private Refresh refresh(Api api, Function<EchoServer.Request, EchoServer.Reply> answers) {
    server = EchoServer.start(answers);
    return Refresh.urls("https://www.test.com/a.js", "https://www.test.com/b.js")
        .api(api).endpoint(server.endpoint(api == Api.V3 ? "/" : "/v2/index.php"))
        .credentials(SECRET_ID, SECRET_KEY, TOKEN).stateDir(stateDir).retries(0);
  }

  /** Everything a failure leaves: its message, its parts, its cause chain and every file of the state directory. */
  private String everything(RefreshException e) throws IOException {
    List<String> texts = new ArrayList<>();
    for (Throwable t = e; t != null; t = t.getCause()) {
      texts.add(t.toString());
    }
    if (e instanceof RefusedException) {
      RefusedException refused = (RefusedException) e;
      texts.add(refused.code() + " " + refused.codeDesc() + " " + refused.message() + " " + refused.requestId());
    }
    if (e instanceof NoAnswerException) {
      texts.add(((NoAnswerException) e).bodyExcerpt().orElse(""));
    }
    try (Stream<Path> files = Files.walk(stateDir)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        texts.add(Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    return String.join("\n", texts);
  }

  private void assertNoSecret(String text) {
    List<String> secrets = new ArrayList<>(List.of(SECRET_KEY, TOKEN, SECRET_ID, "sessTok", "TOKEN/value",
        "TOKEN%2Fvalue", "TOKEN%2fvalue", "TOKEN\\/value"));
    secrets.addAll(server.signatures());
    assertFalse(server.signatures().isEmpty(), "the server saw no signature");
    for (String secret : secrets) {
      assertFalse(text.contains(secret), () -> "found " + secret + " in:\n" + text);
    }
    for (String signature : server.signatures()) {
      // a message cut short must not show the start of one either
      String start = signature.substring(0, Math.min(12, signature.length()));
      assertFalse(text.contains(start), () -> "found " + start + ", the start of a signature, in:\n" + text);
    }
  }

  @Test
  void aLegacyHttp400EchoingTheFormShowsNeitherTokenNorSignatureInTheExcerptOrTheJournal() throws IOException {
    // given
    Refresh refresh = refresh(Api.V2, request -> EchoServer.Reply.of(400, request.body));
    // when
    NoAnswerException e = assertThrows(NoAnswerException.class, () -> refresh.batch().submit());
    // then
    String all = everything(e);
    assertTrue(e.bodyExcerpt().orElseThrow().contains("Token=" + "<redacted>"), all);
    assertNoSecret(all);
  }

  @Test
  void aLegacyRefusalQuotingTheRequestShowsNeitherTokenNorSignature() throws IOException {
    // given: the body quoted raw and JSON-escaped, where "/" may come as "\/"
    Refresh refresh = refresh(Api.V2, request -> EchoServer.Reply.of(200, "{\"code\":4000,\"codeDesc\":\""
        + json(request.body) + "\",\"message\":\"bad request " + json(request.echo()).replace("/", "\\/") + "\"}"));
    // when
    RefusedException e = assertThrows(RefusedException.class, () -> refresh.batch().submit());
    // then
    String all = everything(e);
    assertTrue(e.message().startsWith("bad request POST /v2/index.php"), all);
    assertNoSecret(all);
  }

  @Test
  void anApi3ErrorMessageHoldingTheHeadersShowsNeitherTokenNorAuthorization() throws IOException {
    // given
    Refresh refresh = refresh(Api.V3, request -> EchoServer.Reply.of(200, "{\"Response\":{\"Error\":{\"Code\":"
        + "\"InvalidParameter\",\"Message\":\"" + json(request.echo()) + "\"},\"RequestId\":\""
        + json(request.headers.get("X-tc-token").get(0)) + "\"}}"));
    // when
    RefusedException e = assertThrows(RefusedException.class, () -> refresh.batch().submit());
    // then
    String all = everything(e);
    assertTrue(e.message().contains("Authorization: " + "<redacted>"), all);
    assertNoSecret(all);
  }

  @Test
  void anApi3AnswerThatIsNotJsonShowsAnExcerptWithoutTheAuthorization() throws IOException {
    // given
    Refresh refresh = refresh(Api.V3, request -> EchoServer.Reply.of(200, "{\"Response\": " + request.echo()));
    // when
    NoAnswerException e = assertThrows(NoAnswerException.class, () -> refresh.batch().submit());
    // then
    String all = everything(e);
    assertTrue(e.getMessage().contains("the answer is not JSON"), all);
    assertTrue(e.bodyExcerpt().orElseThrow().contains("X-tc-token: " + "<redacted>"), all);
    assertNoSecret(all);
  }

  @Test
  void aStatusLineEchoingTheTokenIsCleanedInTheMessageAndTheCause() throws IOException {
    // given: the HTTP stack quotes a status line it cannot parse in its exception
    try (java.net.ServerSocket raw = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Thread answering = new Thread(() -> {
        try (java.net.Socket socket = raw.accept()) {
          socket.getInputStream().read(new byte[65536]);
          socket.getOutputStream().write(("HTTP/1.1 TWO-HUNDRED Token=" + TOKEN + "\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
        } catch (IOException ignored) {
          // the test fails on what the client says
        }
      });
      answering.start();
      Refresh refresh = Refresh.urls("https://www.test.com/a.js").api(Api.V2).endpoint("http://127.0.0.1:" + raw.getLocalPort()
          + "/v2/index.php").credentials(SECRET_ID, SECRET_KEY, TOKEN).stateDir(stateDir).retries(0);
      // when
      NoAnswerException e = assertThrows(NoAnswerException.class, () -> refresh.batch().submit());
      // then
      String all = everything(e);
      assertTrue(all.contains("Token=" + "<redacted>"), all);
      assertFalse(all.contains(TOKEN), all);
    }
  }

  @Test
  void terminalEscapesInACodeDescAndAMessageAreShownEscaped() {
    // given
    Refresh refresh = refresh(Api.V2, request -> EchoServer.Reply.of(200,
        "{\"code\":4000,\"codeDesc\":\"\\u001b[1mX\",\"message\":\"(9110)\\u001b]0;title\\u0007\\u009b2J\"}"));
    // when
    RefusedException e = assertThrows(RefusedException.class, () -> refresh.batch().submit());
    // then
    assertEquals("\\u001b[1mX", e.codeDesc());
    assertEquals("(9110)\\u001b]0;title\\u0007\\u009b2J", e.message());
    assertNoControl(e.getMessage());
  }

  @Test
  void terminalEscapesInAnHtmlErrorBodyAreShownEscapedInTheExcerpt() {
    // given
    Refresh refresh = refresh(Api.V3, request -> EchoServer.Reply.of(502,
        "<html>\u001b[2J\u001b[31mBad gateway\u202e\u0000</html>"));
    // when
    NoAnswerException e = assertThrows(NoAnswerException.class, () -> refresh.batch().submit());
    // then
    assertEquals("<html>\\u001b[2J\\u001b[31mBad gateway\\u202e\\u0000</html>", e.bodyExcerpt().orElseThrow());
    assertNoControl(e.getMessage());
  }

  @Test
  void aTwoHundredMegabyteErrorBodyIsReadOnlyAsFarAsAnExcerptNeeds() throws InterruptedException {
    // given
    Refresh refresh = refresh(Api.V2, request -> EchoServer.Reply.huge(400, 200L * 1024 * 1024));
    // when
    NoAnswerException e = assertThrows(NoAnswerException.class, () -> refresh.batch().submit());
    // then
    assertEquals(400, e.statusCode().orElseThrow());
    assertEquals("x".repeat(NetworkText.EXCERPT_LENGTH) + "…", e.bodyExcerpt().orElseThrow());
    // the client closed the connection long before the end (what was written includes the socket buffers)
    long written = server.bytesWritten();
    assertTrue(written < 200L * 1024 * 1024, () -> written + " bytes were written");
  }

  @Test
  void aTwoHundredAnswerLargerThanAnyDocumentedOneIsNoAnswerAndNotReadWhole() throws InterruptedException {
    // given
    Refresh refresh = refresh(Api.V3, request -> EchoServer.Reply.huge(200, 200L * 1024 * 1024))
        .timeout(Duration.ofMinutes(1));
    // when
    NoAnswerException e = assertThrows(NoAnswerException.class, () -> refresh.batch().submit());
    // then
    assertTrue(e.getMessage().contains("the answer is larger than 32 MiB, the most read of one answer"),
        e.getMessage());
    assertTrue(e.mayHaveReachedService());
    long written = server.bytesWritten();
    assertTrue(written < 200L * 1024 * 1024, () -> written + " bytes were written");
  }

  @Test
  void aPageOfTwentyLongRowsIsReadWhole() {
    // given: twenty rows of 8,000-character URLs, far below the bound
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      rows.append(i == 0 ? "" : ",").append("{\"TaskId\":\"t1\",\"Url\":\"https://www.test.com/").append("p".repeat(8000))
          .append(i).append("\",\"Status\":\"done\",\"PurgeType\":\"url\",\"CreateTime\":\"2026-11-30 10:00:00\"}");
    }
    server = EchoServer.start(request -> EchoServer.Reply.of(200,
        "{\"Response\":{\"PurgeLogs\":[" + rows + "],\"TotalCount\":20,\"RequestId\":\"r\"}}"));
    Account account = Account.of(Refresh.urls().api(Api.V3).endpoint(server.endpoint("/"))
        .credentials(SECRET_ID, SECRET_KEY, TOKEN).retries(0));
    // when
    TaskStatus status = account.taskStatus("t1");
    // then
    assertEquals(TaskStatus.State.DONE, status.state());
    assertEquals(20, status.urls().size());
  }

  private static void assertNoControl(String text) {
    assertTrue(text.chars().noneMatch(c -> Character.isISOControl(c) || c == 0x202e), text);
  }

  /** {@code text} as the inside of a JSON string. */
  private static String json(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
