package dev.refreshcdn;

import dev.refreshcdn.RefreshException.InvalidUrl;
import dev.refreshcdn.internal.Texts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.RandomAccess;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Checks, trims and de-duplicates the input before anything is sent: what the service would refuse is
 * caught here, with the entry's position, so no request (and no quota) is spent on it.
 */
final class UrlCheck {
  private static final String WHITESPACE =
      "contains whitespace or a control character at column %d (percent-encode it, e.g. %%20 for a space)";
  private static final String SURROGATE = "contains an unpaired surrogate at column %d (broken UTF-16)";
  /**
   * U+FFFD is what a decoder puts where bytes were not valid UTF-8 (or not valid in the locale's encoding, for the
   * JVM's command-line arguments): the URL meant is unknown, and sending {@code %EF%BF%BD} would refresh another.
   */
  private static final String REPLACEMENT =
      "is not valid UTF-8 at column %d (U+FFFD, the replacement character, stands there for bytes that could not be "
          + "decoded)";
  /** Entries checked together by one worker when a large input is checked on several cores. */
  private static final int CHUNK = 16_384;
  /** How many entries' table slots the de-duplication reads ahead ({@link DistinctUrls#touch}). */
  private static final int TOUCH = 16;

  private final boolean ignoreQuery;
  private final int maxEncodedLength;
  /** Whether entries are first tried by {@link Latin1Scan}, the fast path for the common entry. */
  private final boolean latin1;
  /**
   * A random odd multiplier per check: crafted input cannot make its URLs collide (with a fixed hash,
   * 65,536 URLs built of "Aa"/"BB" pairs took 29 s to plan; a million would take hours).
   */
  private final long seed = new java.security.SecureRandom().nextLong() | 1L;

  /** The accepted URLs in first-seen order, the refused entries, and how many duplicates were dropped. */
  static final class Result {
    final List<String> urls;
    /** The percent-encoded length of each URL in {@link #urls}, which the planner needs to split by size. */
    final int[] encodedLengths;
    final List<InvalidUrl> invalid;
    final int duplicates;
    final int inputCount;

    Result(List<String> urls, int[] encodedLengths, List<InvalidUrl> invalid, int duplicates, int inputCount) {
      this.urls = Collections.unmodifiableList(urls);
      this.encodedLengths = encodedLengths;
      this.invalid = List.copyOf(invalid);
      this.duplicates = duplicates;
      this.inputCount = inputCount;
    }
  }

  UrlCheck(boolean ignoreQuery, int maxEncodedLength) {
    this(ignoreQuery, maxEncodedLength, true);
  }

  /** With {@code latin1} false, every entry takes the char path ({@link Scanner#scan}): the reference of tests. */
  UrlCheck(boolean ignoreQuery, int maxEncodedLength, boolean latin1) {
    this.ignoreQuery = ignoreQuery;
    this.maxEncodedLength = maxEncodedLength;
    this.latin1 = latin1;
  }

  /**
   * Checks every entry, then de-duplicates in input order. The first pass, which checks, measures and
   * hashes each entry on its own, runs on every core for large inputs; the second, which keeps the
   * first of equal URLs, goes through the precomputed hashes alone, so its table lookups overlap.
   */
  Result check(List<String> input) {
    List<String> entries = input instanceof RandomAccess ? input : new ArrayList<>(input);
    int n = entries.size();
    int[] hashes = new int[n];
    // The encoded length of each entry, -1 for a refused one; compacted in place to the distinct URLs' lengths.
    int[] lengths = new int[Math.max(16, n)];
    int chunks = (n + CHUNK - 1) / CHUNK;
    IntStream workers = chunks > 1 ? IntStream.range(0, chunks).parallel() : IntStream.range(0, chunks);
    List<List<InvalidUrl>> refusedByChunk = workers
        .mapToObj(c -> new Scanner().check(entries, c * CHUNK, Math.min(n, (c + 1) * CHUNK), hashes, lengths))
        .collect(Collectors.toList());

    // The accepted URL is worked out again rather than kept from the first pass: no array of a million
    // references, and for the common entry (nothing to trim, query kept) it is the entry itself.
    DistinctUrls distinct = new DistinctUrls(entries);
    for (int i = 0; i < n; i++) {
      if (i % TOUCH == 0) {
        distinct.touch(hashes, i, Math.min(n, i + TOUCH));
      }
      if (lengths[i] >= 0 && distinct.add(i, accepted(entries.get(i)), hashes[i])) {
        lengths[distinct.size() - 1] = lengths[i];
      }
    }
    List<InvalidUrl> invalid = new ArrayList<>();
    refusedByChunk.forEach(invalid::addAll);
    int duplicates = n - invalid.size() - distinct.size();
    return new Result(distinct.urls(), lengths, invalid, duplicates, n);
  }

  /** What is checked and sent of an entry that passed {@link #problem}: trimmed, without query with ignoreQuery. */
  private String accepted(String entry) {
    String url = trimmed(entry);
    return ignoreQuery ? withoutQuery(url) : url;
  }

  /** One worker's state: the hash and the problem of the URL it last scanned. */
  private final class Scanner {
    private int scannedHash;
    private String scanProblem;

    /**
     * Checks entries {@code [from, to)}, writing each one's slots; returns the refused ones in order. A reason with a
     * column is kept as its template and column, formatted when read: a million bad lines then cost no million
     * messages.
     */
    List<InvalidUrl> check(List<String> entries, int from, int to, int[] hashes, int[] lengths) {
      List<InvalidUrl> refused = new ArrayList<>();
      for (int i = from; i < to; i++) {
        String entry = entries.get(i);
        lengths[i] = -1;
        long scanned = latin1 ? Latin1Scan.scan(entry, ignoreQuery, seed) : Latin1Scan.BY_CHARS;
        int length = (int) (scanned >> 32);
        scannedHash = (int) scanned;
        if (scanned == Latin1Scan.BY_CHARS) { // the exact definition, for every entry the fast path leaves
          String url = trimmed(entry);
          String problem = problem(url);
          if (problem != null) {
            refused.add(new InvalidUrl(i + 1, entry, problem));
            continue;
          }
          length = scan(ignoreQuery ? withoutQuery(url) : url);
        }
        if (length < 0) {
          refused.add(new InvalidUrl(i + 1, entry, scanProblem, -length));
        } else if (length > maxEncodedLength) {
          refused.add(new InvalidUrl(i + 1, entry,
              "is too long: " + length + " bytes once encoded, a request holds at most " + maxEncodedLength));
        } else {
          hashes[i] = scannedHash;
          lengths[i] = length;
        }
      }
      return refused;
    }

    /**
     * The percent-encoded length of {@code url}, or minus the 1-based column of its first whitespace or
     * control character; leaves a hash of its characters in {@link #scannedHash}. One pass that checks,
     * measures and hashes, as this runs once per input line.
     */
    int scan(String url) {
      int length = 0;
      long hash = seed;
      // The hash is of the URL as the CDN reads it (DistinctUrls.sameUrl): host case and a default port do not count.
      int hostEnd = Hosts.hostEnd(url, Hosts.hostStart(url));
      int portEnd = DistinctUrls.defaultPortEnd(url, hostEnd);
      for (int i = 0; i < url.length(); i++) {
        char c = url.charAt(i);
        if (i < hostEnd) {
          hash = (hash ^ Hosts.fold(c)) * seed;
        } else if (i >= portEnd) {
          hash = (hash ^ c) * seed;
        }
        if (c < 0x80) {
          if (c <= 0x20 || c == 0x7f) {
            return refuse(WHITESPACE, i);
          }
          length += PercentEncoding.unreserved(c) ? 1 : 3;
        } else if (c <= 0x9f || c <= 0x3000 && (Character.isWhitespace(c) || Character.isSpaceChar(c))) {
          // Above U+3000 (the ideographic space) no character is whitespace: CJK text skips the lookups.
          return refuse(WHITESPACE, i);
        } else if (c < 0x800) {
          length += 6;
        } else if (c == '\uFFFD') {
          return refuse(REPLACEMENT, i);
        } else if (Character.isSurrogate(c)) {
          if (!Character.isHighSurrogate(c) || i + 1 == url.length() || !Character.isLowSurrogate(url.charAt(i + 1))) {
            // UTF-8 cannot carry it: it would go out as "?", a different URL.
            return refuse(SURROGATE, i);
          }
          length += 12;
          hash = (hash ^ url.charAt(++i)) * seed;
        } else {
          length += 9;
        }
      }
      scannedHash = (int) (hash ^ hash >>> 32);
      return length;
    }

    private int refuse(String problem, int index) {
      scanProblem = problem;
      return -(index + 1);
    }
  }

  /** The entry without surrounding whitespace; the common case, nothing to strip, costs two comparisons. */
  static String trimmed(String entry) {
    if (entry == null || entry.isEmpty()) {
      return entry;
    }
    char first = entry.charAt(0);
    char last = entry.charAt(entry.length() - 1);
    return first > ' ' && first < 0x80 && last > ' ' && last < 0x80 ? entry : entry.strip();
  }

  /**
   * Why the service would refuse {@code url} (already trimmed) for its scheme or host, or null; the
   * characters are checked by {@link Scanner#scan}.
   */
  static String problem(String url) {
    if (url == null) {
      return "is null";
    }
    if (url.isEmpty()) {
      return "is blank";
    }
    int authorityStart;
    if (url.startsWith("https://")) {
      authorityStart = 8;
    } else if (url.startsWith("http://")) {
      authorityStart = 7;
    } else {
      return "must start with http:// or https://";
    }
    return hostProblem(url, authorityStart);
  }

  private static String hostProblem(String url, int start) {
    int end = start;
    boolean plain = true;
    while (end < url.length()) {
      char c = url.charAt(end);
      if (c == '/' || c == '?' || c == '#') {
        break;
      }
      plain &= c != '@' && c != ':' && c != '[' && !(c == '.' && (end == start || url.charAt(end - 1) == '.'));
      end++;
    }
    if (plain) {
      return end == start ? "has no host" : null;
    }
    String authority = url.substring(start, end);
    if (authority.indexOf('@') >= 0) {
      return "must not carry user information (user@host)";
    }
    String host = authority;
    String port = null;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) {
        return "has an unclosed IPv6 host";
      }
      host = authority.substring(0, close + 1);
      if (close + 1 < authority.length()) {
        if (authority.charAt(close + 1) != ':') {
          return "has an invalid host";
        }
        port = authority.substring(close + 2);
      }
    } else if (authority.indexOf(':') >= 0) {
      host = authority.substring(0, authority.indexOf(':'));
      port = authority.substring(authority.indexOf(':') + 1);
    }
    if (host.isEmpty()) {
      return "has no host";
    }
    if (host.startsWith(".") || host.contains("..")) {
      return "has an invalid host: " + Texts.quote(host);
    }
    if (port != null && !validPort(port)) {
      return "has an invalid port: " + Texts.quote(port);
    }
    return null;
  }

  private static boolean validPort(String port) {
    if (port.isEmpty() || port.length() > 5) {
      return false;
    }
    for (int i = 0; i < port.length(); i++) {
      if (port.charAt(i) < '0' || port.charAt(i) > '9') {
        return false;
      }
    }
    int value = Integer.parseInt(port);
    return value >= 1 && value <= 65535;
  }

  /** The URL without its query string and fragment, as a cache that ignores query strings keys it. */
  static String withoutQuery(String url) {
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == '?' || c == '#') {
        return url.substring(0, i);
      }
    }
    return url;
  }
}
