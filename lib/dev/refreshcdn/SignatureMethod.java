package dev.refreshcdn;

/** The HMAC that signs a legacy (API 2.0) request; the service assumes {@link #HmacSHA1} when none is named. */
public enum SignatureMethod {
  /** HMAC-SHA1, the service's default: the {@code SignatureMethod} parameter is then not sent. */
  HmacSHA1,
  /** HMAC-SHA256, sent and signed as {@code SignatureMethod=HmacSHA256}. */
  HmacSHA256
}
