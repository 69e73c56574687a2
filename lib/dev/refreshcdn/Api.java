package dev.refreshcdn;

import java.net.URI;

/** The generation of Tencent Cloud's CDN API a refresh goes through. */
public enum Api {
  /** The legacy API 2.0: {@code RefreshCdnUrl} at {@code cdn.api.qcloud.com/v2/index.php}, HmacSHA1/HmacSHA256. */
  V2("https://cdn.api.qcloud.com/v2/index.php"),
  /** API 3.0: {@code PurgeUrlsCache} at {@code cdn.tencentcloudapi.com}, version 2018-06-06, TC3-HMAC-SHA256. */
  V3("https://cdn.tencentcloudapi.com/");

  private final URI defaultEndpoint;

  Api(String defaultEndpoint) {
    this.defaultEndpoint = URI.create(defaultEndpoint);
  }

  /** Where this generation's requests go unless an endpoint is given. */
  public URI defaultEndpoint() {
    return defaultEndpoint;
  }
}
