package dev.refreshcdn;

import dev.refreshcdn.Api.HttpMethod;
import dev.refreshcdn.Plan.DryRun;
import dev.refreshcdn.RefreshException.InvalidInputException;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.refreshcdn.RefreshException.InvalidUrl;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bad input is caught before a single request is spent, and each bad entry is named with its position. */
class InputCheckTest {
  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().extensions(new SignatureCheck())).build();

  private static Refresh refresh(List<String> urls) {
    return Refresh.urls(urls).api(Api.V2).credentials(SignatureCheck.SECRET_ID, SignatureCheck.SECRET_KEY)
        .endpoint(server.url("/v2/index.php"));
  }

  @Test
  void everyBadEntryIsNamedWithItsPositionAndNothingIsSent() {
    // given
    server.stubFor(post("/v2/index.php").willReturn(okJson(SubmitTest.SUCCESS)));
    List<String> input = Arrays.asList(
        "https://www.test.com/ok.jpg",        // 1
        "ftp://www.test.com/a.jpg",           // 2
        "   ",                                // 3
        "https://www.test.com/a b.jpg",       // 4
        "http://",                            // 5
        null,                                 // 6
        "www.test.com/no-scheme.jpg",         // 7
        "https://www.test.com/tab\t.jpg",     // 8
        "HTTPS://www.test.com/upper.jpg",     // 9
        "https://:8080/no-host",              // 10
        "https://www.test.com:99999/port",    // 11
        "https://www.test.com/nbsp\u00a0.jpg" // 12
    );
    // when
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> refresh(input).batch().submit());
    // then
    assertEquals(List.of(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), e.invalid().stream().map(InvalidUrl::position).toList());
    assertEquals("must start with http:// or https://", e.invalid().get(0).reason());
    assertEquals("is blank", e.invalid().get(1).reason());
    assertTrue(e.invalid().get(2).reason().startsWith("contains whitespace"), e.invalid().get(2).reason());
    assertEquals("has no host", e.invalid().get(3).reason());
    assertEquals("is null", e.invalid().get(4).reason());
    assertTrue(e.getMessage().startsWith("11 of 12 entries are not valid URLs to refresh; nothing was sent"), e.getMessage());
    assertTrue(e.getMessage().contains("#2 \"ftp://www.test.com/a.jpg\": must start with http:// or https://"), e.getMessage());
    assertTrue(e.getMessage().contains("#8 \"https://www.test.com/tab\\u0009.jpg\""), e.getMessage());
    server.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void anUnpairedSurrogateIsABadEntryNotASilentQuestionMark() {
    // when: UTF-8 cannot carry a lone surrogate; getBytes would send "?" instead, a different URL
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> refresh(List.of("https://www.test.com/a\uD800b.jpg", "https://www.test.com/😀.jpg")).batch());
    // then: the lone one is refused, the pair (an emoji) is fine
    assertEquals(1, e.invalid().size());
    assertEquals("contains an unpaired surrogate at column 23 (broken UTF-16)", e.invalid().get(0).reason());
  }

  @Test
  void aReplacementCharacterIsABadEntryWithItsColumnNotAUrlToSend() {
    // given: U+FFFD is what decoding leaves for bytes that were not UTF-8; the URL meant is unknown
    server.stubFor(post("/v2/index.php").willReturn(okJson(SubmitTest.SUCCESS)));
    List<String> input = List.of("https://www.test.com/ok.js", "https://www.test.com/\uFFFD\uFFFDbad.js",
        "https://www.test.com/图片.jpg");
    // when
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> refresh(input).batch().submit());
    // then
    assertEquals(1, e.invalid().size());
    assertEquals(2, e.invalid().get(0).position());
    assertEquals("is not valid UTF-8 at column 22 (U+FFFD, the replacement character, stands there for bytes that "
        + "could not be decoded)", e.invalid().get(0).reason());
    server.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void aPasswordInARefusedUrlIsNotRepeatedInTheMessage() {
    // when
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> refresh(List.of("https://user:s3cret@www.test.com/a.jpg")).batch());
    // then
    assertTrue(e.getMessage().contains("\"https://***@www.test.com/a.jpg\": must not carry user information"), e.getMessage());
    assertFalse(e.getMessage().contains("s3cret"));
  }

  @Test
  void urlsCraftedToCollideUnderStringHashCodeAreAllKept() {
    // given: 4096 URLs built of "Aa"/"BB" pairs, which all share one String.hashCode
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < 4096; i++) {
      StringBuilder path = new StringBuilder("https://www.test.com/");
      for (int bit = 0; bit < 12; bit++) {
        path.append((i >> bit & 1) == 0 ? "Aa" : "BB");
      }
      urls.add(path.toString());
    }
    assertEquals(1, urls.stream().map(String::hashCode).distinct().count());
    // when
    Plan plan = refresh(urls).batch();
    // then
    assertEquals(urls, plan.urls());
  }

  @Test
  void aLargeInputCheckedOnSeveralCoresKeepsPositionsAndFirstSeenOrder() {
    // given: 40,000 entries, more than one worker's share, with bad entries and duplicates across shares
    List<String> input = new ArrayList<>();
    for (int i = 1; i <= 40_000; i++) {
      input.add(i % 10_000 == 0 ? "bad " + i : i > 30_000 ? "https://www.test.com/" + (i - 30_000) : "https://www.test.com/" + i);
    }
    // when
    Plan plan = refresh(input).skipInvalid().batch();
    // then
    assertEquals(List.of(10_000, 20_000, 30_000, 40_000), plan.skipped().stream().map(InvalidUrl::position).toList());
    assertEquals(30_000 - 3, plan.urls().size());
    assertEquals("https://www.test.com/1", plan.urls().get(0));
    assertEquals("https://www.test.com/29999", plan.urls().get(plan.urls().size() - 1));
    assertEquals(40_000 - 4 - (30_000 - 3), plan.duplicatesDropped());
  }

  @Test
  void emptyInputIsAnErrorAndNothingIsSent() {
    // when
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> refresh(List.of()).batch().submit());
    // then
    assertTrue(e.getMessage().startsWith("no URLs given"), e.getMessage());
    server.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void skipInvalidLeavesBadEntriesOutAndReportsThem() {
    // given
    server.stubFor(post("/v2/index.php").willReturn(okJson(SubmitTest.SUCCESS)));
    // when
    Plan plan = refresh(List.of("https://www.test.com/1.jpg", "nope", "https://www.test.com/2.jpg")).skipInvalid().batch();
    Submission s = plan.submit();
    // then
    assertEquals(List.of(new InvalidUrl(2, "nope", "must start with http:// or https://")), plan.skipped());
    assertEquals(List.of("https://www.test.com/1.jpg", "https://www.test.com/2.jpg"), s.tasks().get(0).urls());
  }

  @Test
  void skipInvalidWithNothingValidLeftIsStillAnError() {
    // when
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> refresh(List.of("nope", "")).skipInvalid().batch());
    // then
    assertEquals(2, e.invalid().size());
    assertTrue(e.getMessage().startsWith("no valid URL among 2 entries"), e.getMessage());
  }

  @Test
  void entriesAreTrimmedAndExactDuplicatesDroppedKeepingFirstSeenOrder() {
    // when
    Plan plan = refresh(List.of(" https://www.test.com/b.jpg", "https://www.test.com/a.jpg",
        "https://www.test.com/b.jpg\n", "https://www.test.com/a.jpg", "https://www.test.com/a.jpg?v=1")).batch();
    // then
    assertEquals(List.of("https://www.test.com/b.jpg", "https://www.test.com/a.jpg", "https://www.test.com/a.jpg?v=1"),
        plan.urls());
    assertEquals(2, plan.duplicatesDropped());
  }

  @Test
  void urlsThatDifferOnlyByHostCaseOrAnExplicitDefaultPortAreOneKeepingTheFirstSpelling() {
    // when
    Plan plan = refresh(List.of("https://WWW.Test.com/a.jpg", "https://www.test.com/a.jpg",
        "https://www.test.com:443/a.jpg", "http://www.test.com:80/a.jpg", "http://WWW.TEST.COM/a.jpg",
        "https://www.test.com/A.jpg", "https://www.test.com:8443/a.jpg", "http://www.test.com:443/a.jpg",
        "https://www.test.com/a.jpg?X=1", "https://www.test.com/a.jpg?x=1")).batch();
    // then: the path, the query, another port and the scheme still make a different URL
    assertEquals(List.of("https://WWW.Test.com/a.jpg", "http://www.test.com:80/a.jpg", "https://www.test.com/A.jpg",
        "https://www.test.com:8443/a.jpg", "http://www.test.com:443/a.jpg", "https://www.test.com/a.jpg?X=1",
        "https://www.test.com/a.jpg?x=1"), plan.urls());
    assertEquals(3, plan.duplicatesDropped());
  }

  @Test
  void ignoreQueryStripsQueryStringsAndDedupesAgain() {
    // when
    Plan plan = refresh(List.of("https://www.test.com/a.jpg?v=1", "https://www.test.com/a.jpg?v=2",
        "https://www.test.com/b.jpg#top", "https://www.test.com/a.jpg")).ignoreQuery().batch();
    // then
    assertEquals(List.of("https://www.test.com/a.jpg", "https://www.test.com/b.jpg"), plan.urls());
    assertEquals(2, plan.duplicatesDropped());
  }

  @Test
  void batchSizeOutsideOneToThousandNamesTheValue() {
    Refresh refresh = refresh(List.of("https://www.test.com/1.jpg"));
    for (int size : new int[] {0, -5, 1001}) {
      // when
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> refresh.batch(size));
      // then
      assertEquals("batch size must be between 1 and 1000: " + size, e.getMessage());
    }
  }

  @Test
  void requestsAreSplitBySizeNotOnlyByCount() {
    // given: 1000 URLs of about 2.9 KB each, 2.9 MB in all, nearly three times the 1 MB POST limit
    List<String> urls = new ArrayList<>();
    String padding = String.join("", Collections.nCopies(2900, "x"));
    for (int i = 0; i < 1000; i++) {
      urls.add("https://www.test.com/" + i + "/" + padding);
    }
    // when
    Plan post = refresh(urls).batch();
    Plan get = refresh(urls.subList(0, 100)).method(HttpMethod.GET).batch();
    // then
    assertEquals(3, post.requestCount());
    assertEquals(1000, post.requests().stream().mapToInt(b -> b.urls().size()).sum());
    assertTrue(post.dryRun().requests().stream().allMatch(r -> r.bytes() <= Refresh.MAX_POST_BYTES));
    assertTrue(get.requestCount() >= 10, "100 URLs of 3 KB need at least 10 GET requests: " + get.requestCount());
    assertTrue(get.dryRun().requests().stream()
        .allMatch(r -> r.bytes() + r.endpoint().toString().length() + 1 <= Refresh.MAX_GET_BYTES - 1024));
  }

  @Test
  void aSessionTokenIsCountedWhenRequestsAreSplitBySize() {
    // given: a 4 KB token of characters that all need encoding, and URLs that fill GET requests
    String token = String.join("", Collections.nCopies(4096, "+"));
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      urls.add("https://www.test.com/" + i + "/" + String.join("", Collections.nCopies(200, "z")));
    }
    // when
    DryRun dryRun = refresh(urls).credentials(SignatureCheck.SECRET_ID, SignatureCheck.SECRET_KEY, token)
        .method(HttpMethod.GET).batch().dryRun();
    // then: every query, token included, stays under the limit with room for the request line and headers
    assertTrue(dryRun.requests().stream().allMatch(r -> r.bytes() + 1024 <= Refresh.MAX_GET_BYTES),
        dryRun.requests().stream().map(DryRun.Request::bytes).toList().toString());
  }

  @Test
  void aUrlTooLongForAnyRequestIsABadEntry() {
    // given
    String huge = "https://www.test.com/" + String.join("", Collections.nCopies(40_000, "y"));
    // when
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> refresh(List.of("https://www.test.com/1.jpg", huge)).method(HttpMethod.GET).batch());
    // then
    assertEquals(2, e.invalid().get(0).position());
    assertTrue(e.invalid().get(0).reason().startsWith("is too long"), e.invalid().get(0).reason());
  }

  @Test
  void endpointMustBeHttpsExceptOnLoopback() {
    // when / then
    assertThrows(IllegalArgumentException.class, () -> Refresh.urls("https://a.com/").api(Api.V2).endpoint("http://cdn.api.qcloud.com/v2/index.php"));
    assertThrows(IllegalArgumentException.class, () -> Refresh.urls("https://a.com/").api(Api.V2).endpoint("https://cdn.api.qcloud.com/v2/index.php?x=1"));
    assertThrows(IllegalArgumentException.class, () -> Refresh.urls("https://a.com/").api(Api.V2).endpoint("ftp://cdn.api.qcloud.com/"));
    Refresh.urls("https://a.com/").api(Api.V2).endpoint("http://127.0.0.1:8080/v2/index.php");
    Refresh.urls("https://a.com/").api(Api.V2).endpoint("http://localhost:8080/v2/index.php");
    Refresh.urls("https://a.com/").api(Api.V2).endpoint("http://[::1]:8080/v2/index.php");
  }

  @Test
  void theSignedHostCarriesThePortUnlessItIsTheSchemesDefault() {
    assertEquals("cdn.api.qcloud.com", V2Codec.signedHost(java.net.URI.create("https://cdn.api.qcloud.com/v2/index.php")));
    assertEquals("cdn.api.qcloud.com", V2Codec.signedHost(java.net.URI.create("https://cdn.api.qcloud.com:443/v2/index.php")));
    assertEquals("127.0.0.1:8443", V2Codec.signedHost(java.net.URI.create("http://127.0.0.1:8443/v2/index.php")));
    assertEquals("localhost", V2Codec.signedHost(java.net.URI.create("http://localhost:80/v2/index.php")));
  }

  @Test
  void dedupeIsExactEvenWhenHashesCollide() {
    // given: "Aa" and "BB" have the same String hash, and so do all their concatenations
    List<String> colliding = List.of("https://x.com/AaAa", "https://x.com/AaBB", "https://x.com/BBAa", "https://x.com/BBBB");
    assertEquals(1, colliding.stream().map(String::hashCode).distinct().count());
    List<String> input = new ArrayList<>(colliding);
    input.add(new String("https://x.com/BBAa"));
    DistinctUrls distinct = new DistinctUrls(input);
    // when
    for (int i = 0; i < colliding.size(); i++) {
      assertTrue(distinct.add(i, input.get(i), input.get(i).hashCode()));
    }
    boolean repeatKept = distinct.add(4, input.get(4), input.get(4).hashCode());
    // then
    assertEquals(false, repeatKept);
    assertEquals(colliding, distinct.urls());
  }

  @Test
  void dedupeKeepsTheFirstOfAMillionUrlsEachSeenTwiceInFirstSeenOrder() {
    // given
    List<String> input = new ArrayList<>();
    for (int i = 0; i < 1_000_000; i++) {
      input.add("https://www.test.com/p/" + i);
      input.add("https://www.test.com/p/" + (i / 2));
    }
    DistinctUrls distinct = new DistinctUrls(input);
    // when
    for (int i = 0; i < input.size(); i++) {
      distinct.add(i, input.get(i), input.get(i).hashCode());
    }
    // then
    assertEquals(1_000_000, distinct.size());
    assertEquals("https://www.test.com/p/0", distinct.urls().get(0));
    assertEquals("https://www.test.com/p/1", distinct.urls().get(1));
    assertEquals("https://www.test.com/p/999999", distinct.urls().get(999_999));
  }

  @Test
  void dedupeHandsBackTheInputItselfWhenEveryEntryIsKeptAsItIs() {
    // given
    List<String> input = List.of("https://x.com/a", "https://x.com/b", "https://x.com/c");
    DistinctUrls distinct = new DistinctUrls(input);
    // when
    for (int i = 0; i < input.size(); i++) {
      distinct.add(i, input.get(i), input.get(i).hashCode());
    }
    // then
    assertSame(input, distinct.urls());
  }

  @Test
  void dedupeKeepsTheChangedUrlWhereAnEntryWasTrimmedAndSkipsARefusedOne() {
    // given: entry 1 is kept as a changed string (trimmed), entry 2 refused (never added), entry 3 as it is
    List<String> input = List.of("https://x.com/a", " https://x.com/b", "ftp://x.com/", "https://x.com/c");
    DistinctUrls distinct = new DistinctUrls(input);
    // when
    distinct.add(0, input.get(0), input.get(0).hashCode());
    distinct.add(1, "https://x.com/b", "https://x.com/b".hashCode());
    distinct.add(3, input.get(3), input.get(3).hashCode());
    // then
    assertEquals(List.of("https://x.com/a", "https://x.com/b", "https://x.com/c"), distinct.urls());
  }

  @Test
  void dedupeEndingInARefusedEntryHandsBackTheKeptPrefix() {
    // given
    List<String> input = List.of("https://x.com/a", "https://x.com/b", "ftp://x.com/");
    DistinctUrls distinct = new DistinctUrls(input);
    // when
    distinct.add(0, input.get(0), input.get(0).hashCode());
    distinct.add(1, input.get(1), input.get(1).hashCode());
    // then
    assertEquals(List.of("https://x.com/a", "https://x.com/b"), distinct.urls());
  }
}
