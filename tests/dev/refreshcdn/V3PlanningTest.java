package dev.refreshcdn;

import dev.refreshcdn.Api.SignatureMethod;
import dev.refreshcdn.RefreshException.QuotaExhaustedException;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * API 3.0, the default, plans against what DescribePurgeQuota says of the area that is charged and cuts requests to
 * the batch it reports; a local refusal never holds back what the service would take.
 */
class V3PlanningTest {
  private static final String ID = "AKIDplanEXAMPLE0001";
  private static final String KEY = "planSecretKeyEXAMPLE";

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static void quota(int urlBatch, int mainlandUrls, int overseasUrls, int pathBatch) {
    server.stubFor(post("/").withHeader("X-TC-Action", equalTo("DescribePurgeQuota")).willReturn(okJson(
        "{\"Response\":{\"RequestId\":\"q\",\"UrlPurge\":["
            + entry("mainland", urlBatch, 10_000, mainlandUrls) + "," + entry("overseas", urlBatch, 10_000, overseasUrls)
            + "],\"PathPurge\":[" + entry("mainland", pathBatch, 100, 100) + "," + entry("overseas", pathBatch, 100, 100)
            + "]}}")));
    server.stubFor(post("/").withHeader("X-TC-Action", equalTo("PurgeUrlsCache"))
        .willReturn(okJson("{\"Response\":{\"TaskId\":\"u\",\"RequestId\":\"r\"}}")));
    server.stubFor(post("/").withHeader("X-TC-Action", equalTo("PurgePathCache"))
        .willReturn(okJson("{\"Response\":{\"TaskId\":\"p\",\"RequestId\":\"r\"}}")));
  }

  private static String entry(String area, int batch, int total, int available) {
    return "{\"Area\":\"" + area + "\",\"Batch\":" + batch + ",\"Total\":" + total + ",\"Available\":" + available + "}";
  }

  private static List<String> urls(int n, String path) {
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      urls.add("https://www.test.com/" + path + i + (path.endsWith("/") ? "/" : ".jpg"));
    }
    return urls;
  }

  /** How many entries each request of {@code action} carried, in the order sent. */
  private static List<Integer> sizes(String action, String field) {
    List<LoggedRequest> requests = server.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-TC-Action", equalTo(action)));
    return requests.stream().map(r -> {
      try {
        return ((List<?>) JSON.std.mapFrom(r.getBodyAsString()).get(field)).size();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }).collect(Collectors.toList());
  }

  private static Refresh configured(Refresh refresh) {
    return refresh.credentials(ID, KEY).endpoint(server.url("/"));
  }

  @Test
  void withoutAnAreaAnExhaustedOverseasQuotaHoldsBackNothingOfAMainlandJob() {
    // given: overseas has nothing left today, mainland all of it
    quota(1000, 10_000, 0, 100);
    // when
    Submission s = configured(Refresh.urls(urls(2500, "img/"))).batch().submit();
    // then
    assertEquals(2500, s.urlCount());
    assertEquals(List.of(1000, 1000, 500), sizes("PurgeUrlsCache", "Urls"));
  }

  @Test
  void theAreaGivenIsTheQuotaPlannedAgainst() {
    // given
    quota(1000, 10_000, 0, 100);
    // when
    QuotaExhaustedException e = assertThrows(QuotaExhaustedException.class,
        () -> configured(Refresh.urls(urls(10, "img/"))).area(Area.OVERSEAS).batch().submit());
    // then: known before a request is spent
    assertEquals(10, e.unsentUrls().size());
    assertEquals(List.of(), sizes("PurgeUrlsCache", "Urls"));
  }

  @Test
  void theServicesUrlBatchCutsRequests() {
    // given
    quota(400, 10_000, 10_000, 39);
    // when
    configured(Refresh.urls(urls(1000, "img/"))).batch().submit();
    // then
    assertEquals(List.of(400, 400, 200), sizes("PurgeUrlsCache", "Urls"));
  }

  @Test
  void theServicesDirectoryBatchCutsRequestsBeyondTheLegacyTwenty() {
    // given
    quota(400, 10_000, 10_000, 39);
    // when
    configured(Refresh.dirs(urls(50, "dir/"))).batch().submit();
    // then
    assertEquals(List.of(39, 11), sizes("PurgePathCache", "Paths"));
  }

  @Test
  void aBatchSizeGivenCanOnlyLowerTheServicesBatch() {
    // given
    quota(400, 10_000, 10_000, 39);
    // when
    configured(Refresh.urls(urls(1000, "img/"))).batch(300).submit();
    configured(Refresh.dirs(urls(50, "dir/"))).batch(100).submit();
    // then
    assertEquals(List.of(300, 300, 300, 100), sizes("PurgeUrlsCache", "Urls"));
    assertEquals(List.of(39, 11), sizes("PurgePathCache", "Paths"));
  }

  @Test
  void withoutTheServicesWordDirectoriesGoTwentyARequest() {
    // given: a sub-account without leave to read the quota
    server.stubFor(post("/").withHeader("X-TC-Action", equalTo("DescribePurgeQuota")).willReturn(okJson(
        "{\"Response\":{\"Error\":{\"Code\":\"UnauthorizedOperation.CdnCamUnauthorized\",\"Message\":\"no\"},"
            + "\"RequestId\":\"q\"}}")));
    server.stubFor(post("/").withHeader("X-TC-Action", equalTo("PurgePathCache"))
        .willReturn(okJson("{\"Response\":{\"TaskId\":\"p\",\"RequestId\":\"r\"}}")));
    // when
    configured(Refresh.dirs(urls(50, "dir/"))).batch().submit();
    // then
    assertEquals(List.of(20, 20, 10), sizes("PurgePathCache", "Paths"));
  }

  private static void domains(String... hostAndArea) {
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < hostAndArea.length; i += 2) {
      rows.append(i == 0 ? "" : ",").append("{\"Domain\":\"").append(hostAndArea[i]).append("\",\"Area\":\"")
          .append(hostAndArea[i + 1]).append("\",\"Status\":\"online\"}");
    }
    server.stubFor(post("/").withHeader("X-TC-Action", equalTo("DescribeDomains")).willReturn(okJson(
        "{\"Response\":{\"RequestId\":\"d\",\"TotalNumber\":" + hostAndArea.length / 2 + ",\"Domains\":[" + rows
            + "]}}")));
  }

  private static int asked(String action) {
    return server.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-TC-Action", equalTo(action))).size();
  }

  @Test
  void aMainlandDomainIsPlannedAgainstWhatMainlandHasLeftAsDescribeDomainsSays() {
    // given: mainland has 5 left, overseas plenty; www.test.com is a mainland domain
    quota(1000, 5, 10_000, 100);
    domains("www.test.com", "mainland", "img.test.com", "overseas");
    // when
    QuotaExhaustedException e = assertThrows(QuotaExhaustedException.class,
        () -> configured(Refresh.urls(urls(1000, "img/"))).batch().submit());
    // then: the 5 that fit are sent, the rest kept pending
    assertEquals(List.of(5), sizes("PurgeUrlsCache", "Urls"));
    assertEquals(995, e.unsentUrls().size());
    assertEquals(1, asked("DescribeDomains"));
  }

  @Test
  void aGlobalDomainIsHeldToTheLeastOfBothAreas() {
    // given
    quota(1000, 10_000, 3, 100);
    domains("www.test.com", "global");
    // when
    QuotaExhaustedException e = assertThrows(QuotaExhaustedException.class,
        () -> configured(Refresh.urls(urls(10, "img/"))).batch().submit());
    // then
    assertEquals(List.of(3), sizes("PurgeUrlsCache", "Urls"));
    assertEquals(7, e.unsentUrls().size());
  }

  @Test
  void whenTheDomainsCannotBeListedTheMostAnyAreaHasLeftBoundsTheJob() {
    // given: a sub-account without leave to list domains
    quota(1000, 10_000, 0, 100);
    server.stubFor(post("/").withHeader("X-TC-Action", equalTo("DescribeDomains")).willReturn(okJson(
        "{\"Response\":{\"Error\":{\"Code\":\"UnauthorizedOperation.CdnCamUnauthorized\",\"Message\":\"no\"},"
            + "\"RequestId\":\"d\"}}")));
    // when
    Submission s = configured(Refresh.urls(urls(1500, "img/"))).batch().submit();
    // then
    assertEquals(1500, s.urlCount());
    assertEquals(1, asked("DescribeDomains"));
  }

  @Test
  void theDomainsAreNotAskedWhenEveryAreaTakesTheWholeJob() {
    // given
    quota(1000, 10_000, 9_000, 100);
    // when
    configured(Refresh.urls(urls(2500, "img/"))).batch().submit();
    // then
    assertEquals(0, asked("DescribeDomains"));
    assertEquals(1, asked("DescribePurgeQuota"));
  }

  @Test
  void anAreaWithABatchOfZeroDoesNotCutRequestsToOne() {
    // given: overseas not enabled for this account
    server.stubFor(post("/").withHeader("X-TC-Action", equalTo("DescribePurgeQuota")).willReturn(okJson(
        "{\"Response\":{\"RequestId\":\"q\",\"UrlPurge\":[" + entry("mainland", 1000, 10_000, 10_000) + ","
            + entry("overseas", 0, 0, 0) + "],\"PathPurge\":[]}}")));
    server.stubFor(post("/").withHeader("X-TC-Action", equalTo("PurgeUrlsCache"))
        .willReturn(okJson("{\"Response\":{\"TaskId\":\"u\",\"RequestId\":\"r\"}}")));
    // when
    configured(Refresh.urls(urls(30, "img/"))).batch().submit();
    // then
    assertEquals(List.of(30), sizes("PurgeUrlsCache", "Urls"));
  }

  @Test
  void aRefusalAfterTheCutCountsTheRequestsAsSent() {
    // given: requests of 400; the second is refused
    quota(400, 10_000, 10_000, 39);
    server.stubFor(post("/").withHeader("X-TC-Action", equalTo("PurgeUrlsCache"))
        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("img/400/\""))
        .willReturn(okJson("{\"Response\":{\"Error\":{\"Code\":\"InvalidParameter.CdnParamError\","
            + "\"Message\":\"no\"},\"RequestId\":\"r\"}}")));
    // when
    RefusedException e = assertThrows(RefusedException.class,
        () -> configured(Refresh.urls(urls(1000, "img/"))).batch().submit());
    // then
    assertEquals(2, e.requestNumber());
    assertTrue(e.getMessage().contains("request 2 of 3"), e.getMessage());
    assertEquals(200, e.unsentUrls().size());
  }

  @Test
  void theLegacyApisOptionsAndEndpointAreRefusedOnApiThree() {
    // then
    IllegalArgumentException hmac = assertThrows(IllegalArgumentException.class,
        () -> configured(Refresh.urls(urls(1, "a/"))).signatureMethod(SignatureMethod.HmacSHA256).batch());
    assertTrue(hmac.getMessage().contains("signatureMethod(...) is for the legacy API"), hmac.getMessage());
    IllegalArgumentException endpoint = assertThrows(IllegalArgumentException.class,
        () -> Refresh.urls(urls(1, "a/")).endpoint("http://127.0.0.1:9/v2/index.php").batch());
    assertTrue(endpoint.getMessage().startsWith("http://127.0.0.1:9/v2/index.php is an API 2.0 endpoint"),
        endpoint.getMessage());
    assertEquals(1, Refresh.urls(urls(1, "a/")).api(Api.V2).endpoint("http://127.0.0.1:9/v2/index.php")
        .signatureMethod(SignatureMethod.HmacSHA256).batch().requestCount());
  }

  @Test
  void directoriesOnApiThreeMayBePlannedUpToFiveHundredARequest() {
    // then
    assertEquals(1, configured(Refresh.dirs(urls(500, "dir/"))).batch().requestCount());
    assertEquals(25, configured(Refresh.dirs(urls(500, "dir/"))).api(Api.V2).batch().requestCount());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> configured(Refresh.dirs(urls(1, "dir/"))).batch(501));
    assertEquals("batch size must be between 1 and 500: 501", e.getMessage());
  }
}
