package dev.refreshcdn;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * API 3.0 request bodies, byte for byte as Jackson jr's {@code JSON.std.asBytes} writes them (the signature
 * covers them, and the official SDKs' tests compare them), but without Jackson's character-at-a-time string
 * path: under C1, which the script runs with, its {@code String.charAt} per char keeps an index check call, and a
 * million URLs are 64 million chars. A URL is nearly always Latin-1 text that needs no escape, so it is copied as
 * bytes and checked eight bytes at a time; only a string that holds an escape or a non-ASCII character is written
 * a character at a time. Writes what the payloads hold: String, Boolean, Integer, Long, null, List, and Map with
 * String keys.
 */
final class JsonBody {
  /** Jackson writes the hex digits of {@code \\uXXXX} escapes in upper case. */
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
  /** The longest a char gets: {@code \\u001F}, or a surrogate's {@code \\uD83D}. */
  private static final int MAX_BYTES_PER_CHAR = 6;

  private JsonBody() {}

  /** {@code payload} as JSON in the first {@link ByteSink#size()} bytes of the sink's buffer. */
  static ByteSink of(Map<String, ?> payload) {
    ByteSink out = new ByteSink(estimate(payload));
    value(payload, out);
    return out;
  }

  /** The size of {@code value} written without escapes, so that a body of plain URLs is never copied to grow. */
  private static int estimate(Object value) {
    if (value instanceof String) {
      return ((String) value).length() + 2;
    }
    int size = 2;
    if (value instanceof List) {
      List<?> list = indexed((List<?>) value);
      for (int i = 0; i < list.size(); i++) {
        Object item = list.get(i);
        // A URL's size without a call per URL: under C1 calls are most of the cost of this loop.
        size += item instanceof String ? ((String) item).length() + 3 : estimate(item) + 1;
      }
    } else if (value instanceof Map) {
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        size += estimate(entry.getKey()) + estimate(entry.getValue()) + 2;
      }
    } else {
      size = 20; // Long.MIN_VALUE's digits; true, false and null are shorter
    }
    return size;
  }

  private static void value(Object value, ByteSink out) {
    if (value instanceof String) {
      string((String) value, out);
    } else if (value instanceof List) {
      list((List<?>) value, out);
    } else if (value instanceof Map) {
      object((Map<?, ?>) value, out);
    } else if (value == null || value instanceof Boolean || value instanceof Integer || value instanceof Long) {
      out.ascii(String.valueOf(value));
    } else {
      // Jackson would write some other types (BigDecimal, arrays, beans) its own way: not guessed at here.
      throw new IllegalArgumentException("no JSON form for a " + value.getClass().getName() + " in a request body");
    }
  }

  private static void list(List<?> list, ByteSink out) {
    List<?> items = indexed(list);
    out.put('[');
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        out.put(',');
      }
      value(items.get(i), out);
    }
    out.put(']');
  }

  /**
   * {@code list} read by index. Under C1 an iterator, or {@code toArray()} of a batch (a sublist, which iterates),
   * costs per URL about what copying the URL does, twice what {@code get(i)} does.
   */
  private static List<?> indexed(List<?> list) {
    return list instanceof RandomAccess ? list : Arrays.asList(list.toArray());
  }

  /** Leaves out null values, as Jackson jr does unless {@code WRITE_NULL_PROPERTIES} is on. */
  private static void object(Map<?, ?> map, ByteSink out) {
    out.put('{');
    boolean first = true;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (entry.getValue() == null) {
        continue;
      }
      if (!(entry.getKey() instanceof String)) {
        throw new IllegalArgumentException("a request body's keys are text: " + entry.getKey());
      }
      if (!first) {
        out.put(',');
      }
      first = false;
      string((String) entry.getKey(), out);
      out.put(':');
      value(entry.getValue(), out);
    }
    out.put('}');
  }

  /** A quoted string: its Latin-1 bytes copied, kept up to the first that needs more, the rest {@link #escaped}. */
  private static void string(String text, ByteSink out) {
    // One array copy for a Latin-1 string. A char beyond Latin-1 comes out as '?' (a surrogate pair as one '?',
    // so the indices of text and bytes agree up to there): plain(...) stops at it.
    byte[] latin1 = text.getBytes(StandardCharsets.ISO_8859_1);
    int n = latin1.length;
    out.ensure(n + 2);
    byte[] buffer = out.buffer();
    int at = out.size() + 1;
    buffer[at - 1] = '"';
    System.arraycopy(latin1, 0, buffer, at, n);
    int plain = plain(text, latin1, out, at);
    if (plain == text.length()) {
      buffer[at + n] = '"';
      out.size(at + n + 1);
      return;
    }
    out.size(at + plain);
    escaped(text, plain, out);
    out.put('"');
  }

  /**
   * How many of the leading bytes of {@code latin1}, copied to {@code out} at {@code at}, stand for themselves in
   * JSON. Eight bytes at a time while none of them may need more (under C1, a loop over bytes costs twice as much),
   * then byte by byte through the eight that may: {@code "}, a backslash, a control char, a byte of 0x80 or above
   * (two in UTF-8), and a '?' that text does not hold there (a char beyond Latin-1).
   */
  private static int plain(String text, byte[] latin1, ByteSink out, int at) {
    int n = latin1.length;
    int i = 0;
    while (true) {
      while (i + 8 <= n && !mayNeedMore(out.longAt(at + i))) {
        i += 8;
      }
      for (int end = Math.min(i + 8, n); i < end; i++) {
        byte b = latin1[i];
        // b < 0x20 also holds for bytes 0x80-0xFF, which are negative.
        if (b < 0x20 || b == '"' || b == '\\' || b == '?' && text.charAt(i) != '?') {
          return i;
        }
      }
      if (i == n) {
        return n;
      }
    }
  }

  /**
   * Whether any of the eight bytes of {@code word} is below 0x20 or above 0x7F, or is {@code "}, a backslash or '?':
   * exactly when one is (a '?' then still needs its char looked at).
   */
  private static boolean mayNeedMore(long word) {
    long quote = word ^ 0x2222222222222222L;
    long backslash = word ^ 0x5C5C5C5C5C5C5C5CL;
    long question = word ^ 0x3F3F3F3F3F3F3F3FL;
    // With all bytes in 0x20-0x7F, word - 0x20.. borrows nowhere and leaves every top bit clear; the lowest byte
    // below 0x20 borrows and sets its own; a byte of 0x80 or more has it set in word. (x - 0x01..) & ~x sets a top
    // bit only if some byte of x is zero, that is some byte of word equals the pattern.
    long flags = (word - 0x2020202020202020L) | word
        | ((quote - 0x0101010101010101L) & ~quote)
        | ((backslash - 0x0101010101010101L) & ~backslash)
        | ((question - 0x0101010101010101L) & ~question);
    return (flags & 0x8080808080808080L) != 0;
  }

  /**
   * Jackson's escapes from {@code from} on: {@code \"}, {@code \\}, the short forms {@code \b \t \n \f \r}, other
   * control characters as {@code \\u00XX}; non-ASCII as raw UTF-8, except each surrogate char (even of a valid
   * pair), which Jackson escapes as {@code \\uXXXX} unless {@code COMBINE_UNICODE_SURROGATES_IN_UTF8} is on.
   */
  private static void escaped(String text, int from, ByteSink out) {
    out.ensure((text.length() - from) * MAX_BYTES_PER_CHAR);
    byte[] b = out.buffer();
    int at = out.size();
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        at = ascii(c, b, at);
      } else if (c < 0x800) {
        b[at++] = (byte) (0xC0 | c >> 6);
        b[at++] = (byte) (0x80 | c & 0x3F);
      } else if (Character.isSurrogate(c)) {
        at = unicodeEscape(c, b, at);
      } else {
        b[at++] = (byte) (0xE0 | c >> 12);
        b[at++] = (byte) (0x80 | c >> 6 & 0x3F);
        b[at++] = (byte) (0x80 | c & 0x3F);
      }
    }
    out.size(at);
  }

  private static int ascii(char c, byte[] b, int at) {
    char shortForm = c == '"' || c == '\\' ? c : c == '\b' ? 'b' : c == '\t' ? 't' : c == '\n' ? 'n'
        : c == '\f' ? 'f' : c == '\r' ? 'r' : 0;
    if (shortForm != 0) {
      b[at++] = '\\';
      b[at++] = (byte) shortForm;
    } else if (c < 0x20) {
      at = unicodeEscape(c, b, at);
    } else {
      b[at++] = (byte) c;
    }
    return at;
  }

  private static int unicodeEscape(char c, byte[] b, int at) {
    b[at++] = '\\';
    b[at++] = 'u';
    b[at++] = HEX[c >> 12 & 0xF];
    b[at++] = HEX[c >> 8 & 0xF];
    b[at++] = HEX[c >> 4 & 0xF];
    b[at++] = HEX[c & 0xF];
    return at;
  }
}
