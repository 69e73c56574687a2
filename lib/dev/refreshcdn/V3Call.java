package dev.refreshcdn;

import dev.refreshcdn.Api.HttpMethod;
import dev.refreshcdn.internal.Texts;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One API 3.0 call of any action: a POST of a JSON payload signed with TC3-HMAC-SHA256, answered by
 * {@code {"Response": {..., "RequestId"}}} or {@code {"Response": {"Error": {"Code", "Message"}, "RequestId"}}}.
 * Purges and queries share it, so every action is signed and read the same way.
 */
final class V3Call {
  static final String VERSION = "2018-06-06";
  /** The signed content type, sent byte for byte as signed. */
  static final String CONTENT_TYPE = "application/json; charset=utf-8";
  /** The TC3 service name: always {@code cdn}, whatever the endpoint's host (an emulator's, a proxy's). */
  static final String SERVICE = "cdn";

  private final URI endpoint;
  private final String host;
  private final Credentials credentials;
  private final Tc3Signer signer;

  V3Call(URI endpoint, Credentials credentials) {
    this.endpoint = endpoint;
    this.host = V2Codec.signedHost(endpoint);
    this.credentials = credentials;
    this.signer = new Tc3Signer(credentials, SERVICE);
  }

  /**
   * Signs {@code action} with {@code payload} as its body; {@code detail} describes the payload in the
   * redacted preview (never a secret), {@code itemCount} is how many URLs or paths it carries.
   */
  EncodedRequest encode(String action, Map<String, Object> payload, long timestamp, int itemCount, String detail) {
    ByteSink body = JsonBody.of(payload);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-TC-Action", action);
    headers.put("X-TC-Version", VERSION);
    headers.put("X-TC-Timestamp", Long.toString(timestamp));
    if (credentials.token() != null) {
      headers.put("X-TC-Token", credentials.token());
    }
    headers.put("Authorization", signer.authorization(CONTENT_TYPE, host, body.buffer(), body.size(), timestamp));
    String preview = "X-TC-Action: " + action + (detail.isEmpty() ? "" : ", " + detail)
        + ", Authorization: " + Tc3Signer.ALGORITHM + " Credential=" + Texts.maskId(credentials.secretId()) + "/"
        + signer.scope(timestamp) + ", Signature=<redacted>";
    return new EncodedRequest(HttpMethod.POST, endpoint, body.buffer(), body.size(), itemCount, preview, CONTENT_TYPE,
        headers);
  }

  /**
   * Reads an answer: its {@code Response}, or the refusal its {@code Error} states; a body without a
   * {@code Response} object is a failure with no usable answer.
   */
  static Map<String, Object> read(String body) throws Unanswered, Refusal {
    Map<String, Object> response = Json.object(Json.parse(body).get("Response"));
    if (response == null) {
      throw Json.notDocumented("the answer has no Response object", body, null);
    }
    Map<String, Object> error = Json.object(response.get("Error"));
    if (error == null) {
      return response;
    }
    String code = Json.text(error.get("Code"));
    throw new Refusal(code, "", Json.text(error.get("Message")), Json.text(response.get("RequestId")),
        ServiceCodes.busy(code), ServiceCodes.dailyQuota(code));
  }
}
