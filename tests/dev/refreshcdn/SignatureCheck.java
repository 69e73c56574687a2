package dev.refreshcdn;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A WireMock extension that makes the stub a server checking signatures the way Tencent's official SDK
 * computes them: a request whose Signature differs answers the service's 4100. In a stubbed body
 * {@code ${taskId}} becomes a fresh 19-digit task id and {@code ${count}} the number of URLs sent.
 */
final class SignatureCheck implements ResponseDefinitionTransformerV2 {
  static final String SECRET_ID = "AKIDwiremockEXAMPLE1234";
  static final String SECRET_KEY = "wiremockSecretKeyEXAMPLE";

  private final AtomicLong taskIds = new AtomicLong(1480069888795584532L);

  @Override
  public String getName() {
    return "tencent-v2-signature-check";
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    LoggedRequest request = event.getRequest();
    Map<String, String> parameters = parameters(request);
    String path = request.getUrl().contains("?") ? request.getUrl().substring(0, request.getUrl().indexOf('?')) : request.getUrl();
    String expected = OfficialV2Signer.expected(request.getMethod().getName(), request.getHeader("Host"), path,
        parameters, SECRET_KEY);
    if (!SECRET_ID.equals(parameters.get("SecretId")) || !expected.equals(parameters.get("Signature"))) {
      return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
          .withBody("{\"code\":4100,\"message\":\"鉴权失败\",\"codeDesc\":\"AuthFailure\"}").build();
    }
    ResponseDefinition stubbed = event.getResponseDefinition();
    String body = stubbed.getBody();
    if (body != null && (body.contains("${taskId}") || body.contains("${count}"))) {
      long urls = parameters.keySet().stream().filter(name -> name.startsWith("urls.")).count();
      return ResponseDefinitionBuilder.like(stubbed).withBody(body
          .replace("${taskId}", Long.toString(taskIds.getAndIncrement()))
          .replace("${count}", Long.toString(urls))).build();
    }
    return stubbed;
  }

  /** The parameters as the service reads them: the query for GET, the form body for POST. */
  static Map<String, String> parameters(LoggedRequest request) {
    if (request.getMethod().getName().equals("GET")) {
      String url = request.getUrl();
      return OfficialV2Signer.decode(url.contains("?") ? url.substring(url.indexOf('?') + 1) : "");
    }
    return OfficialV2Signer.decode(request.getBodyAsString());
  }
}
