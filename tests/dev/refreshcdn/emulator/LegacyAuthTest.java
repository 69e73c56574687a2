package dev.refreshcdn.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** API 2.0: common parameters, signature v1, Timestamp window and Nonce replay (reference 1.2, 2, 3.1). */
class LegacyAuthTest extends EmulatorFixture {
  private static final List<String> ONE = List.of("http://www.test.com/1.jpg");

  @Test
  void acceptsARequestSignedOverTheHostHeaderWithItsPort() {
    // when
    Wire.Reply r = wire.postForm(wire.refresh(ID, ONE), KEY);
    // then
    assertEquals(200, r.status());
    assertEquals(0, r.at("code"));
    assertEquals("Success", r.at("codeDesc"));
  }

  @Test
  void refusesWith4100WhenTheSignatureWasComputedWithoutThePort() {
    // given
    Map<String, String> p = wire.refresh(ID, ONE);
    p.put("Signature", TestSigner.v1("POST", "127.0.0.1", Emulator.LEGACY_PATH, p, KEY));
    // when
    Wire.Reply r = wire.postFormRaw(p, "");
    // then
    assertEquals(4100, r.at("code"));
  }

  @Test
  void refusesAWrongKeyWith4100AndRecordsNothing() {
    // when
    Wire.Reply r = wire.postForm(wire.refresh(ID, ONE), "wrongKey");
    // then
    assertEquals(4100, r.at("code"));
    assertTrue(emu.requests().get(0).urls().isEmpty());
    assertFalse(emu.requests().get(0).accepted());
  }

  @Test
  void refusesAnUnknownSecretIdWith4100() {
    // when
    Wire.Reply r = wire.postForm(wire.refresh("AKIDnobody", ONE), KEY);
    // then
    assertEquals(4100, r.at("code"));
  }

  @Test
  void refusesASignatureOverADifferentMethodWith4100() {
    // given
    Map<String, String> p = wire.refresh(ID, ONE);
    p.put("Signature", TestSigner.v1("GET", wire.hostHeader(), Emulator.LEGACY_PATH, p, KEY));
    // when
    Wire.Reply r = wire.postFormRaw(p, "");
    // then
    assertEquals(4100, r.at("code"));
  }

  @Test
  void verifiesHmacSha256WhenSignatureMethodIsSent() {
    // given
    Map<String, String> p = wire.refresh(ID, ONE);
    p.put("SignatureMethod", "HmacSHA256");
    // when
    Wire.Reply r = wire.postForm(p, KEY);
    // then
    assertEquals(0, r.at("code"));
    assertEquals("HmacSHA256", emu.requests().get(0).params().get("SignatureMethod"));
  }

  @Test
  void refusesAnHmacSha1SignatureWhenSignatureMethodSaysHmacSha256() {
    // given
    Map<String, String> p = wire.refresh(ID, ONE);
    p.put("SignatureMethod", "HmacSHA256");
    p.put("Signature", sha1Over(p));
    // when
    Wire.Reply r = wire.postFormRaw(p, "");
    // then
    assertEquals(4100, r.at("code"));
  }

  /** An HmacSHA1 signature over exactly these parameters, whatever SignatureMethod says. */
  private String sha1Over(Map<String, String> p) {
    try {
      java.util.TreeMap<String, String> sorted = new java.util.TreeMap<>(p);
      StringBuilder q = new StringBuilder();
      sorted.forEach((k, v) -> q.append(q.length() == 0 ? "" : "&").append(k).append('=').append(v));
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
      mac.init(new javax.crypto.spec.SecretKeySpec(KEY.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA1"));
      String source = "POST" + wire.hostHeader() + Emulator.LEGACY_PATH + "?" + q;
      return java.util.Base64.getEncoder().encodeToString(mac.doFinal(source.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void signsEveryParameterSentIncludingUnknownOnesAndAnEmptyRegion() {
    // given
    Map<String, String> p = wire.refresh(ID, ONE);
    p.put("Region", "");
    p.put("RequestClient", "SDK_NODEJS_0.2.1");
    Map<String, String> signedWithout = new LinkedHashMap<>(wire.signed("POST", wire.refresh(ID, ONE), KEY));
    signedWithout.put("RequestClient", "SDK_NODEJS_0.2.1");
    // when
    Wire.Reply all = wire.postForm(p, KEY);
    Wire.Reply missing = wire.postFormRaw(signedWithout, "");
    // then
    assertEquals(0, all.at("code"));
    assertEquals(4100, missing.at("code"));
  }

  @Test
  void refusesATimestampMoreThanTwoHoursOffWith4500() {
    // given
    Map<String, String> old = wire.refresh(ID, ONE);
    old.put("Timestamp", Long.toString(wire.now() - 7201));
    Map<String, String> future = wire.refresh(ID, ONE);
    future.put("Timestamp", Long.toString(wire.now() + 7201));
    Map<String, String> edge = wire.refresh(ID, ONE);
    edge.put("Timestamp", Long.toString(wire.now() - 7200));
    // when / then
    assertEquals(4500, wire.postForm(old, KEY).at("code"));
    assertEquals(4500, wire.postForm(future, KEY).at("code"));
    assertEquals(0, wire.postForm(edge, KEY).at("code"));
  }

  @Test
  void refusesAReusedNonceAndTimestampWith4500ButAcceptsTheNonceWithAnotherTimestamp() {
    // given
    Map<String, String> p = wire.refresh(ID, ONE);
    Map<String, String> signed = wire.signed("POST", p, KEY);
    // when
    Wire.Reply first = wire.postFormRaw(signed, "");
    Wire.Reply replay = wire.postFormRaw(signed, "");
    clock.advance(Duration.ofSeconds(1));
    p.put("Timestamp", Long.toString(wire.now()));
    Wire.Reply later = wire.postForm(p, KEY);
    // then
    assertEquals(0, first.at("code"));
    assertEquals(4500, replay.at("code"));
    assertEquals(0, later.at("code"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "abc", "1462521223.5", "99999999999999999999"})
  void refusesATimestampThatIsNotUnixSecondsWith4000(String timestamp) {
    // given
    Map<String, String> p = wire.refresh(ID, ONE);
    p.put("Timestamp", timestamp);
    // when
    Wire.Reply r = wire.postForm(p, KEY);
    // then
    assertEquals(4000, r.at("code"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-5", "abc", "1.5", "00"})
  void refusesANonceThatIsNotAPositiveIntegerWith4000(String nonce) {
    // given
    Map<String, String> p = wire.refresh(ID, ONE);
    p.put("Nonce", nonce);
    // when
    Wire.Reply r = wire.postForm(p, KEY);
    // then
    assertEquals(4000, r.at("code"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Action", "SecretId", "Timestamp", "Nonce", "Signature"})
  void refusesAMissingCommonParameterWith4000(String name) {
    // given
    Map<String, String> p = wire.signed("POST", wire.refresh(ID, ONE), KEY);
    p.remove(name);
    // when
    Wire.Reply r = wire.postFormRaw(p, "");
    // then
    assertEquals(4000, r.at("code"));
    assertTrue(((String) r.at("message")).contains(name), r.body());
  }

  @Test
  void answersAnUnknownActionWith4000() {
    // when
    Wire.Reply r = wire.postForm(wire.common("DescribeCdnHosts", ID), KEY);
    // then
    assertEquals(4000, r.at("code"));
    assertEquals("InvalidAction", r.at("codeDesc"));
  }
}
