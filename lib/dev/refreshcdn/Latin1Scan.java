package dev.refreshcdn;

import java.nio.charset.StandardCharsets;

/**
 * The check's fast path for the common entry: what {@code UrlCheck.Scanner.scan} computes, read from the entry's
 * ISO-8859-1 copy instead of its chars. Why: the script's JVM runs C1 only, which keeps the bounds-check calls of every
 * {@code String.charAt}, and checking a million URLs that way was a third of a dry run's CPU; a Latin-1 string's
 * ISO-8859-1 copy is one array copy, and a loop over bytes with two table lookups a character costs about half.
 * <p>
 * The common entry: nothing to trim, a host alone for its authority (no user, port, IPv6 or empty label), every
 * character Latin-1, none refused. Every other entry is left to the char path ({@link #BY_CHARS}), which stays the one
 * exact definition and words every refusal. The copy has '?' for a character outside Latin-1, so each '?' read is
 * checked against the string. {@code UrlCheckLatin1Test} holds the two paths to the same results.
 */
final class Latin1Scan {
  /** What {@link #scan} returns for an entry it leaves to the char path. */
  static final long BY_CHARS = -1;
  private static final byte[] HTTPS = "https://".getBytes(StandardCharsets.ISO_8859_1);
  private static final byte[] HTTP = "http://".getBytes(StandardCharsets.ISO_8859_1);
  /**
   * For each Latin-1 character, as the char path counts it: its percent-encoded length; 0 if it is refused (a space
   * or control character); -1 for '?' and '#', which may end what is sent. Final, written only here.
   */
  private static final int[] WIDTH = new int[256];
  /** Each Latin-1 character as hosts compare ({@link Hosts#fold}), looked up rather than computed per character. */
  private static final char[] FOLDED = new char[256];

  static {
    for (int c = 0; c < 256; c++) {
      boolean refused = c <= ' ' || c >= 0x7f && c <= 0x9f || Character.isWhitespace(c) || Character.isSpaceChar(c);
      WIDTH[c] = refused ? 0 : c == '?' || c == '#' ? -1 : c >= 0x80 ? 6 : PercentEncoding.unreserved(c) ? 1 : 3;
      FOLDED[c] = Hosts.fold((char) c);
    }
  }

  private Latin1Scan() {}

  /**
   * For an accepted common entry, its percent-encoded length (what is sent: without the query with {@code
   * ignoreQuery}) in the high half and its hash in the low, both as the char path computes them with {@code seed};
   * {@link #BY_CHARS} for any other entry.
   */
  static long scan(String entry, boolean ignoreQuery, long seed) {
    if (entry == null) {
      return BY_CHARS;
    }
    byte[] bytes = entry.getBytes(StandardCharsets.ISO_8859_1);
    int n = bytes.length;
    // Bytes are signed: > ' ' is ASCII and not blank, so the entry needs no trimming (a '?' is checked).
    if (n == 0 || bytes[0] <= ' ' || bytes[n - 1] <= ' ' || bytes[n - 1] == '?' && entry.charAt(n - 1) != '?') {
      return BY_CHARS;
    }
    int hostEnd = plainHostEnd(entry, bytes);
    if (hostEnd < 0) {
      return BY_CHARS;
    }
    int length = 0;
    long hash = seed;
    for (int i = 0; i < hostEnd; i++) { // the scheme and the host, whose case the CDN does not read
      int c = bytes[i] & 0xff;
      if (WIDTH[c] <= 0) { // a space or control character ('?' and '#' end a plain host)
        return BY_CHARS;
      }
      hash = (hash ^ FOLDED[c]) * seed;
      length += WIDTH[c];
    }
    for (int i = hostEnd; i < n; i++) {
      int c = bytes[i] & 0xff;
      int width = WIDTH[c];
      if (width <= 0) {
        if (width == 0 || c == '?' && entry.charAt(i) != '?') { // refused, or a character outside Latin-1
          return BY_CHARS;
        }
        if (ignoreQuery) {
          break;
        }
        width = 3;
      }
      hash = (hash ^ c) * seed;
      length += width;
    }
    return (long) length << 32 | (int) (hash ^ hash >>> 32) & 0xffffffffL;
  }

  /**
   * Where the host of {@code bytes} (the ISO-8859-1 copy of {@code entry}) ends if it starts with http:// or https://
   * and its authority is a host alone, which {@code UrlCheck.problem} accepts as it is: otherwise -1. A host alone
   * ends where its authority does, and names no default port.
   */
  private static int plainHostEnd(String entry, byte[] bytes) {
    int start = startsWith(bytes, HTTPS) ? HTTPS.length : startsWith(bytes, HTTP) ? HTTP.length : -1;
    if (start < 0) {
      return -1;
    }
    int end = start;
    for (; end < bytes.length; end++) {
      byte c = bytes[end];
      if (c == '/' || c == '#' || c == '?' && entry.charAt(end) == '?') {
        break;
      }
      if (c == '?' || c == '@' || c == ':' || c == '[' || c == '.' && (end == start || bytes[end - 1] == '.')) {
        return -1;
      }
    }
    return end == start ? -1 : end;
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
