package dev.refreshcdn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refreshcdn.RefreshException.InvalidInputException;
import dev.refreshcdn.Plan;
import dev.refreshcdn.Refresh;
import dev.refreshcdn.RefreshException.InvalidUrl;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Entries from arguments, a file or stdin, each with the argument or line number that messages name. */
class InputTest {
  private static InputStream stdin(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * {@code head}, then {@code filler} bytes without end; fails the test past {@code limit} bytes read, so that a reader
   * which holds the whole line fails instead of filling the heap.
   */
  private static InputStream endless(String head, byte filler, long limit) {
    byte[] start = head.getBytes(StandardCharsets.UTF_8);
    return new InputStream() {
      private long read;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (read > limit) {
          throw new AssertionError("read " + read + " bytes of a line that should have been refused");
        }
        for (int i = 0; i < len; i++, read++) {
          b[off + i] = read < start.length ? start[(int) read] : filler;
        }
        return len;
      }
    };
  }

  private static final InputStream NO_STDIN = new InputStream() {
    @Override
    public int read() {
      throw new AssertionError("stdin must not be read");
    }
  };

  @Test
  void skipsBlankLinesAndCommentsAndKeepsLineNumbers(@TempDir Path dir) throws IOException {
    // given
    Path file = dir.resolve("urls.txt");
    Files.writeString(file, "# release 42\n\nhttps://a.test/1\n   # indented comment\n  https://a.test/2 \t\n\n"
        + "https://a.test/3");
    // when
    Input input = Input.read(List.of(), file.toString(), NO_STDIN);
    // then
    assertEquals(List.of("https://a.test/1", "https://a.test/2", "https://a.test/3"), input.urls());
    assertEquals(3, input.number(1));
    assertEquals(5, input.number(2));
    assertEquals(7, input.number(3));
    assertEquals(file + " line 5", input.where(2));
    assertFalse(input.isArgument(1));
  }

  @Test
  void dropsAByteOrderMarkAndCarriageReturns() {
    // given
    String text = "\uFEFFhttps://a.test/1\r\nhttps://a.test/图片.jpg\r\n\r\n";
    // when
    Input input = Input.read(List.of(), "-", stdin(text));
    // then
    assertEquals(List.of("https://a.test/1", "https://a.test/图片.jpg"), input.urls());
    assertEquals("stdin line 2", input.where(2));
  }

  @Test
  void readsStdinWhenThereAreNoArgumentsAndNoFile() {
    // when
    Input input = Input.read(List.of(), null, stdin("https://a.test/1\n"));
    // then
    assertEquals(List.of("https://a.test/1"), input.urls());
    assertEquals("stdin line 1", input.where(1));
  }

  @Test
  void argumentsComeFirstAndStdinIsNotReadWithoutDash() {
    // when
    Input input = Input.read(List.of("https://a.test/1", "https://a.test/2"), null, NO_STDIN);
    // then
    assertEquals(List.of("https://a.test/1", "https://a.test/2"), input.urls());
    assertTrue(input.isArgument(2));
    assertEquals("argument 2", input.where(2));
  }

  @Test
  void argumentsThenStdinLinesNumberedFromOne() {
    // when
    Input input = Input.read(List.of("https://a.test/arg"), "-", stdin("\nhttps://a.test/line2\n"));
    // then
    assertEquals(List.of("https://a.test/arg", "https://a.test/line2"), input.urls());
    assertEquals("argument 1", input.where(1));
    assertEquals("stdin line 2", input.where(2));
  }

  @Test
  void linesLongerThanOneBlockAndManyLinesSurvive() {
    // given: a line of 200,000 characters, then 70,000 short lines across many 64 KB blocks
    String longUrl = "https://a.test/" + "x".repeat(200_000);
    String lines = IntStream.rangeClosed(1, 70_000).mapToObj(i -> "https://a.test/" + i)
        .collect(Collectors.joining("\n", longUrl + "\n", "\n"));
    // when
    Input input = Input.read(List.of(), "-", stdin(lines));
    // then
    assertEquals(70_001, input.urls().size());
    assertEquals(longUrl, input.urls().get(0));
    assertEquals("https://a.test/70000", input.urls().get(70_000));
    assertEquals(70_001, input.number(70_001));
  }

  @Test
  void everyEntryOfAFileWithBlankLinesHereAndThereKeepsItsLineNumberAfterTheArguments() {
    // given: two arguments, then 50,000 lines (past several chunks of entries) where every 7th line is blank
    // and every 1000th a comment
    StringBuilder text = new StringBuilder();
    List<Integer> lineOfEntry = new java.util.ArrayList<>();
    for (int line = 1; line <= 50_000; line++) {
      if (line % 7 == 0) {
        text.append('\n');
      } else if (line % 1000 == 0) {
        text.append("# batch ").append(line).append('\n');
      } else {
        text.append("https://a.test/").append(line).append('\n');
        lineOfEntry.add(line);
      }
    }
    // when
    Input input = Input.read(List.of("https://a.test/x", "https://a.test/y"), "-", stdin(text.toString()));
    // then
    assertEquals(2 + lineOfEntry.size(), input.urls().size());
    assertEquals("argument 2", input.where(2));
    for (int i = 0; i < lineOfEntry.size(); i++) {
      int line = lineOfEntry.get(i);
      assertEquals("https://a.test/" + line, input.urls().get(2 + i));
      assertEquals(line, input.number(3 + i), "entry " + (3 + i));
    }
  }

  @Test
  void aLineOfBytesThatAreNotUtf8IsABadEntryNamedWithItsLineAndColumn(@TempDir Path dir) throws IOException {
    // given: bytes FF FE, which no UTF-8 text has
    Path file = dir.resolve("urls.txt");
    Files.write(file, bytes("https://www.test.com/ok.js\nhttps://www.test.com/", 0xff, 0xfe, "bad.js\n"));
    Input input = Input.read(List.of(), file.toString(), NO_STDIN);
    // when
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> Refresh.urls(input.urls()).credentials("AKIDx", "k").batch());
    // then
    assertEquals(1, e.invalid().size());
    assertEquals(file + " line 2: \"https://www.test.com/\uFFFD\uFFFDbad.js\" is not valid UTF-8 at column 22 (U+FFFD, "
        + "the replacement character, stands there for bytes that could not be decoded)", input.describe(e.invalid().get(0)));
  }

  @Test
  void withSkipInvalidALineThatIsNotUtf8IsLeftOutAndListed() {
    // given
    Input input = Input.read(List.of(), "-", new ByteArrayInputStream(
        bytes("https://www.test.com/", 0xc3, "x.js\nhttps://www.test.com/ok.js\n")));
    // when
    Plan plan = Refresh.urls(input.urls()).credentials("AKIDx", "k").skipInvalid().batch();
    // then
    assertEquals(List.of("https://www.test.com/ok.js"), plan.urls());
    assertEquals(1, plan.skipped().size());
    assertEquals("stdin line 1", input.where(plan.skipped().get(0).position()));
  }

  @Test
  void anArgumentTheJvmDecodedWithReplacementCharactersIsABadEntry() {
    // given: "https://www.test.com/\xff\xfebad.js" as main receives it, in a UTF-8 or an ASCII locale
    Input input = Input.read(List.of("https://www.test.com/ok.js", "https://www.test.com/\uFFFD\uFFFDbad.js"), null,
        NO_STDIN);
    // when
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> Refresh.urls(input.urls()).credentials("AKIDx", "k").batch());
    // then
    assertEquals("argument 2", input.where(e.invalid().get(0).position()));
    assertTrue(e.invalid().get(0).reason().startsWith("is not valid UTF-8 at column 22"), e.invalid().get(0).reason());
  }

  @Test
  void aLineLongerThanAnyRequestIsRefusedAtOnceWithoutReadingTheRest() {
    // given: a first line, then one that never ends
    InputStream stdin = endless("https://www.test.com/1\nhttps://www.test.com/", (byte) 'a', 3L * Input.MAX_LINE_BYTES);
    // when
    UsageException e = assertThrows(UsageException.class, () -> Input.read(List.of(), "-", stdin));
    // then
    assertEquals("stdin line 2 is longer than 10000000 bytes, more than any request can carry (is it a list of URLs, "
        + "one a line?); nothing was sent", e.getMessage());
  }

  @Test
  void aNulByteIsRefusedAtOnceWithItsLineAndColumn() {
    // given: as /dev/zero, or a binary file after a text line
    InputStream stdin = endless("https://www.test.com/1\nhttps://图.test/", (byte) 0, 1 << 20);
    // when
    UsageException e = assertThrows(UsageException.class, () -> Input.read(List.of(), "-", stdin));
    // then
    assertEquals("stdin line 2 has a NUL byte at column 16: binary data or UTF-16, not UTF-8 text (save it as UTF-8); "
        + "nothing was sent", e.getMessage());
  }

  @Test
  void aUtf16FileIsRefusedAsNotUtf8(@TempDir Path dir) throws IOException {
    // given: as Windows PowerShell 5 writes a file with >
    Path file = dir.resolve("urls.txt");
    Files.write(file, ("\uFEFFhttps://www.test.com/1.js\r\n").getBytes(StandardCharsets.UTF_16LE));
    // when
    UsageException e = assertThrows(UsageException.class, () -> Input.read(List.of(), file.toString(), NO_STDIN));
    // then
    assertTrue(e.getMessage().startsWith(file + " line 1 has a NUL byte at column 4: binary data or UTF-16"),
        e.getMessage());
  }

  @Test
  void randomBytesAreRefusedOrCheckedButNeverSentWithAReplacementOrControlCharacter() {
    // given: a fixed seed, so a failure can be replayed; URL-like lines with random bytes spliced in
    java.util.Random random = new java.util.Random(20261130);
    for (int round = 0; round < 500; round++) {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      for (int line = 0; line < 20; line++) {
        bytes.writeBytes("https://www.test.com/".getBytes(StandardCharsets.UTF_8));
        for (int i = random.nextInt(40); i > 0; i--) {
          bytes.write(random.nextInt(4) == 0 ? random.nextInt(256) : 'a' + random.nextInt(26));
        }
        bytes.write(random.nextInt(10) == 0 ? '\r' : '\n');
      }
      byte[] input = bytes.toByteArray();
      // when
      Input entries;
      try {
        entries = Input.read(List.of(), "-", new ByteArrayInputStream(input));
      } catch (UsageException e) {
        assertTrue(e.getMessage().contains("has a NUL byte at column"), e.getMessage());
        continue;
      }
      Plan plan;
      try {
        plan = Refresh.urls(entries.urls()).credentials("AKIDx", "k").skipInvalid().batch();
      } catch (InvalidInputException e) {
        assertTrue(e.getMessage().startsWith("no valid URL among"), e.getMessage());
        continue;
      }
      // then
      for (String url : plan.urls()) {
        assertTrue(url.chars().noneMatch(c -> c == 0xFFFD || c < 0x20 || c >= 0x7f && c <= 0x9f), url);
      }
      assertEquals(entries.urls().size(), plan.urls().size() + plan.skipped().size() + plan.duplicatesDropped());
    }
  }

  /** Text and single bytes, in order, as one array: for input that is not valid UTF-8. */
  private static byte[] bytes(Object... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (Object part : parts) {
      if (part instanceof Integer) {
        out.write((Integer) part);
      } else {
        out.writeBytes(((String) part).getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toByteArray();
  }

  @Test
  void aMissingFileIsAUsageError(@TempDir Path dir) {
    // given
    String missing = dir.resolve("nope.txt").toString();
    // when
    UsageException e = assertThrows(UsageException.class, () -> Input.read(List.of(), missing, NO_STDIN));
    // then
    assertEquals("cannot read " + missing + ": no such file", e.getMessage());
  }

  @Test
  void describeNamesWhereABadEntryCameFromWithControlCharactersShown() {
    // given
    Input input = Input.read(List.of(), "-", stdin(
        "https://a.test/1\nftp://a.test/\"2\"\t\nwww.a.test/3\nhttps://a.test/a\tb\nhttps://u:s3cret@a.test/4\n"));
    // when
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> Refresh.urls(input.urls()).credentials("AKIDx", "k").batch());
    List<InvalidUrl> invalid = e.invalid();
    // then
    assertEquals("stdin line 2: \"ftp://a.test/\\\"2\\\"\" must start with http:// or https://",
        input.describe(invalid.get(0)));
    assertEquals("stdin line 3: \"www.a.test/3\" must start with http:// or https://", input.describe(invalid.get(1)));
    assertEquals("stdin line 4: \"https://a.test/a\\u0009b\" contains whitespace or a control character at column 17"
        + " (percent-encode it, e.g. %20 for a space)", input.describe(invalid.get(2)));
    assertEquals("stdin line 5: \"https://***@a.test/4\" must not carry user information (user@host)",
        input.describe(invalid.get(3)));
  }

  @Test
  void hostsAreTheDistinctLowerCaseHostsOfHttpUrls() {
    // given
    Input input = Input.read(List.of("https://WWW.Test.com/1", "http://user@img.test.com:8080/2?x", "ftp://f.test/",
        "https://www.test.com", "https://[::1]/x", "nonsense"), null, NO_STDIN);
    // when
    List<String> hosts = input.hosts();
    // then
    assertEquals(List.of("img.test.com", "www.test.com"), hosts);
  }
}
