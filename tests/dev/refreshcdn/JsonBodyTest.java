package dev.refreshcdn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Request bodies are, byte for byte, what Jackson jr's {@code JSON.std.asBytes} wrote before them. */
class JsonBodyTest {
  private static final Credentials CREDENTIALS = new Credentials("AKIDjsonBodyEXAMPLE0001", "jsonBodySecretKeyEXAMPLE");
  /** Pieces of text that take every path of the writer: plain, escaped, Latin-1, 3-byte, surrogates, '?'. */
  private static final String[] PIECES = {
    "https://www.test.com/static/", "app-456.js", "?v=7&lang=zh-CN", "?", "é", "ü", "ÿ", "\u0080", "\u00a0", "ß?",
    "中文", "中?", "\u07ff", "\u0800", "\uffff", "😀", "\uD83D", "\uDE00", "\uDE00\uD83D", "\"", "\\", "/", "\u007f",
    "\u0000", "\b", "\t", "\n", "\u000b", "\f", "\r", "\u001b", "\u001f", " ", "", "%E4%B8%AD", "\u2028"};

  @Test
  void everyCharAloneAndBetweenPlainTextIsWrittenAsJacksonWritesIt() throws IOException {
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      String one = String.valueOf((char) c);
      // given / when / then: the char alone, after a plain prefix, and before a '?' the fast path must check
      assertSame(map("Urls", List.of(one, "https://a.test/" + one + "/x", one + "?" + one)), Integer.toHexString(c));
    }
  }

  @Test
  void everyLatin1CharInEveryByteOfAnEightByteWordIsWrittenAsJacksonWritesIt() throws IOException {
    for (int c = 0; c <= 0x17f; c++) {
      for (int at = 0; at < 17; at++) {
        // given: the char among plain bytes, at each place a word read eight bytes at a time may hold it
        String text = "a".repeat(at) + (char) c + "b".repeat(16 - at);
        // when / then
        assertSame(map("Urls", List.of(text)), Integer.toHexString(c) + " at " + at);
      }
    }
  }

  @Test
  void surrogatePairsLoneSurrogatesAndQuestionMarksAreWrittenAsJacksonWritesThem() throws IOException {
    // given
    List<String> texts = List.of("😀", "a😀b", "😀?", "?😀", "??😀??", "\uD83D", "\uDE00", "x\uD83D", "\uDE00x",
        "\uDE00\uD83D", "\uD83D\uD83D\uDE00", "é?", "?é", "中?文", "?", "??", "a?b", "\uDBFF\uDFFF", "\uD800\uDC00", "");
    for (String text : texts) {
      // when / then
      assertSame(map("Urls", List.of(text), "UserAgent", text), text);
    }
  }

  @Test
  void randomPayloadsOfEveryValueTypeAreWrittenAsJacksonWritesThem() throws IOException {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    for (int n = 0; n < 2_000; n++) {
      // given
      Map<String, Object> payload = randomPayload(random);
      // when / then
      assertSame(payload, "seed " + seed + ", payload " + n);
    }
  }

  @Test
  void everyPurgeAndPrefetchBodyTheApiBuildsIsWhatJacksonWrites() throws IOException {
    Random random = new Random(15);
    Refresh urls = Refresh.urls(List.of("https://a.test/"));
    Refresh dirs = Refresh.dirs("https://a.test/");
    List<Refresh> shapes = List.of(urls, urls.area(Area.OVERSEAS), urls.area(Area.MAINLAND).urlEncode(), urls.prefetch(),
        urls.prefetch().area(Area.GLOBAL), urls.prefetch().userAgent("Agent é 中 😀 \"q\" \\ ?").middleLayer().parseM3u8()
            .disableRange().header("X-A", "a\tb é").header("X-B", "中 😀 \"v\" ?").urlEncode(),
        dirs, dirs.area(Area.MAINLAND).urlEncode(), dirs.area(Area.OVERSEAS).flushAll());
    for (Refresh shape : shapes) {
      for (int size : new int[] {1, 2, 7, 1000}) {
        // given
        List<String> items = randomUrls(random, size);
        // when
        Settings settings = shape.api(Api.V3).settings();
        EncodedRequest request = CdnApis.of(settings).signedBy(CREDENTIALS).purge(items, 1_795_000_000L, 1);
        // then: Jackson, given the payload back as it reads it, writes the same bytes
        byte[] body = Arrays.copyOf(request.body, request.size);
        assertArrayEquals(JSON.std.asBytes(JSON.std.mapFrom(body)), body, new String(body, StandardCharsets.UTF_8));
        assertEquals(items, JSON.std.mapFrom(body).get(settings.directories ? "Paths" : "Urls"));
      }
    }
  }

  @Test
  void everyQueryBodyIsWhatJacksonWrites() throws IOException {
    // given: the payloads of DescribePurgeQuota, DescribeDomains, and of DescribePurgeTasks by id and by time
    List<Map<String, Object>> payloads = List.of(Map.of(), map("Offset", 0, "Limit", 1000),
        map("TaskId", "1480069888795584532-abc", "Offset", 20, "Limit", 1000),
        map("StartTime", "2026-11-30 10:00:00", "EndTime", "2026-11-30 11:00:00", "Offset", 2000, "Limit", 100));
    for (Map<String, Object> payload : payloads) {
      // when
      EncodedRequest request = new V3Call(Api.V3.defaultEndpoint(), CREDENTIALS).encode("A", payload, 1L, 0, "");
      // then
      assertArrayEquals(JSON.std.asBytes(payload), Arrays.copyOf(request.body, request.size));
    }
  }

  @Test
  void aValueWithNoJsonFormHereIsRefusedNotGuessed() {
    // given
    Map<String, Object> payload = map("Ratio", 0.5);
    // when / then
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonBody.of(payload));
    assertTrue(e.getMessage().contains("java.lang.Double"), e.getMessage());
  }

  private static void assertSame(Map<String, Object> payload, String what) throws IOException {
    ByteSink sink = JsonBody.of(payload);
    assertArrayEquals(JSON.std.asBytes(payload), Arrays.copyOf(sink.buffer(), sink.size()), what);
  }

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static String randomText(Random random) {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(6); i > 0; i--) {
      text.append(random.nextInt(3) == 0 ? PIECES[random.nextInt(PIECES.length)] : PIECES[random.nextInt(3)]);
    }
    return text.toString();
  }

  private static List<String> randomUrls(Random random, int size) {
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      urls.add(random.nextInt(4) == 0 ? randomText(random) : "https://www.test.com/static/" + i + "/app-" + i + ".js?v=7");
    }
    return urls;
  }

  /** A payload of the values request bodies hold, nested as deep as a prefetch's Headers, plus nulls. */
  private static Map<String, Object> randomPayload(Random random) {
    Object[] scalars = {randomText(random), random.nextBoolean(), random.nextInt(), random.nextLong(), null,
        Integer.MIN_VALUE, Long.MIN_VALUE, 0};
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("Urls", randomUrls(random, random.nextInt(40)));
    for (int i = random.nextInt(6); i > 0; i--) {
      payload.put(randomText(random), scalars[random.nextInt(scalars.length)]);
    }
    List<Object> headers = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      headers.add(map("Name", randomText(random), "Value", randomText(random), "Skipped", null));
      headers.add(random.nextBoolean() ? null : List.of());
    }
    payload.put("Headers", headers);
    payload.put("Empty", Map.of());
    return payload;
  }
}
