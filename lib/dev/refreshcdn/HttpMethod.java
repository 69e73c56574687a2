package dev.refreshcdn;

/** How a legacy request travels: every parameter in the form body (POST) or in the query string (GET). */
public enum HttpMethod {
  /** Parameters in an {@code application/x-www-form-urlencoded} body, up to 1 MB a request. */
  POST,
  /** Parameters in the query string, up to 32 KB a request. */
  GET
}
