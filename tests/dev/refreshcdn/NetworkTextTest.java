package dev.refreshcdn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refreshcdn.Api.HttpMethod;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The forms a secret comes back in, and what is shown instead. */
class NetworkTextTest {
  static final Credentials CREDENTIALS = new Credentials("AKIDnetworkTEXTexample00001234", "netTextSecretKey0042",
      "tok/EN+net=42");
  static final byte[] FORM = "Action=RefreshCdnUrl&Token=tok%2FEN%2Bnet%3D42&Signature=sig%2Babc%3D"
      .getBytes(StandardCharsets.UTF_8);
  static final NetworkText TEXT = new NetworkText(CREDENTIALS, new EncodedRequest(HttpMethod.POST,
      URI.create("http://127.0.0.1/v2/index.php"), FORM, FORM.length, 1, "", "application/x-www-form-urlencoded",
      Map.of()));

  @Test
  void aTokenIsRedactedAsSentEncodedInEitherCaseAndJsonEscaped() {
    assertEquals("a <redacted> b <redacted> c <redacted> d <redacted>",
        TEXT.clean("a tok/EN+net=42 b tok%2FEN%2Bnet%3D42 c tok%2fEN%2bnet%3d42 d tok\\/EN+net=42"));
  }

  @Test
  void theSignatureSentIsRedactedWhereverItStandsAndAnyOtherByItsName() {
    assertEquals("{\"x\": \"<redacted>\", \"Signature\": \"<redacted>\", Signature=<redacted>&SignatureMethod=HmacSHA256",
        TEXT.clean("{\"x\": \"sig+abc=\", \"Signature\": \"older\", Signature=other%2B&SignatureMethod=HmacSHA256"));
  }

  @Test
  void anAuthorizationHeaderGoesWholeAndATc3CredentialEvenWithoutItsName() {
    assertEquals("Authorization: <redacted>\\u000aHost: x\\u000aTC3-HMAC-SHA256 <redacted>",
        TEXT.clean("Authorization: TC3-HMAC-SHA256 Credential=AKID/2026-11-30/cdn/tc3_request, SignedHeaders=a;b, "
            + "Signature=abc\nHost: x\nTC3-HMAC-SHA256 Credential=AKID/x, Signature=def"));
  }

  @Test
  void theSecretIdIsMaskedAndTheKeyRedacted() {
    assertEquals("SecretId=AKID****1234 key <redacted>", TEXT.clean("SecretId=AKIDnetworkTEXTexample00001234 key "
        + "netTextSecretKey0042"));
  }

  @Test
  void controlCharactersBidiOverridesAndLineSeparatorsAreEscaped() {
    assertEquals("a\\u001b[1mb\\u009b2J\\u202ec\\u2028d\\u0000", TEXT.clean("a\u001b[1mb\u009b2J\u202ec\u2028d\u0000"));
  }

  @Test
  void everyStringOfAJsonAnswerIsCleanedKeysIncluded() {
    Object cleaned = TEXT.clean((Object) Map.of("tok/EN+net=42", List.of("x\u001by", 7)));
    assertEquals(Map.of("<redacted>", List.of("x\\u001by", 7)), cleaned);
  }

  @Test
  void anExcerptOfABodyCutInTheMiddleOfASecretShowsNoPartOfIt() {
    String excerpt = TEXT.excerpt("a".repeat(50) + " netTextSecret", true);
    assertTrue(excerpt.startsWith("aaaa") && !excerpt.contains("netText"), excerpt);
  }
}
