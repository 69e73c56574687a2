package dev.refreshcdn.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * API 3.0 by GET with TC3 and by signature v1 (GET or form POST), signed by the tests' own signer: the
 * common parameters, the error codes, and the gateway's check of each action's parameters.
 */
class Api3TransportsTest extends EmulatorFixture {
  private static final String URL = "https://www.test.com/1.jpg";

  private Map<String, String> purge(String... extra) {
    Map<String, String> p = wire.commonV3("PurgeUrlsCache", ID);
    p.put("Urls.0", URL);
    for (int i = 0; i < extra.length; i += 2) {
      p.put(extra[i], extra[i + 1]);
    }
    return p;
  }

  @Test
  void tc3ByGetSignsTheQueryAsSentAndIsAccepted() {
    // when
    Wire.Reply r = wire.v3Get("PurgeUrlsCache", "Urls.0=" + URLEncoder.encode(URL, StandardCharsets.UTF_8) + "&UrlEncode=true", ID, KEY);
    // then
    assertNotNull(r.at("Response.TaskId"), r.body());
    RecordedRequest recorded = emu.requests().get(0);
    assertEquals("GET", recorded.method());
    assertEquals(Map.of("Urls.0", URL, "UrlEncode", "true"), recorded.params());
    assertEquals(List.of(URL), recorded.urls());
  }

  @Test
  void tc3ByGetRefusesAQueryChangedAfterSigning() {
    // given
    String signed = "TaskId=1";
    String auth = TestSigner.tc3("GET", signed, ID, KEY, wire.now(), "application/x-www-form-urlencoded",
        wire.hostHeader(), new byte[0], "cdn");
    // when
    Wire.Reply r = wire.send(HttpRequest.newBuilder(URI.create(emu.endpointV3() + "?TaskId=2"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-TC-Action", "DescribePurgeTasks")
        .header("X-TC-Version", "2018-06-06").header("X-TC-Timestamp", Long.toString(wire.now()))
        .header("Authorization", auth).GET().build());
    // then
    assertEquals("AuthFailure.SignatureFailure", r.at("Response.Error.Code"));
  }

  @Test
  void tc3ByGetRefusesAnUndefinedParameterWithUnknownParameter() {
    // when
    Wire.Reply r = wire.v3Get("PurgeUrlsCache", "Urls.0=http%3A%2F%2Fwww.test.com%2F&UrlEncoded=true", ID, KEY);
    // then
    assertEquals("UnknownParameter", r.at("Response.Error.Code"));
    assertEquals("The parameter `UrlEncoded` is not recognized.", r.at("Response.Error.Message"));
    assertTrue(emu.requests().get(0).urls().isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "POST"})
  void signatureV1AcceptsHmacSha1ByDefaultAndHmacSha256WhenNamed(String method) {
    // when
    Wire.Reply sha1 = wire.v3SignatureV1(method, purge(), KEY);
    Wire.Reply sha256 = wire.v3SignatureV1(method, purge("SignatureMethod", "HmacSHA256"), KEY);
    // then
    assertNotNull(sha1.at("Response.TaskId"), sha1.body());
    assertNotNull(sha256.at("Response.TaskId"), sha256.body());
    assertEquals(Map.of("Urls.0", URL), emu.requests().get(1).params());
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "POST"})
  void signatureV1TakesEveryCommonParameterTheSdksSendAsKnown(String method) {
    // when
    Wire.Reply r = wire.v3SignatureV1(method, purge("Region", "ap-guangzhou", "Token", "tmp-token",
        "Language", "en-US", "RequestClient", "SDK_JAVA_3.1.1114", "SignatureMethod", "HmacSHA1"), KEY);
    // then
    assertNotNull(r.at("Response.TaskId"), r.body());
    assertTrue(!emu.requests().get(0).toString().contains("tmp-token"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "POST"})
  void signatureV1RefusesAnUndefinedParameterWithUnknownParameter(String method) {
    // when
    Wire.Reply r = wire.v3SignatureV1(method, purge("UrlEncoded", "true"), KEY);
    // then
    assertEquals("UnknownParameter", r.at("Response.Error.Code"));
    assertEquals("The parameter `UrlEncoded` is not recognized.", r.at("Response.Error.Message"));
  }

  @Test
  void signatureV1NeedsVersionAndEveryOtherCommonParameter() {
    // given
    Map<String, String> noVersion = purge();
    noVersion.remove("Version");
    Map<String, String> noNonce = purge();
    noNonce.remove("Nonce");
    // when
    Wire.Reply missingVersion = wire.v3SignatureV1("GET", noVersion, KEY);
    Wire.Reply missingNonce = wire.v3SignatureV1("GET", noNonce, KEY);
    Wire.Reply otherVersion = wire.v3SignatureV1("GET", purge("Version", "2017-03-12"), KEY);
    // then
    assertEquals("The request is missing a required parameter `Version`.", missingVersion.at("Response.Error.Message"));
    assertEquals("MissingParameter", missingNonce.at("Response.Error.Code"));
    assertEquals("NoSuchVersion", otherVersion.at("Response.Error.Code"));
  }

  @Test
  void signatureV1RefusesAWrongKeyAnUnknownSecretIdAndAStaleTimestamp() {
    // given
    Map<String, String> stale = purge("Timestamp", Long.toString(wire.now() - 301));
    Map<String, String> edge = purge("Timestamp", Long.toString(wire.now() - 300));
    Map<String, String> nobody = purge("SecretId", "AKIDnobody");
    // when
    Wire.Reply wrongKey = wire.v3SignatureV1("POST", purge(), "wrong");
    Wire.Reply unknownId = wire.v3SignatureV1("POST", nobody, KEY);
    Wire.Reply expired = wire.v3SignatureV1("POST", stale, KEY);
    Wire.Reply inTime = wire.v3SignatureV1("POST", edge, KEY);
    // then
    assertEquals("AuthFailure.SignatureFailure", wrongKey.at("Response.Error.Code"));
    assertEquals("AuthFailure.SecretIdNotFound", unknownId.at("Response.Error.Code"));
    assertEquals("AuthFailure.SignatureExpire", expired.at("Response.Error.Code"));
    assertNotNull(inTime.at("Response.TaskId"), inTime.body());
  }

  @Test
  void signatureV1SignedForAnotherMethodIsRefused() {
    // given: signed as GET, sent as POST
    Map<String, String> p = purge();
    Map<String, String> signed = new LinkedHashMap<>(p);
    signed.put("Signature", TestSigner.v1("GET", wire.hostHeader(), "/", p, KEY));
    // when
    Wire.Reply r = wire.send(HttpRequest.newBuilder(emu.endpointV3())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(Wire.form(signed))).build());
    // then
    assertEquals("AuthFailure.SignatureFailure", r.at("Response.Error.Code"));
  }

  @Test
  void formValuesOfTheWrongTypeAreRefusedWithInvalidParameter() {
    // given
    Map<String, String> tasks = wire.commonV3("DescribePurgeTasks", ID);
    tasks.put("TaskId", "1");
    tasks.put("Offset", "abc");
    // when
    Wire.Reply badOffset = wire.v3SignatureV1("GET", tasks, KEY);
    Wire.Reply badBoolean = wire.v3SignatureV1("GET", purge("UrlEncode", "yes"), KEY);
    Wire.Reply scalarArray = wire.v3SignatureV1("GET", purge("Urls", URL), KEY);
    // then
    assertEquals("InvalidParameter", badOffset.at("Response.Error.Code"));
    assertEquals("The value type of parameter `Offset` is not valid.", badOffset.at("Response.Error.Message"));
    assertEquals("The value type of parameter `UrlEncode` is not valid.", badBoolean.at("Response.Error.Message"));
    assertEquals("The value type of parameter `Urls` is not valid.", scalarArray.at("Response.Error.Message"));
  }

  @Test
  void anArrayWithAGapIsMissingItsFirstAbsentElement() {
    // when
    Wire.Reply r = wire.v3SignatureV1("POST", purge("Urls.2", "https://www.test.com/3.jpg"), KEY);
    // then
    assertEquals("MissingParameter", r.at("Response.Error.Code"));
    assertEquals("The request is missing a required parameter `Urls.1`.", r.at("Response.Error.Message"));
  }

  @Test
  void jsonValuesOfTheWrongTypeOrUndefinedNamesAreRefusedBeforeTheActionRuns() {
    // when
    Wire.Reply badBoolean = wire.v3("PurgeUrlsCache", "{\"Urls\":[\"" + URL + "\"],\"UrlEncode\":\"yes\"}", ID, KEY);
    Wire.Reply notArray = wire.v3("PurgeUrlsCache", "{\"Urls\":\"" + URL + "\"}", ID, KEY);
    Wire.Reply lowerCase = wire.v3("PurgeUrlsCache", "{\"urls\":[\"" + URL + "\"]}", ID, KEY);
    Wire.Reply nullIsAbsent = wire.v3("PurgeUrlsCache", "{\"Urls\":[\"" + URL + "\"],\"Area\":null}", ID, KEY);
    // then
    assertEquals("The value type of parameter `UrlEncode` is not valid.", badBoolean.at("Response.Error.Message"));
    assertEquals("InvalidParameter", notArray.at("Response.Error.Code"));
    assertEquals("The parameter `urls` is not recognized.", lowerCase.at("Response.Error.Message"));
    assertNotNull(nullIsAbsent.at("Response.TaskId"), nullIsAbsent.body());
  }

  @Test
  void anUnknownActionIsInvalidActionInEveryMode() {
    // when
    Wire.Reply v1 = wire.v3SignatureV1("GET", wire.commonV3("DescribeCdnHosts", ID), KEY);
    Wire.Reply tc3Get = wire.v3Get("DescribeCdnHosts", "", ID, KEY);
    // then
    assertEquals("InvalidAction", v1.at("Response.Error.Code"));
    assertEquals("InvalidAction", tc3Get.at("Response.Error.Code"));
  }

  @Test
  void aGetOver32KilobytesOrASignatureV1PostOver1MegabyteIsRefusedWithRequestSizeLimitExceeded() {
    // given
    Map<String, String> longGet = purge();
    Map<String, String> bigPost = purge();
    for (int i = 1; i < 1000; i++) {
      longGet.put("Urls." + i, "https://www.test.com/" + "a".repeat(40));
      bigPost.put("Urls." + i, "https://www.test.com/" + "b".repeat(1100));
    }
    // when
    Wire.Reply get = wire.v3SignatureV1("GET", longGet, KEY);
    Wire.Reply post = wire.v3SignatureV1("POST", bigPost, KEY);
    // then
    assertEquals("RequestSizeLimitExceeded", get.at("Response.Error.Code"));
    assertEquals("RequestSizeLimitExceeded", post.at("Response.Error.Code"));
    assertTrue(emu.requests().stream().allMatch(r -> r.urls().isEmpty()));
  }
}
