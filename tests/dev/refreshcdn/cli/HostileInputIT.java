package dev.refreshcdn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.refreshcdn.emulator.Emulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus of hostile input fed to ./jbang refresh-cdn under -Xmx256m, against an emulator that counts what reaches
 * it: bytes that are not UTF-8, NUL, control characters, a 10 MB line, endless input, a million bad lines; and the
 * two that are fine, a byte-order mark and CRLF line ends. Each bad one must end in exit 2 with its line named,
 * nothing sent, no stack trace and output of bounded size.
 */
class HostileInputIT {
  private static final int MAX_OUTPUT = 100_000;

  @TempDir Path dir;
  private Emulator emu;

  @BeforeEach
  void startEmulator() {
    emu = Emulator.builder().account(Cli.SECRET_ID, Cli.SECRET_KEY, "www.test.com").start();
  }

  @AfterEach
  void stopEmulator() {
    emu.close();
  }

  private Cli refreshCdn(String... args) {
    List<String> all = new ArrayList<>(List.of("--endpoint", emu.endpointV3().toString()));
    all.addAll(List.of(args));
    return Cli.refreshCdn(all.toArray(new String[0])).withCredentials().env("JAVA_TOOL_OPTIONS", "-Xmx256m");
  }

  /** Exit 2, {@code expected} on stderr, nothing sent, no stack trace, and output of bounded size. */
  private void assertRefused(Cli.Result r, String expected) {
    assertEquals(2, r.exit(), r::toString);
    assertTrue(r.err().contains(expected), r::toString);
    assertEquals(0, emu.requests().size(), "nothing may be sent");
    assertFalse(r.all().contains("\tat ") || r.all().contains("Exception") || r.all().contains("Error:"),
        r::toString);
    assertTrue(r.out().length() + r.err().length() < MAX_OUTPUT, () -> "output of " + r.all().length() + " chars");
  }

  private Path file(byte[] content) throws IOException {
    return Files.write(dir.resolve("urls.txt"), content);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aFileLineThatIsNotUtf8IsRefusedWithItsLineAndColumn() throws IOException {
    // given: bytes FF FE in the second line
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(ascii("https://www.test.com/ok.js\nhttps://www.test.com/"));
    bytes.write(0xff);
    bytes.write(0xfe);
    bytes.writeBytes(ascii("bad.js\n"));
    Path urls = file(bytes.toByteArray());
    // when
    Cli.Result r = refreshCdn("-i", urls.toString()).run();
    // then
    assertRefused(r, urls + " line 2: \"https://www.test.com/\uFFFD\uFFFDbad.js\" is not valid UTF-8 at column 22");
  }

  @Test
  void withSkipInvalidALineThatIsNotUtf8IsLeftOutListedAndTheRestSent() throws IOException {
    // given
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(ascii("https://www.test.com/"));
    bytes.write(0xc3); // a lead byte without its continuation
    bytes.writeBytes(ascii("x.js\nhttps://www.test.com/ok.js\n"));
    // when
    Cli.Result r = refreshCdn("--skip-invalid").stdin(file(bytes.toByteArray())).run();
    // then
    assertEquals(0, r.exit(), r::toString);
    assertEquals(List.of("https://www.test.com/ok.js"), Accepted.purges(emu).get(0).urls());
    assertEquals(1, Accepted.purges(emu).size());
    assertTrue(r.err().contains("skipped 1 bad entry:\n  stdin line 1: \"https://www.test.com/\uFFFDx.js\" is not "
        + "valid UTF-8 at column 22"), r::toString);
  }

  @Test
  void anArgumentThatIsNotUtf8IsRefusedWithItsPosition() {
    // given: only a shell passes bytes that are not UTF-8; the JVM decodes them before main
    String script = "exec ./jbang refresh-cdn --endpoint " + emu.endpointV3()
        + " https://www.test.com/ok.js \"$(printf 'https://www.test.com/\\377\\376bad.js')\"";
    // when
    Cli.Result r = Cli.sh(script).withCredentials().env("JAVA_TOOL_OPTIONS", "-Xmx256m").run();
    // then
    assertRefused(r, "argument 2: \"https://www.test.com/\uFFFD\uFFFDbad.js\" is not valid UTF-8 at column 22");
  }

  @Test
  void aNulByteIsRefusedAtOnceWithItsLineAndColumn() throws IOException {
    // when
    Cli.Result r = refreshCdn("-i", file(ascii("https://www.test.com/1.js\nhttps://www.test.com/\0.js\n")).toString())
        .run();
    // then
    assertRefused(r, "line 2 has a NUL byte at column 22: binary data or UTF-16, not UTF-8 text");
  }

  @Test
  void controlCharactersAreBadEntriesEachNamedWithItsColumn() throws IOException {
    // given: ESC, BEL, DEL and a C1 CSI
    Path urls = file(ascii("https://www.test.com/\u001b[1m.js\nhttps://www.test.com/\u0007\n"
        + "https://www.test.com/\u007f\nhttps://www.test.com/\u009b2J\n"));
    // when
    Cli.Result r = refreshCdn("-i", urls.toString()).run();
    // then
    assertRefused(r, "4 of 4 entries are not valid URLs to refresh; nothing was sent:\n  " + urls
        + " line 1: \"https://www.test.com/\\u001b[1m.js\" contains whitespace or a control character at column 22");
    assertTrue(r.err().contains(urls + " line 4: "), r::toString);
  }

  @Test
  void aTenMegabyteLineIsRefusedWithItsLine() throws IOException {
    // given
    Path urls = file(ascii("https://www.test.com/1.js\nhttps://www.test.com/" + "a".repeat(10 << 20) + "\n"));
    // when
    Cli.Result r = refreshCdn("-i", urls.toString()).run();
    // then
    assertRefused(r, urls + " line 2 is longer than 10000000 bytes, more than any request can carry");
  }

  @Test
  void devZeroIsRefusedAtOnce() {
    // when: no newline, ever
    Cli.Result r = refreshCdn("--dry-run", "-i", "/dev/zero").run();
    // then
    assertRefused(r, "/dev/zero line 1 has a NUL byte at column 1");
  }

  @Test
  void endlessRandomBytesOnStdinAreRefusedAtOnce() {
    // when
    Cli.Result r = refreshCdn("--dry-run").stdin(Path.of("/dev/urandom")).run();
    // then
    assertRefused(r, "refresh-cdn: stdin line ");
  }

  @Test
  void endlessTextOnStdinEndsWhenTheHeapIsFullNotInACrash() {
    // when
    Cli.Result r = refreshCdn("--dry-run").stdin(endless("garbage\n")).run();
    // then
    assertRefused(r, "refresh-cdn: stdin does not fit in memory (");
  }

  @Test
  void aMillionBadLinesWithJsonListTheFirstHundredAndCountThemAll() throws Exception {
    // given
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= 1_000_000; i++) {
      lines.append("https://www.test.com/a b/").append(i).append('\n');
    }
    Path urls = file(ascii(lines.toString()));
    // when
    Cli.Result r = refreshCdn("--json", "-i", urls.toString()).run();
    // then
    assertRefused(r, "  … and 999900 more");
    Map<String, Object> doc = JSON.std.mapFrom(r.out());
    assertEquals("invalid", doc.get("status"));
    assertEquals(100, ((List<?>) doc.get("invalid")).size());
    assertEquals(1_000_000, doc.get("invalid_count"));
  }

  @Test
  void aByteOrderMarkAndCrlfLineEndsAreAccepted() throws IOException {
    // given: a file as Windows Notepad saves it
    Path urls = file(ascii("\uFEFFhttps://www.test.com/1.js\r\nhttps://www.test.com/2.js\r\n"));
    // when
    Cli.Result r = refreshCdn("-i", urls.toString()).run();
    // then
    assertEquals(0, r.exit(), r::toString);
    assertEquals(List.of("https://www.test.com/1.js", "https://www.test.com/2.js"), Accepted.purges(emu).get(0).urls());
  }

  /** {@code line} repeated without end. */
  private static InputStream endless(String line) {
    byte[] bytes = ascii(line);
    return new InputStream() {
      private long at;

      @Override
      public int read() {
        return bytes[(int) (at++ % bytes.length)];
      }

      @Override
      public int read(byte[] b, int off, int len) {
        for (int i = 0; i < len; i++) {
          b[off + i] = bytes[(int) (at++ % bytes.length)];
        }
        return len;
      }

      @Override
      public long transferTo(OutputStream out) throws IOException {
        byte[] block = new byte[1 << 16];
        while (true) {
          out.write(block, 0, read(block, 0, block.length));
        }
      }
    };
  }
}
