package dev.refreshcdn;

import java.nio.channels.UnresolvedAddressException;
import java.net.UnknownHostException;

/**
 * Signs that the legacy API 2.0 is gone for this account (Tencent's notice "CDN API2.0 切换 API3.0 指引"
 * says it went offline on 2022-11-30): HTTP 404 from the endpoint, code 6100 ("not supported in this
 * version, check the host"), or the legacy host no longer resolving. Then a failure's message points
 * back to API 3.0, the default.
 */
final class LegacyRetirement {
  static final String HINT = "; Tencent retired the legacy API 2.0 on 2022-11-30: API 3.0, the default, replaces it";

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
    boolean legacyHost = Refresh.LEGACY_ENDPOINT.getHost().equalsIgnoreCase(settings.endpoint().getHost());
    return legacyHost && (Transport.causedBy(failure, UnresolvedAddressException.class)
        || Transport.causedBy(failure, UnknownHostException.class));
  }
}
