package dev.refreshcdn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.refreshcdn.RefreshException.InvalidUrl;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The check's Latin-1 fast path (a byte copy of the common entry) gives exactly what its char path gives: the same
 * accepted URLs, encoded lengths, refusals (position, entry, reason with its column) and duplicates. The char path,
 * which every entry takes with the fast path off, is the reference.
 */
class UrlCheckLatin1Test {
  private static final String[] SCHEMES = {"https://", "http://", "https://", "http://", "ftp://", "HTTPS://", ""};
  private static final String[] HOSTS = {"www.test.com", "WWW.Test.COM", "img.test.com", "ÉCOLE.fr", "école.fr",
      "例子.cn", "[::1]", "[::1]:443", "[::1]:80", "[::1", "x.com:443", "X.COM:80", "x.com:8080", "x.com:", "x.com:99999",
      "x.com:4a", "user@x.com", "a..b", ".a", "", "x.c?m", "x.com\u00a0", "x\tcom", "x.com#f", "xn--fsq.com", "X.Com"};
  /** Characters a path, query or fragment is built of: plain, Latin-1, outside Latin-1, refused, and '?' / '#'. */
  private static final String[] PIECES = {"a", "Z", "0", "-", ".", "_", "~", "/", "/", "/static/", "?", "?v=1", "#",
      "&", "=", "%", "+", "é", "É", "ÿ", "\u00a1", "\u00bf", "\u00d7", "\u00b5", "\u00a0", "\u0080", "\u0085", "\u009f",
      "图", "片", "\uD83D\uDE00", "\uD83D", "\uDE00", "\uFFFD", "\u3000", "\u2028", "\u2003", "\u0100", "\u013f",
      "\u7f3f", " ", "\t", "\n", "\r", "\u000b", "\u000c", "\u001c", "\u001f", "\u0000", "\u007f", "?", "?"};
  private static final String[] EDGES = {"", "", "", "", " ", "\t", "\u00a0", "\u3000", "\u2003", "\n", "\u00e9", "?"};

  @Test
  void generatedEntriesOfEveryKindAreCheckedAlikeByTheFastPathAndTheCharPath() {
    // given: entries of every kind, each also repeated in other spellings the CDN reads as the same
    List<String> input = generated(new Random(15), 60_000);
    for (boolean ignoreQuery : new boolean[] {false, true}) {
      for (int maxEncodedLength : new int[] {100_000, 90}) {
        // when
        UrlCheck.Result fast = new UrlCheck(ignoreQuery, maxEncodedLength, true).check(input);
        UrlCheck.Result chars = new UrlCheck(ignoreQuery, maxEncodedLength, false).check(input);
        // then
        assertSameResult(chars, fast);
      }
    }
  }

  @Test
  void aUrlIsOneWithItsSpellingsWhetherTheFastPathOrTheCharPathHashedIt() {
    // given: the first of each pair takes the fast path, the second (a port, or a character outside Latin-1) does not
    List<String> input = List.of("https://www.test.com/a", "https://WWW.TEST.COM:443/a", "http://x.com/é?q",
        "http://X.com:80/é?q", "https://x.com/p?r=1", "https://x.com:443/p?r=1", "https://ÉCOLE.fr/图",
        "https://école.fr/图", "https://école.fr/x?图", "https://ÉCOLE.FR:443/x?图");
    for (boolean latin1 : new boolean[] {true, false}) {
      // when
      UrlCheck.Result result = new UrlCheck(false, 100_000, latin1).check(input);
      // then
      assertEquals(List.of("https://www.test.com/a", "http://x.com/é?q", "https://x.com/p?r=1", "https://ÉCOLE.fr/图",
          "https://école.fr/x?图"), result.urls);
      assertEquals(5, result.duplicates);
    }
  }

  @Test
  void aQuestionMarkInTheCopyIsTheCharacterItselfOrTheCharPathChecksTheEntry() {
    // given: '?' in the ISO-8859-1 copy stands for any character outside Latin-1 too
    List<String> input = List.of("https://x.com/a?b", "https://x.com/a\u3000b", "https://x.com/a\uD83Db",
        "https://x.com/a?\u3000", "https://x\u3000.com/a", "https://x.com/a\u3000");
    // when
    UrlCheck.Result result = new UrlCheck(true, 100_000, true).check(input);
    // then: a space outside Latin-1 is refused at its column, a lone surrogate too, a trailing one trimmed
    assertEquals(List.of("https://x.com/a"), result.urls);
    assertEquals(List.of("2: contains whitespace or a control character at column 16", "3: contains an unpaired "
        + "surrogate at column 16", "5: contains whitespace or a control character at column 10"),
        result.invalid.stream().map(bad -> bad.position() + ": " + bad.reason().replaceAll(" \\(.*", ""))
            .collect(Collectors.toList()));
    assertEquals(2, result.duplicates);
  }

  private static List<String> generated(Random random, int count) {
    List<String> input = new ArrayList<>();
    while (input.size() < count) {
      StringBuilder path = new StringBuilder();
      for (int pieces = random.nextInt(12); pieces > 0; pieces--) {
        // one piece in four any Latin-1 character: each of the 256 is met many times
        path.append(random.nextInt(4) == 0 ? String.valueOf((char) random.nextInt(256))
            : PIECES[random.nextInt(PIECES.length)]);
      }
      String host = HOSTS[random.nextInt(HOSTS.length)];
      String scheme = SCHEMES[random.nextInt(SCHEMES.length)];
      String entry = EDGES[random.nextInt(EDGES.length)] + scheme + host + path + EDGES[random.nextInt(EDGES.length)];
      input.add(entry);
      if (random.nextInt(4) == 0) { // the same URL again, its host upper-cased, with the scheme's default port
        String port = scheme.equals("https://") ? ":443" : ":80";
        input.add(scheme + host.toUpperCase(java.util.Locale.ROOT) + (host.contains(":") ? "" : port) + path);
        input.add(entry.trim());
      }
    }
    return input;
  }

  private static void assertSameResult(UrlCheck.Result expected, UrlCheck.Result actual) {
    assertEquals(expected.inputCount, actual.inputCount);
    assertEquals(expected.urls, actual.urls);
    int kept = expected.urls.size();
    assertArrayEquals(Arrays.copyOf(expected.encodedLengths, kept), Arrays.copyOf(actual.encodedLengths, kept));
    assertEquals(described(expected.invalid), described(actual.invalid));
    assertEquals(expected.duplicates, actual.duplicates);
  }

  private static List<String> described(List<InvalidUrl> invalid) {
    return invalid.stream().map(bad -> bad.position() + " " + bad.value() + " " + bad.reason())
        .collect(Collectors.toList());
  }
}
