package dev.refreshcdn.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.jr.ob.JSON;

/** The emulator's verifiers reproduce the published signature vectors (reference 2.2, 2.3, 4.8, 4.9). */
class SignatureVectorsTest {
  private static final String V2A_KEY = "pxPgRWDbCy86ZYyqBTDk7WmeRZSmPco0";

  private static Map<String, String> v2a(String nonce, String timestamp) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("Action", "DescribeCdnHosts");
    p.put("Nonce", nonce);
    p.put("SecretId", "AKIDT8G5AsY1D3MChWooNq1rFSw1fyBVCX9D");
    p.put("Timestamp", timestamp);
    p.put("limit", "10");
    p.put("offset", "0");
    return p;
  }

  @Test
  void v1SourceStringAndHmacSha1MatchTheOfficialGetVector() {
    // given
    Map<String, String> params = v2a("13029", "1463122059");
    // when
    String source = SignatureV1.sourceString("GET", "cdn.api.qcloud.com", "/v2/index.php", params);
    // then
    assertEquals("GETcdn.api.qcloud.com/v2/index.php?Action=DescribeCdnHosts&Nonce=13029"
        + "&SecretId=AKIDT8G5AsY1D3MChWooNq1rFSw1fyBVCX9D&Timestamp=1463122059&limit=10&offset=0", source);
    assertEquals("bWMMAR1eFGjZ5KWbfxTlBiLiNLc=", SignatureV1.sign(source, V2A_KEY, SignatureV1.algorithm(null)));
    String post = SignatureV1.sourceString("POST", "cdn.api.qcloud.com", "/v2/index.php", params);
    assertEquals("i/KcLp6VaOtUmVtT0dqtLpKJOkg=", SignatureV1.sign(post, V2A_KEY, "HmacSHA1"));
  }

  @Test
  void v1HmacSha256IsUsedOnlyWhenSignatureMethodSaysSo() {
    // given
    Map<String, String> params = v2a("48059", "1502197934");
    params.put("SignatureMethod", "HmacSHA256");
    // when
    String source = SignatureV1.sourceString("GET", "cdn.api.qcloud.com", "/v2/index.php", params);
    // then
    assertEquals("b/HlnO7vWEtR/kf21BvF0fX4vGmIThwWxlaD5GQtlSM=",
        SignatureV1.sign(source, V2A_KEY, SignatureV1.algorithm(params.get("SignatureMethod"))));
    assertEquals("HmacSHA1", SignatureV1.algorithm("hmacsha256"));
  }

  @Test
  void v1SignatureLeavesOutTheSignatureParameterAndRenamesUnderscores() {
    // given
    Map<String, String> params = new LinkedHashMap<>();
    params.put("Placement_Zone", "CN_GUANGZHOU");
    params.put("Signature", "ignored");
    // when
    String source = SignatureV1.sourceString("GET", "h", "/p", params);
    // then
    assertEquals("GETh/p?Placement.Zone=CN_GUANGZHOU", source);
  }

  static Stream<Arguments> sdkVectors() throws IOException {
    Path file = Path.of(System.getProperty("refreshcdn.basedir", "."), "tests", "fixtures", "reference", "v2-signature-vectors.json");
    Map<String, Object> doc = JSON.std.mapFrom(Files.readString(file, StandardCharsets.UTF_8));
    return ((List<?>) doc.get("vectors")).stream().map(v -> Arguments.of(v));
  }

  @SuppressWarnings("unchecked")
  @ParameterizedTest
  @MethodSource("sdkVectors")
  void v1VerifierAgreesWithTheNodeSdkVectorsIncludingEmptyRegionAndRequestClient(Object vector) {
    // given
    Map<String, Object> v = (Map<String, Object>) vector;
    Map<String, String> params = new LinkedHashMap<>();
    ((Map<String, Object>) v.get("params")).forEach((k, val) -> params.put(k, String.valueOf(val)));
    // when
    String source = SignatureV1.sourceString((String) v.get("method"), (String) v.get("host"), (String) v.get("path"), params);
    String signature = SignatureV1.sign(source, (String) v.get("secretKey"), SignatureV1.algorithm(params.get("SignatureMethod")));
    // then
    assertEquals(v.get("stringToSign"), source);
    if (v.containsKey("signature")) {
      assertEquals(v.get("signature"), signature);
    }
    assertEquals(signature, TestSigner.v1((String) v.get("method"), (String) v.get("host"), (String) v.get("path"),
        params, (String) v.get("secretKey")));
  }

  @Test
  void tc3CanonicalRequestAndSignatureMatchTheOfficialCvmVector() {
    // given
    byte[] payload = "{\"Limit\": 1, \"Filters\": [{\"Values\": [\"\\u672a\\u547d\\u540d\"], \"Name\": \"instance-name\"}]}"
        .getBytes(StandardCharsets.UTF_8);
    String payloadHash = Tc3.sha256Hex(payload);
    // when
    String canonical = Tc3.canonicalRequest("POST", "/", "",
        "content-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n", "content-type;host", payloadHash);
    String toSign = Tc3.stringToSign("1551113065", "2019-02-25/cvm/tc3_request", canonical);
    // then
    assertEquals("35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064", payloadHash);
    assertEquals("POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\n"
        + "content-type;host\n35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064", canonical);
    assertEquals("TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n"
        + "5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031", toSign);
    assertEquals("72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168",
        Tc3.signature("Gu5t9xGARNpq86cd98joQYCN3EXAMPLE", "2019-02-25", "cvm", toSign));
    assertEquals("2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c",
        Tc3.signature("Gu5t9xGARNpq86cd98joQYCN3*******", "2019-02-25", "cvm", toSign));
  }

  @Test
  void tc3MatchesTheCdnPurgeVectorAndParsesItsAuthorizationHeader() {
    // given
    byte[] payload = "{\"Urls\":[\"https://www.test.com/1.jpg\"]}".getBytes(StandardCharsets.UTF_8);
    String canonical = Tc3.canonicalRequest("POST", "/", "",
        "content-type:application/json; charset=utf-8\nhost:cdn.tencentcloudapi.com\n", "content-type;host", Tc3.sha256Hex(payload));
    // when
    String signature = Tc3.signature("Gu5t9xGARNpq86cd98joQYCN3EXAMPLE", "2019-02-25", "cdn",
        Tc3.stringToSign("1551113065", "2019-02-25/cdn/tc3_request", canonical));
    String header = TestSigner.tc3("AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE", 1551113065,
        "application/json; charset=utf-8", "cdn.tencentcloudapi.com", payload);
    Tc3.Authorization parsed = Tc3.parse(header).orElseThrow();
    // then
    assertEquals("24e42891f8cb99517522f485e2b867d869d114224a088cf037c71e8eae7e53ce", Tc3.sha256Hex(payload));
    assertEquals("07feb069a9e59b6c4097ba7cc150a71ada6cedf94cbe5ed6c326c44dd99e247a",
        Tc3.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8)));
    assertEquals("db789cc2ce6229142e6d9eea92f0ec1bdfd6b6aa48746a3337b3833c06b68677", signature);
    assertEquals(signature, parsed.signature);
    assertEquals("AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", parsed.secretId);
    assertEquals("2019-02-25/cdn/tc3_request", parsed.scope());
    assertTrue(Tc3.parse("TC3-HMAC-SHA256 Credential=x").isEmpty());
  }
}
