package dev.refreshcdn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.refreshcdn.Api.HttpMethod;
import dev.refreshcdn.Api.SignatureMethod;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The signature reproduces, to the byte, every published and SDK-computed vector we hold. */
class SignatureVectorsTest {

  @TestFactory
  Stream<DynamicTest> reproducesEveryVectorComputedWithTheOfficialNodeSdk() throws IOException {
    Map<String, Object> file = JSON.std.mapFrom(Files.readString(Shared.reference("v2-signature-vectors.json")));
    List<Map<String, Object>> vectors = list(file.get("vectors"));
    assertTrue(vectors.size() >= 3, "the shared file should hold several vectors, has " + vectors.size());
    assertTrue(vectors.stream().allMatch(v -> v.containsKey("signature") || v.containsKey("stringToSign")));
    return vectors.stream().map(v -> DynamicTest.dynamicTest(
        v.get("method") + " " + v.get("signatureMethod") + " " + ((Map<?, ?>) v.get("params")).get("SecretId"),
        () -> assertVector(v)));
  }

  @TestFactory
  Stream<DynamicTest> reproducesTheOfficialVectorsOfSectionTwoTwo() throws IOException {
    String reference = Files.readString(Shared.reference("tencent-cdn-api.md"));
    return list(fixture().get("vectors")).stream().map(v -> DynamicTest.dynamicTest((String) v.get("name"), () -> {
      // given: a vector copied from the reference, which must still say the same
      assertTrue(reference.contains((String) v.get("signature")), "signature not in the reference: " + v.get("signature"));
      if (v.containsKey("stringToSign")) {
        assertTrue(reference.contains((String) v.get("stringToSign")), "source string not in the reference");
      }
      // when / then
      assertVector(v);
    }));
  }

  @Test
  void wholeEncodePathReproducesTheRefreshVectorsOfSectionTwoThree() throws IOException {
    Map<String, Object> refresh = map(fixture().get("refreshVectors"));
    String reference = Files.readString(Shared.reference("tencent-cdn-api.md"));
    for (Map<String, Object> c : list(refresh.get("cases"))) {
      // given
      Credentials credentials = new Credentials((String) refresh.get("secretId"), (String) refresh.get("secretKey"));
      V2Codec codec = new V2Codec(Refresh.LEGACY_ENDPOINT, HttpMethod.valueOf((String) c.get("method")),
          SignatureMethod.valueOf((String) c.get("signatureMethod")), credentials);
      // when
      EncodedRequest request = codec.encode("RefreshCdnUrl", Map.of(), "urls", List.of((String) refresh.get("url")),
          ((Number) refresh.get("timestamp")).longValue(), ((Number) refresh.get("nonce")).intValue());
      // then
      String wire = request.body != null ? new String(request.body, 0, request.size, StandardCharsets.US_ASCII) : request.uri.getRawQuery();
      Map<String, String> sent = OfficialV2Signer.decode(wire);
      assertEquals(c.get("signature"), sent.get("Signature"), c.toString());
      assertTrue(reference.contains((String) c.get("signature")));
      assertEquals("https://www.test.com/1.jpg", sent.get("urls.0"));
    }
  }

  @Test
  void encodedSignatureMatchesThePublishedUrlEncodedForm() throws IOException {
    for (Map<String, Object> v : list(fixture().get("vectors"))) {
      if (v.containsKey("encodedSignature")) {
        String encoded = (String) v.get("encodedSignature");
        ByteSink sink = new ByteSink(64);
        PercentEncoding.encode((String) v.get("signature"), sink);
        assertEquals(encoded, sink.toString());
        assertEquals(v.get("signature"), URLDecoder.decode(encoded, StandardCharsets.UTF_8));
      }
    }
  }

  @Test
  void arrayIndicesAreSignedInTheServicesStringOrder() {
    // given / when
    int[] order = LexicalOrder.of(12);
    // then
    List<Integer> actual = new ArrayList<>();
    for (int i : order) {
      actual.add(i);
    }
    assertEquals(List.of(0, 1, 10, 11, 2, 3, 4, 5, 6, 7, 8, 9), actual);
    assertEquals(1000, LexicalOrder.of(1000).length);
  }

  private static void assertVector(Map<String, Object> v) {
    @SuppressWarnings("unchecked")
    Map<String, String> params = (Map<String, String>) v.get("params");
    URI endpoint = URI.create("https://" + v.get("host") + v.get("path"));
    Credentials credentials = new Credentials(params.getOrDefault("SecretId", "unused"), (String) v.get("secretKey"));
    V2Codec codec = new V2Codec(endpoint, HttpMethod.valueOf((String) v.get("method")),
        SignatureMethod.valueOf((String) v.get("signatureMethod")), credentials);
    if (v.containsKey("stringToSign")) {
      assertEquals(v.get("stringToSign"), codec.stringToSign(params));
    }
    // One vector has no signature: the SDK dropped every key past the 1000th and never signed it.
    if (v.containsKey("signature")) {
      assertEquals(v.get("signature"), codec.sign(params));
    }
  }

  private static Map<String, Object> fixture() throws IOException {
    try (InputStream in = SignatureVectorsTest.class.getResourceAsStream("/fixtures/official-v2-vectors.json")) {
      return JSON.std.mapFrom(in);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return (List<Map<String, Object>>) value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }
}
