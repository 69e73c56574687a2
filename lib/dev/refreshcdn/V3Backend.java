package dev.refreshcdn;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * API 3.0: {@code PurgeUrlsCache} as a POST of a JSON body signed with TC3-HMAC-SHA256, answered by
 * {@code {"Response": {"TaskId", "RequestId"}}} or {@code {"Response": {"Error": {"Code", "Message"}}}}.
 */
final class V3Backend implements Backend {
  static final String ACTION = "PurgeUrlsCache";
  static final String VERSION = "2018-06-06";
  /** The signed content type, sent byte for byte as signed. */
  static final String CONTENT_TYPE = "application/json; charset=utf-8";
  /** The TC3 service name: always {@code cdn}, whatever the endpoint's host (an emulator's, a proxy's). */
  static final String SERVICE = "cdn";

  private final URI endpoint;
  private final String host;
  private final Credentials credentials;
  private final Tc3Signer signer;
  private final Area area;
  private final boolean urlEncode;

  V3Backend(URI endpoint, Credentials credentials, Area area, boolean urlEncode) {
    this.endpoint = endpoint;
    this.host = V2Codec.signedHost(endpoint);
    this.credentials = credentials;
    this.signer = new Tc3Signer(credentials, SERVICE);
    this.area = area;
    this.urlEncode = urlEncode;
  }

  @Override
  public EncodedRequest encode(List<String> urls, long timestamp, int nonce) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("Urls", urls);
    if (area != null) {
      payload.put("Area", area.wire());
    }
    if (urlEncode) {
      payload.put("UrlEncode", true);
    }
    byte[] body;
    try {
      body = JSON.std.asBytes(payload);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the request body", e);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-TC-Action", ACTION);
    headers.put("X-TC-Version", VERSION);
    headers.put("X-TC-Timestamp", Long.toString(timestamp));
    if (credentials.token() != null) {
      headers.put("X-TC-Token", credentials.token());
    }
    headers.put("Authorization", signer.authorization(CONTENT_TYPE, host, body, body.length, timestamp));
    String preview = "X-TC-Action: " + ACTION + ", Urls: [" + urls.get(0)
        + (urls.size() > 1 ? ", … " + (urls.size() - 1) + " more" : "") + "]"
        + (area == null ? "" : ", Area: " + area.wire())
        + ", Authorization: " + Tc3Signer.ALGORITHM + " Credential=" + Texts.maskId(credentials.secretId()) + "/"
        + signer.scope(timestamp) + ", Signature=<redacted>";
    return new EncodedRequest(HttpMethod.POST, endpoint, body, body.length, urls.size(), preview, CONTENT_TYPE, headers);
  }

  @Override
  public Answer read(String body, List<String> urls) throws Transport.Failure {
    Map<String, Object> response = LegacyAnswer.object(LegacyAnswer.json(body).get("Response"));
    if (response == null) {
      throw LegacyAnswer.notDocumented("the answer has no Response object", body, null);
    }
    String requestId = LegacyAnswer.text(response.get("RequestId"));
    Map<String, Object> error = LegacyAnswer.object(response.get("Error"));
    if (error != null) {
      String code = LegacyAnswer.text(error.get("Code"));
      return Answer.refused(code, "", LegacyAnswer.text(error.get("Message")), requestId, busy(code));
    }
    String taskId = LegacyAnswer.text(response.get("TaskId"));
    if (taskId.isEmpty()) {
      throw LegacyAnswer.notDocumented("the answer has no Response.TaskId", body, null);
    }
    return Answer.accepted(new Task(taskId, urls.size(), urls));
  }

  /** Throttling and internal errors may pass; auth, parameter and quota errors will not. */
  static boolean busy(String code) {
    return code.startsWith("RequestLimitExceeded") || code.startsWith("InternalError")
        || code.equals("ServiceUnavailable") || code.endsWith("OperationTooOften");
  }
}
