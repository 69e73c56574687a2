package dev.refreshcdn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The "request n of m" line redrawn on a terminal, and silence elsewhere. */
class ProgressTest {
  @Test
  void redrawsOneLineAndClearsIt() {
    // given
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    // when
    Progress progress = new Progress(err, 3, true);
    progress.advance(1000);
    progress.advance(1000);
    progress.advance(500);
    progress.clear();
    // then
    assertEquals("\rsending request 1 of 3…\r1 of 3 requests sent (1000 URLs); sending request 2…"
        + "\r2 of 3 requests sent (2000 URLs); sending request 3…\r\033[K", bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void printsNothingWhenDisabled() {
    // given
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    // when
    Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), 2, false);
    progress.advance(1);
    progress.clear();
    // then
    assertEquals(0, bytes.size());
  }
}
