package dev.refreshcdn;

import java.net.URI;

/** One signed request as it goes on the wire, plus a redacted one-line preview for dry runs. */
final class EncodedRequest {
  final HttpMethod method;
  final URI uri;
  /** The form body in its first {@link #size} bytes; null for GET, whose parameters are in {@link #uri}. */
  final byte[] body;
  /** Bytes of parameters on the wire: the body for POST, the query for GET. */
  final int size;
  final int urlCount;
  final String preview;

  EncodedRequest(HttpMethod method, URI uri, byte[] body, int size, int urlCount, String preview) {
    this.method = method;
    this.uri = uri;
    this.body = body;
    this.size = size;
    this.urlCount = urlCount;
    this.preview = preview;
  }
}
