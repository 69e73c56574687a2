package dev.refreshcdn;

import java.nio.channels.UnresolvedAddressException;
import java.net.UnknownHostException;

/**
 * Signs that the legacy API 2.0 is gone for this account (a third-party report says Tencent switched
 * it off on 2022-11-30): HTTP 404 from the endpoint, code 6100 ("not supported in this version, check
 * the host"), or the legacy host no longer resolving. Then a failure's message points to API 3.0.
 */
final class LegacyRetirement {
  static final String HINT = "; the legacy API 2.0 may be retired for this account: try API 3.0"
      + " (refresh-cdn --api v3, or api(Api.V3) in the library)";

  private LegacyRetirement() {}

  static boolean suggests(Settings settings, String code) {
    return settings.api == Api.V2 && "6100".equals(code);
  }

  static boolean suggests(Settings settings, Transport.Failure failure) {
    if (settings.api != Api.V2) {
      return false;
    }
    if (failure.status == 404) {
      return true;
    }
    boolean legacyHost = Refresh.DEFAULT_ENDPOINT.getHost().equalsIgnoreCase(settings.endpoint().getHost());
    return legacyHost && (Transport.causedBy(failure, UnresolvedAddressException.class)
        || Transport.causedBy(failure, UnknownHostException.class));
  }
}
