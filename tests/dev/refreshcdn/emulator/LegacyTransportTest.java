package dev.refreshcdn.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** API 2.0 transport: GET, urlencoded and multipart POST, size limits (reference 1.1). */
class LegacyTransportTest extends EmulatorFixture {
  @Test
  void getReadsEveryParameterFromTheQueryAndSignsTheRawDecodedValues() {
    // given
    String url = "http://www.test.com/中文/a b+c.png?x=1&y=%E4";
    // when
    Wire.Reply r = wire.get(wire.refresh(ID, List.of(url)), KEY);
    // then
    assertEquals(0, r.at("code"), r.body());
    assertEquals(List.of(url), emu.requests().get(0).urls());
    assertEquals("GET", emu.requests().get(0).method());
  }

  @Test
  void urlencodedPostDecodesPlusAsSpaceAndPercentEscapesAsUtf8() {
    // given
    String url = "http://www.test.com/中文/a b.png";
    Map<String, String> signed = wire.signed("POST", wire.refresh(ID, List.of(url)), KEY);
    signed.remove("urls.0");
    String body = Wire.form(signed) + "&urls.0=http%3A%2F%2Fwww.test.com%2F%E4%B8%AD%E6%96%87%2Fa+b.png";
    // when
    Wire.Reply r = wire.send(HttpRequest.newBuilder(emu.endpoint())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    // then
    assertEquals(0, r.at("code"), r.body());
    assertEquals(List.of(url), emu.requests().get(0).urls());
  }

  @Test
  void multipartPostIsAcceptedLikeTheOfficialJavaDemoSendsIt() {
    // given
    Map<String, String> p = wire.refresh(ID, List.of("https://www.test.com/中文.png", "http://www.test.com/2.jpg"));
    p.put("RequestClient", "CDN_API_SDK");
    // when
    Wire.Reply r = wire.postMultipart(p, KEY);
    // then
    assertEquals(0, r.at("code"), r.body());
    assertEquals(2, r.at("data.count"));
    assertEquals(List.of("https://www.test.com/中文.png", "http://www.test.com/2.jpg"), emu.requests().get(0).urls());
  }

  @Test
  void multipartInTheExactShapeTheOfficialJavaDemoWritesIsAccepted() {
    // given: a CRLF before every boundary, raw values, "\r\n--B--\r\n" at the end (CDN_API_DEMO Request.java)
    Map<String, String> p = wire.refresh(ID, List.of("http://www.test.com/a b.jpg?x=1&y=中"));
    p.put("RequestClient", "CDN_API_SDK");
    String boundary = "---------------------------3c59dc048e88502";
    StringBuilder body = new StringBuilder();
    wire.signed("POST", p, KEY).forEach((k, v) -> body.append("\r\n--").append(boundary).append("\r\n")
        .append("Content-Disposition: form-data; name=\"").append(k).append("\"\r\n\r\n").append(v));
    body.append("\r\n--").append(boundary).append("--\r\n");
    // when
    Wire.Reply r = wire.send(HttpRequest.newBuilder(emu.endpoint())
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    // then
    assertEquals(0, r.at("code"), r.body());
    assertEquals(List.of("http://www.test.com/a b.jpg?x=1&y=中"), emu.requests().get(0).urls());
  }

  @Test
  void aMultipartBodyWithoutItsClosingBoundaryIsRefusedWith4000() {
    // given
    String body = "--B\r\nContent-Disposition: form-data; name=\"Action\"\r\n\r\nRefreshCdnUrl";
    // when
    Wire.Reply r = wire.send(HttpRequest.newBuilder(emu.endpoint())
        .header("Content-Type", "multipart/form-data; boundary=B")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    // then
    assertEquals(4000, r.at("code"));
  }

  @Test
  void aMalformedPercentEscapeIsRefusedWith4000() {
    // when
    String body = Wire.form(wire.signed("POST", wire.refresh(ID, List.of("http://www.test.com/1.jpg")), KEY)) + "&x=%zz";
    Wire.Reply r = wire.send(HttpRequest.newBuilder(emu.endpoint())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    // then
    assertEquals(4000, r.at("code"));
  }

  @Test
  void postIgnoresTheQueryString() {
    // given
    Map<String, String> signed = wire.signed("POST", wire.refresh(ID, List.of("http://www.test.com/1.jpg")), KEY);
    // when
    Wire.Reply r = wire.postFormRaw(signed, "?Action=RefreshCdnDir&urls.1=http://www.test.com/2.jpg");
    // then
    assertEquals(0, r.at("code"), r.body());
    assertEquals("RefreshCdnUrl", emu.requests().get(0).action());
    assertEquals(1, r.at("data.count"));
  }

  @Test
  void aGetRequestOver32KilobytesIsAnsweredWithHttp501() {
    // given
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      urls.add("http://www.test.com/" + "a".repeat(80) + "/" + i);
    }
    // when
    Wire.Reply r = wire.get(wire.refresh(ID, urls), KEY);
    // then
    assertEquals(501, r.status());
    assertEquals("HTTP 501", emu.requests().get(0).code());
  }

  @Test
  void aPostBodyOver1MegabyteIsAnsweredWithHttp501() {
    // given
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      urls.add("http://www.test.com/" + "b".repeat(1100) + "/" + i);
    }
    // when
    Wire.Reply r = wire.postForm(wire.refresh(ID, urls), KEY);
    // then
    assertEquals(501, r.status());
    assertEquals(List.of(), emu.requests().get(0).urls());
  }

  @Test
  void aPostJustUnder1MegabyteIsProcessed() {
    // given
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      urls.add("http://www.test.com/" + "c".repeat(900) + "/" + i);
    }
    // when
    Wire.Reply r = wire.postForm(wire.refresh(ID, urls), KEY);
    // then
    assertEquals(200, r.status());
    assertEquals(1000, r.at("data.count"));
  }
}
