package dev.refreshcdn;

import dev.refreshcdn.Api.HttpMethod;
import dev.refreshcdn.Api.SignatureMethod;
import java.time.Duration;

/**
 * The documented sizes, quotas and defaults, in one home below every class that reads them (the public
 * constants of {@link Refresh} name these values; configuration never reads them back from there).
 */
final class Limits {
  static final String VERSION = "0.2.0";
  static final int MAX_BATCH_SIZE = 1000;
  static final int MAX_POST_BYTES = 1_000_000;
  static final int MAX_V3_POST_BYTES = 10_000_000;
  static final int MAX_GET_BYTES = 32_000;
  static final int DEFAULT_DAILY_QUOTA = 10_000;
  static final int DEFAULT_DAILY_DIR_QUOTA = 100;
  static final int MAX_DIR_BATCH_SIZE = 20;
  static final int MAX_V3_DIR_BATCH_SIZE = 500;
  /** PushUrlsCache: up to 500 URLs a request, 1,000 a day per area by default. */
  static final int MAX_PUSH_BATCH_SIZE = 500;
  static final int DEFAULT_DAILY_PUSH_QUOTA = 1000;
  static final int RESERVED_BYTES = 4096;
  static final int DEFAULT_PARALLEL = 1;
  static final int MAX_PARALLEL = 8;

  static final Api DEFAULT_API = Api.V3;
  static final SignatureMethod DEFAULT_SIGNATURE_METHOD = SignatureMethod.HmacSHA1;
  static final HttpMethod DEFAULT_METHOD = HttpMethod.POST;
  static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  static final int DEFAULT_RETRIES = 3;
  static final Duration DEFAULT_RETRY_WITHIN = Duration.ofMinutes(2);
  static final int DEFAULT_CALLS_PER_MINUTE = 1200;

  private Limits() {}
}
