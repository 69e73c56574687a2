package dev.refreshcdn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** TC3-HMAC-SHA256 reproduces the official vector of section 4.8 (both key variants) and the CDN one of 4.9. */
class Tc3SignatureTest {

  @TestFactory
  Stream<DynamicTest> reproducesTheTc3VectorsOfTheReference() throws IOException {
    String reference = Files.readString(Shared.reference("tencent-cdn-api.md"));
    Map<String, Object> file;
    try (InputStream in = Tc3SignatureTest.class.getResourceAsStream("/fixtures/tc3-vectors.json")) {
      file = JSON.std.mapFrom(in);
    }
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> vectors = (List<Map<String, Object>>) file.get("vectors");
    return vectors.stream().map(v -> DynamicTest.dynamicTest((String) v.get("name"), () -> {
      // given: values that must still be the reference's own
      for (String key : List.of("hashedPayload", "hashedCanonicalRequest", "signature")) {
        assertTrue(reference.contains((String) v.get(key)), key + " not in the reference: " + v.get(key));
      }
      byte[] payload = ((String) v.get("payload")).getBytes(StandardCharsets.UTF_8);
      long timestamp = ((Number) v.get("timestamp")).longValue();
      Tc3Signer signer = new Tc3Signer(new Credentials((String) v.get("secretId"), (String) v.get("secretKey")),
          (String) v.get("service"));
      // when
      String canonical = Tc3Signer.canonicalRequest((String) v.get("contentType"), (String) v.get("host"), payload, payload.length);
      String stringToSign = signer.stringToSign(canonical, timestamp);
      // then
      assertTrue(canonical.endsWith("\n" + v.get("hashedPayload")), canonical);
      assertEquals(v.get("hashedCanonicalRequest"), OfficialTc3Signer.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8)));
      assertTrue(stringToSign.endsWith("\n" + v.get("hashedCanonicalRequest")));
      assertEquals(v.get("signature"), signer.signature(stringToSign, timestamp));
      if (v.containsKey("authorization")) {
        assertEquals(v.get("authorization"), signer.authorization((String) v.get("contentType"), (String) v.get("host"),
            payload, payload.length, timestamp));
      }
    }));
  }
}
