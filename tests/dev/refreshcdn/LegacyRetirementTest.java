package dev.refreshcdn;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.ConnectException;
import java.net.URI;
import java.nio.channels.UnresolvedAddressException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** When the legacy API looks gone (404, code 6100, its host unknown), the failure points to API 3.0. */
class LegacyRetirementTest {
  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().extensions(new SignatureCheck())).build();

  private static Refresh refresh() {
    return Refresh.urls("https://www.test.com/1.jpg").api(Api.V2).credentials(SignatureCheck.SECRET_ID, SignatureCheck.SECRET_KEY)
        .endpoint(server.url("/v2/index.php")).with(it -> it.sleeper = wait -> { });
  }

  @Test
  void notFoundSuggestsApiThree() {
    // given
    server.stubFor(post("/v2/index.php").willReturn(aResponse().withStatus(404).withBody("gone")));
    // when
    NoAnswerException e = assertThrows(NoAnswerException.class, () -> refresh().batch().submit());
    // then
    assertTrue(e.getMessage().endsWith(V2Api.HINT), e.getMessage());
  }

  @Test
  void code6100SuggestsApiThree() {
    // given
    server.stubFor(post("/v2/index.php").willReturn(okJson("{\"code\":6100,\"message\":\"not supported\",\"codeDesc\":\"NotSupported\"}")));
    // when
    RefusedException e = assertThrows(RefusedException.class, () -> refresh().batch().submit());
    // then
    assertTrue(e.getMessage().endsWith(V2Api.HINT), e.getMessage());
  }

  @Test
  void otherFailuresAndApiThreeItselfSuggestNothing() {
    // given
    server.stubFor(post("/v2/index.php").willReturn(aResponse().withStatus(502)));
    server.stubFor(post("/").willReturn(aResponse().withStatus(404)));
    // when
    NoAnswerException badGateway = assertThrows(NoAnswerException.class, () -> refresh().batch().submit());
    NoAnswerException v3NotFound = assertThrows(NoAnswerException.class,
        () -> refresh().api(Api.V3).endpoint(server.url("/")).batch().submit());
    // then
    assertFalse(badGateway.getMessage().contains("API 3.0"), badGateway.getMessage());
    assertFalse(v3NotFound.getMessage().contains("retired"), v3NotFound.getMessage());
  }

  @Test
  void theLegacyHostNotResolvingSuggestsApiThreeButAnotherHostDoesNot() {
    // given: what the JDK's client throws when a name does not resolve
    ConnectException unresolved = new ConnectException();
    unresolved.initCause(new UnresolvedAddressException());
    Unanswered failure = new Unanswered("could not connect", 0, null, false, unresolved);
    Settings legacy = new Settings().with(s -> s.api = Api.V2);
    Settings elsewhere = legacy.with(s -> s.endpoint = URI.create("https://cdn.example.com/v2/index.php"));
    // when / then
    assertEquals(V2Api.HINT, CdnApis.of(legacy).hint(failure));
    assertEquals("", CdnApis.of(elsewhere).hint(failure));
    assertEquals("", CdnApis.of(legacy.with(s -> s.api = Api.V3)).hint(failure));
  }
}
