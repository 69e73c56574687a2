package dev.refreshcdn.cli;

import dev.refreshcdn.Refresh;
import dev.refreshcdn.RefreshException.InvalidUrl;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Paths;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.RandomAccess;
import java.util.TreeSet;

/**
 * The entries to refresh and where each came from (argument number or line number), for messages. A file is read
 * one line per entry, skipping blank lines and {@code #} comments, with a UTF-8 byte-order mark and CRLF endings
 * tolerated. Bytes that are not valid UTF-8 become U+FFFD, which the check refuses with its line and column.
 *
 * <p>Two kinds of input are refused at once, before the rest is read: a line longer than any request can carry
 * (nothing past its first {@link #MAX_LINE_BYTES} bytes is held), and a NUL byte, which text never has but binary
 * data and UTF-16 files do. So {@code /dev/zero} or {@code /dev/urandom} end in an error, not in a full heap; and
 * endless text, which only the heap can bound, ends in the same error when the heap is full.
 */
final class Input {
  /**
   * The longest line read: the largest request body of any API (API 3.0's 10 MB). A URL is at least as long
   * encoded as its UTF-8 bytes, so no longer line could be sent.
   */
  static final int MAX_LINE_BYTES = Refresh.MAX_V3_POST_BYTES;
  private static final int BLOCK = 1 << 16;
  /** Entries a chunk holds: 64 KB of references, so a million entries grow by no copying and in no huge array. */
  private static final int CHUNK = 1 << 14;
  private static final String[][] NO_CHUNKS = {};

  /** The entries in chunks of {@link #CHUNK}; the last one filling. */
  private String[][] chunks = new String[16][];
  private int size;
  /**
   * Line numbers without one int per entry: from file entry {@code skipStarts[k]} on (0-based among the file's
   * entries), each entry's line is its place among them plus {@code skipped[k]} (blank and comment lines before it).
   * A new pair only where that count changes, so a file without blank lines needs none.
   */
  private int[] skipStarts = new int[8];
  private int[] skipped = new int[8];
  private int changes;
  private int arguments;
  private String source = "stdin";

  private Input() {}

  /**
   * The arguments, then the lines of {@code file} ({@code -} for {@code stdin}); stdin alone when there are neither.
   *
   * @throws UsageException when the file cannot be read
   */
  static Input read(List<String> arguments, String file, InputStream stdin) {
    Input input = new Input();
    // Arguments come already decoded by the JVM, with the locale's encoding (sun.jnu.encoding). What this relies on:
    // bytes not valid in it become U+FFFD (seen on JDK 17 in UTF-8 and in C/POSIX locales, where even valid UTF-8
    // becomes U+FFFD), and the check refuses U+FFFD with its column. A Latin-1 locale decodes any byte, so there a
    // malformed argument cannot be told from a valid one.
    for (String argument : arguments) {
      input.add(argument);
    }
    input.arguments = input.size;
    if (file != null || arguments.isEmpty()) {
      boolean isStdin = file == null || file.equals("-");
      input.source = isStdin ? "stdin" : file;
      try (InputStream in = isStdin ? stdin : Files.newInputStream(Paths.get(file))) {
        input.readLines(in);
      } catch (NoSuchFileException e) {
        throw new UsageException("cannot read " + file + ": no such file");
      } catch (IOException e) {
        throw new UsageException("cannot read " + input.source + ": " + e.getMessage());
      } catch (OutOfMemoryError e) {
        // Endless or huge text: what was read is only held here, so dropping it leaves the heap as it was.
        // Nothing may be allocated before the chunks are let go: the heap is full until then.
        int entries = input.size;
        input.chunks = NO_CHUNKS;
        input.size = 0;
        throw new UsageException(input.source + " does not fit in memory (" + entries + " entries read, a heap of "
            + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB): split it, or give the JVM more, e.g. "
            + "JAVA_TOOL_OPTIONS=-Xmx1g; nothing was sent");
      }
    }
    return input;
  }

  /** The entries, in order: arguments first, then lines; blank lines and comments are not entries. */
  public List<String> urls() {
    return new Entries();
  }

  /** A read-only view of the chunks (the library copies the references it keeps). */
  private final class Entries extends AbstractList<String> implements RandomAccess {
    private final int count = size;

    @Override
    public String get(int index) {
      if (index < 0 || index >= count) {
        throw new IndexOutOfBoundsException(index);
      }
      return chunks[index / CHUNK][index % CHUNK];
    }

    @Override
    public int size() {
      return count;
    }

    /** A chunk at a time: the library copies the input once, and a million one by one took 50 ms. */
    @Override
    public Object[] toArray() {
      Object[] copy = new Object[count];
      for (int from = 0; from < count; from += CHUNK) {
        System.arraycopy(chunks[from / CHUNK], 0, copy, from, Math.min(CHUNK, count - from));
      }
      return copy;
    }
  }

  /** Whether the entry at 1-based {@code position} came from the command line. */
  public boolean isArgument(int position) {
    return position <= arguments;
  }

  /** The argument number or line number of the entry at 1-based {@code position}. */
  public int number(int position) {
    if (isArgument(position)) {
      return position;
    }
    int entry = position - arguments - 1;
    int k = Arrays.binarySearch(skipStarts, 0, changes, entry);
    k = k >= 0 ? k : -k - 2;
    return entry + 1 + (k < 0 ? 0 : skipped[k]);
  }

  /** Where the entry at 1-based {@code position} came from, e.g. {@code argument 2} or {@code urls.txt line 7}. */
  public String where(int position) {
    return isArgument(position) ? "argument " + number(position) : source + " line " + number(position);
  }

  /** One line naming a bad entry: where it came from, its value quoted and why it is bad. */
  public String describe(InvalidUrl bad) {
    return where(bad.position()) + ": " + bad.shown() + " " + bad.reason();
  }

  /** The distinct lower-case hosts of the entries that look like http(s) URLs, sorted (for the emulator's account). */
  public List<String> hosts() {
    TreeSet<String> hosts = new TreeSet<>();
    for (String url : urls()) {
      int start = url.startsWith("https://") ? 8 : url.startsWith("http://") ? 7 : -1;
      if (start < 0) {
        continue;
      }
      int end = start;
      while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
        end++;
      }
      String authority = url.substring(start, end);
      String host = authority.substring(authority.lastIndexOf('@') + 1);
      host = host.indexOf(':') >= 0 ? host.substring(0, host.indexOf(':')) : host;
      if (!host.isEmpty() && !host.startsWith("[")) {
        hosts.add(host.toLowerCase(Locale.ROOT));
      }
    }
    return new ArrayList<>(hosts);
  }

  /**
   * Streams the lines in 64 KB blocks. Working on bytes rather than through a BufferedReader saves about a
   * quarter of the reading time on a million URLs: an ASCII line becomes a compact String in one copy.
   */
  private void readLines(InputStream in) throws IOException {
    byte[] block = new byte[BLOCK];
    int length = 0;
    int line = 0;
    for (int n = in.read(block); n > 0; n = in.read(block, length, block.length - length)) {
      int start = 0;
      for (int i = length; i < length + n; i++) {
        if (block[i] == '\n') {
          addLine(block, start, i, ++line);
          start = i + 1;
        } else if (block[i] == 0) {
          throw binary(line + 1, block, start, i);
        }
      }
      length += n - start;
      System.arraycopy(block, start, block, 0, length);
      if (length > MAX_LINE_BYTES) {
        throw new UsageException(source + " line " + (line + 1) + " is longer than " + MAX_LINE_BYTES + " bytes, "
            + "more than any request can carry (is it a list of URLs, one a line?); nothing was sent");
      }
      if (length == block.length) {
        // A line longer than the block: one more byte than the limit is enough to refuse it.
        block = Arrays.copyOf(block, Math.min(block.length * 2, MAX_LINE_BYTES + 1));
      }
    }
    if (length > 0) {
      addLine(block, 0, length, ++line);
    }
  }

  /** The refusal of a line with a NUL byte at {@code nul}: its column counts characters, as other messages do. */
  private UsageException binary(int line, byte[] bytes, int from, int nul) {
    int column = 1;
    for (int i = from; i < nul; i++) {
      column += (bytes[i] & 0xC0) == 0x80 ? 0 : 1; // UTF-8 continuation bytes belong to the character before
    }
    return new UsageException(source + " line " + line + " has a NUL byte at column " + column + ": binary data or "
        + "UTF-16, not UTF-8 text (save it as UTF-8); nothing was sent");
  }

  /** Adds one line unless it is blank or a # comment; a UTF-8 byte-order mark on the first line is dropped. */
  private void addLine(byte[] bytes, int from, int to, int line) {
    if (line == 1 && to - from >= 3 && bytes[from] == (byte) 0xEF && bytes[from + 1] == (byte) 0xBB
        && bytes[from + 2] == (byte) 0xBF) {
      from += 3;
    }
    while (from < to && isSpace(bytes[from])) {
      from++;
    }
    while (to > from && isSpace(bytes[to - 1])) {
      to--;
    }
    boolean ascii = true;
    for (int i = from; i < to && ascii; i++) {
      ascii = bytes[i] >= 0;
    }
    String url = ascii ? new String(bytes, from, to - from, StandardCharsets.ISO_8859_1)
        : new String(bytes, from, to - from, StandardCharsets.UTF_8).strip();
    if (!url.isEmpty() && url.charAt(0) != '#') {
      int entry = size - arguments;
      int before = line - 1 - entry;
      if (before != (changes == 0 ? 0 : skipped[changes - 1])) {
        if (changes == skipStarts.length) {
          skipStarts = Arrays.copyOf(skipStarts, changes * 2);
          skipped = Arrays.copyOf(skipped, changes * 2);
        }
        skipStarts[changes] = entry;
        skipped[changes++] = before;
      }
      add(url);
    }
  }

  /** The ASCII characters {@link Character#isWhitespace} accepts, as String.strip() removes them. */
  private static boolean isSpace(byte c) {
    return c == ' ' || (c >= 9 && c <= 13) || (c >= 28 && c <= 31);
  }

  private void add(String url) {
    int chunk = size / CHUNK;
    if (chunk == chunks.length) {
      chunks = Arrays.copyOf(chunks, chunk * 2);
    }
    if (chunks[chunk] == null) {
      chunks[chunk] = new String[CHUNK];
    }
    chunks[chunk][size++ % CHUNK] = url;
  }
}
