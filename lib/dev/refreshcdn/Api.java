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

  /** How a legacy request travels: every parameter in the form body (POST) or in the query string (GET). */
  public enum HttpMethod {
    /** Parameters in an {@code application/x-www-form-urlencoded} body, up to 1 MB a request. */
    POST,
    /** Parameters in the query string, up to 32 KB a request. */
    GET
  }

  /** The HMAC that signs a legacy (API 2.0) request; the service assumes {@link #HmacSHA1} when none is named. */
  public enum SignatureMethod {
    /** HMAC-SHA1, the service's default: the {@code SignatureMethod} parameter is then not sent. */
    HmacSHA1,
    /** HMAC-SHA256, sent and signed as {@code SignatureMethod=HmacSHA256}. */
    HmacSHA256
  }
}
