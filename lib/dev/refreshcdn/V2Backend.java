package dev.refreshcdn;

import java.util.List;
import java.util.Map;

/** The legacy API 2.0: {@code RefreshCdnUrl} with {@code urls.N}, answered by {@code {code, codeDesc, message, data}}. */
final class V2Backend implements Backend {
  static final String ACTION = "RefreshCdnUrl";
  static final String ARRAY = "urls";

  private final V2Codec codec;

  V2Backend(V2Codec codec) {
    this.codec = codec;
  }

  @Override
  public EncodedRequest encode(List<String> urls, long timestamp, int nonce) {
    return codec.encode(ACTION, Map.of(), ARRAY, urls, timestamp, nonce);
  }

  @Override
  public Answer read(String body, List<String> urls) throws Transport.Failure {
    LegacyAnswer answer = LegacyAnswer.parse(body);
    if (answer.code == 0) {
      return Answer.accepted(new Task(answer.taskId(body), answer.count(urls.size()), urls));
    }
    return Answer.refused(Integer.toString(answer.code), answer.codeDesc, answer.message, null,
        RetryPolicy.busy(answer.code, answer.codeDesc, answer.message));
  }
}
