package dev.refreshcdn;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The lines of a journal, read as bytes and decoded one by one, strictly: a line that is not UTF-8 is handed over as
 * such (null) instead of failing the whole file or being silently changed, and a line longer than any event is
 * not kept in memory.
 */
final class JournalLines {
  /** Far beyond any event: the longest, a resumed job's scattered ranges, stays under a few hundred KB. */
  static final int MAX_LINE = 8 << 20;

  interface Consumer {
    /**
     * @param number the line's number, from 1
     * @param text the line without its newline; null when it is not UTF-8 or longer than {@link #MAX_LINE}
     * @param whole whether the line ends in a newline (only the last one may not)
     */
    void line(long number, String text, boolean whole);
  }

  private JournalLines() {}

  static void read(Path file, Consumer consumer) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      boolean tooLong = false;
      long number = 0;
      for (int b = in.read(); b != -1; b = in.read()) {
        if (b == '\n') {
          consumer.line(++number, tooLong ? null : decode(line), true);
          line.reset();
          tooLong = false;
        } else if (line.size() < MAX_LINE) {
          line.write(b);
        } else {
          tooLong = true;
        }
      }
      if (line.size() > 0 || tooLong) {
        consumer.line(++number, tooLong ? null : decode(line), false);
      }
    }
  }

  private static String decode(ByteArrayOutputStream line) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
