package dev.refreshcdn;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;

/**
 * API 3.0 answers stubbed on a WireMock server by action, and the requests it got for one: shared by the tests of the
 * library and of the CLI.
 */
public final class ApiV3Stubs {
  private final WireMockExtension server;

  public ApiV3Stubs(WireMockExtension server) {
    this.server = server;
  }

  /** Answers {@code action} with a Response of the JSON members {@code response} (may be empty) and a RequestId. */
  public void answer(String action, String response) {
    server.stubFor(post("/").withHeader("X-TC-Action", equalTo(action)).willReturn(okJson(
        "{\"Response\":{" + response + (response.isEmpty() ? "" : ",") + "\"RequestId\":\"r\"}}")));
  }

  /** DescribePushQuota: {@code available} prefetches left in each area, in batches of 500 of a day's 1,000. */
  public void pushQuota(int available) {
    answer("DescribePushQuota", "\"UrlPush\":[{\"Area\":\"mainland\",\"Batch\":500,\"Total\":1000,\"Available\":"
        + available + "},{\"Area\":\"overseas\",\"Batch\":500,\"Total\":1000,\"Available\":" + available + "}]");
  }

  /** The requests of {@code action} the server got. */
  public List<LoggedRequest> asked(String action) {
    return server.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-TC-Action", equalTo(action)));
  }
}
