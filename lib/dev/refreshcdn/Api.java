package dev.refreshcdn;

/** The generation of Tencent Cloud's CDN API a refresh goes through. */
public enum Api {
  /** The legacy API 2.0: {@code RefreshCdnUrl} at {@code cdn.api.qcloud.com/v2/index.php}, HmacSHA1/HmacSHA256. */
  V2,
  /** API 3.0: {@code PurgeUrlsCache} at {@code cdn.tencentcloudapi.com}, version 2018-06-06, TC3-HMAC-SHA256. */
  V3
}
