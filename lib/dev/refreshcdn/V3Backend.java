package dev.refreshcdn;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * API 3.0: {@code PurgeUrlsCache} with {@code Urls}, or {@code PurgePathCache} with {@code Paths} and
 * {@code FlushType}, as a TC3-signed JSON POST ({@link Api3Call}), answered by
 * {@code {"Response": {"TaskId", "RequestId"}}} or {@code {"Response": {"Error": {"Code", "Message"}}}}.
 */
final class V3Backend implements Backend {
  static final String ACTION = "PurgeUrlsCache";
  static final String DIR_ACTION = "PurgePathCache";
  static final String VERSION = Api3Call.VERSION;
  static final String CONTENT_TYPE = Api3Call.CONTENT_TYPE;
  static final String SERVICE = Api3Call.SERVICE;

  private final Api3Call call;
  private final Area area;
  private final boolean urlEncode;
  private final boolean directories;
  private final boolean flushAll;

  V3Backend(URI endpoint, Credentials credentials, Area area, boolean urlEncode) {
    this(endpoint, credentials, area, urlEncode, false, false);
  }

  /** With {@code directories}, purges paths; {@code flushAll} then deletes everything under them. */
  V3Backend(URI endpoint, Credentials credentials, Area area, boolean urlEncode, boolean directories,
      boolean flushAll) {
    if (flushAll && !directories) {
      throw new IllegalArgumentException("flushAll applies to directories only");
    }
    this.call = new Api3Call(endpoint, credentials);
    this.area = area;
    this.urlEncode = urlEncode;
    this.directories = directories;
    this.flushAll = flushAll;
  }

  @Override
  public EncodedRequest encode(List<String> urls, long timestamp, int nonce) {
    String field = directories ? "Paths" : "Urls";
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put(field, urls);
    if (directories) {
      payload.put("FlushType", flushAll ? "delete" : "flush");
    }
    if (area != null) {
      payload.put("Area", area.wire());
    }
    if (urlEncode) {
      payload.put("UrlEncode", true);
    }
    String detail = field + ": [" + urls.get(0) + (urls.size() > 1 ? ", … " + (urls.size() - 1) + " more" : "") + "]"
        + (directories ? ", FlushType: " + payload.get("FlushType") : "")
        + (area == null ? "" : ", Area: " + area.wire());
    return call.encode(directories ? DIR_ACTION : ACTION, payload, timestamp, urls.size(), detail);
  }

  @Override
  public Answer read(String body, List<String> urls) throws Transport.Failure {
    Api3Call.Reply reply = Api3Call.read(body);
    if (reply.refusal != null) {
      return reply.refusal;
    }
    String taskId = LegacyAnswer.text(reply.response.get("TaskId"));
    if (taskId.isEmpty()) {
      throw LegacyAnswer.notDocumented("the answer has no Response.TaskId", body, null);
    }
    return Answer.accepted(new Task(taskId, urls.size(), urls));
  }

  /** Throttling and internal errors may pass; auth, parameter and quota errors will not. */
  static boolean busy(String code) {
    return Api3Call.busy(code);
  }
}
