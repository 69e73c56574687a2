package dev.refreshcdn;

import java.util.List;
import java.util.Map;

/**
 * The legacy API 2.0: {@code RefreshCdnUrl} with {@code urls.N}, or {@code RefreshCdnDir} with
 * {@code dirs.N} and {@code type}; answered by {@code {code, codeDesc, message, data}}.
 */
final class V2Backend implements Backend {
  static final String ACTION = "RefreshCdnUrl";
  static final String ARRAY = "urls";
  static final String DIR_ACTION = "RefreshCdnDir";
  static final String DIR_ARRAY = "dirs";
  /** {@code type=1}: only what changed under the directories (the service's default); 2: everything. */
  static final String CHANGED_ONLY = "1";
  static final String EVERYTHING = "2";

  private final V2Codec codec;
  private final boolean directories;
  private final boolean flushAll;

  V2Backend(V2Codec codec) {
    this(codec, false, false);
  }

  /** With {@code directories}, purges directories; {@code flushAll} then refreshes everything under them. */
  V2Backend(V2Codec codec, boolean directories, boolean flushAll) {
    if (flushAll && !directories) {
      throw new IllegalArgumentException("flushAll applies to directories only");
    }
    this.codec = codec;
    this.directories = directories;
    this.flushAll = flushAll;
  }

  @Override
  public EncodedRequest encode(List<String> urls, long timestamp, int nonce) {
    if (directories) {
      // type is sent even for the default, so the request says what it asks for.
      return codec.encode(DIR_ACTION, Map.of("type", flushAll ? EVERYTHING : CHANGED_ONLY), DIR_ARRAY, urls,
          timestamp, nonce);
    }
    return codec.encode(ACTION, Map.of(), ARRAY, urls, timestamp, nonce);
  }

  @Override
  public Answer read(String body, List<String> urls) throws Transport.Failure {
    LegacyAnswer answer = LegacyAnswer.parse(body);
    if (answer.code != 0) {
      return answer.refusal();
    }
    if (directories) {
      // RefreshCdnDir documents neither data nor task_id: the task has no id unless one comes back.
      return Answer.accepted(new Task(answer.taskIdOrEmpty(), answer.count(urls.size()), urls));
    }
    return Answer.accepted(new Task(answer.taskId(body), answer.count(urls.size()), urls));
  }
}
