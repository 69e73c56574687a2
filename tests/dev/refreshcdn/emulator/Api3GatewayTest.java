package dev.refreshcdn.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** API 3.0 gateway details: version, header format, unsigned payloads, methods and paths. */
class Api3GatewayTest extends EmulatorFixture {
  private static final String BODY = "{\"Urls\":[\"https://www.test.com/1.jpg\"]}";

  private HttpRequest.Builder request(byte[] body) {
    return HttpRequest.newBuilder(emu.endpointV3()).header("Content-Type", "application/json")
        .header("X-TC-Action", "PurgeUrlsCache").header("X-TC-Version", "2018-06-06")
        .header("X-TC-Timestamp", Long.toString(wire.now()))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
  }

  @Test
  void refusesAnotherVersionWithNoSuchVersion() {
    // when
    Wire.Reply r = wire.v3("PurgeUrlsCache", BODY, ID, KEY, wire.now(), wire.hostHeader(), Map.of("X-TC-Version", "2017-03-12"));
    // then
    assertEquals("NoSuchVersion", r.at("Response.Error.Code"));
  }

  @Test
  void refusesAnAuthorizationHeaderOfAnotherFormatWithInvalidAuthorization() {
    // given
    byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
    // when
    Wire.Reply r = wire.send(request(body).header("Authorization", "Basic QUtJRDpzZWNyZXQ=").build());
    // then
    assertEquals("AuthFailure.InvalidAuthorization", r.at("Response.Error.Code"));
  }

  @Test
  void acceptsAnUnsignedPayloadWhenTheHeaderSaysSo() {
    // given
    byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
    byte[] literal = "UNSIGNED-PAYLOAD".getBytes(StandardCharsets.UTF_8);
    String auth = TestSigner.tc3(ID, KEY, wire.now(), "application/json", wire.hostHeader(), literal);
    // when
    Wire.Reply unsigned = wire.send(request(body).header("X-TC-Content-SHA256", "UNSIGNED-PAYLOAD").header("Authorization", auth).build());
    Wire.Reply withoutHeader = wire.send(request(body).header("Authorization", auth).build());
    // then
    assertNotNull(unsigned.at("Response.TaskId"), unsigned.body());
    assertEquals("AuthFailure.SignatureFailure", withoutHeader.at("Response.Error.Code"));
  }

  @Test
  void refusesABodyChangedAfterSigning() {
    // given
    String auth = TestSigner.tc3(ID, KEY, wire.now(), "application/json", wire.hostHeader(), BODY.getBytes(StandardCharsets.UTF_8));
    byte[] tampered = BODY.replace("1.jpg", "2.jpg").getBytes(StandardCharsets.UTF_8);
    // when
    Wire.Reply r = wire.send(request(tampered).header("Authorization", auth).build());
    // then
    assertEquals("AuthFailure.SignatureFailure", r.at("Response.Error.Code"));
  }

  @Test
  void refusesAMethodOtherThanGetOrPostWithUnsupportedProtocol() {
    // when
    Wire.Reply r = wire.send(HttpRequest.newBuilder(emu.endpointV3()).PUT(HttpRequest.BodyPublishers.ofString(BODY)).build());
    // then
    assertEquals("UnsupportedProtocol", r.at("Response.Error.Code"));
  }

  @Test
  void answersABareGetWithTheFirstMissingCommonParameter() {
    // when
    Wire.Reply r = wire.send(HttpRequest.newBuilder(emu.endpointV3()).GET().build());
    // then
    assertEquals("MissingParameter", r.at("Response.Error.Code"));
    assertEquals("The request is missing a required parameter `Action`.", r.at("Response.Error.Message"));
  }

  @Test
  void refusesAPostThatIsNeitherJsonNorAFormWithUnsupportedProtocol() {
    // when
    Wire.Reply r = wire.send(HttpRequest.newBuilder(emu.endpointV3()).header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString(BODY)).build());
    // then
    assertEquals("UnsupportedProtocol", r.at("Response.Error.Code"));
  }

  @Test
  void refusesABodyThatIsNotJsonWithInvalidParameter() {
    // when
    Wire.Reply r = wire.v3("PurgeUrlsCache", "{not json", ID, KEY);
    // then
    assertEquals("InvalidParameter", r.at("Response.Error.Code"));
  }

  @Test
  void answersAnUnknownPathWith404AndRecordsIt() {
    // when
    Wire.Reply r = wire.send(HttpRequest.newBuilder(emu.endpointV3().resolve("/v3/index.php")).GET().build());
    // then
    assertEquals(404, r.status());
    assertEquals("other", emu.requests().get(0).api());
  }
}
