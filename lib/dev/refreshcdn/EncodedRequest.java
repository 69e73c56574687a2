package dev.refreshcdn;

import dev.refreshcdn.Api.HttpMethod;
import java.net.URI;
import java.util.Map;

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
  /** The body's content type, sent exactly so (API 3.0 signs it); null for GET. */
  final String contentType;
  /** Further headers to send, in order: API 3.0's {@code X-TC-*} and {@code Authorization}. */
  final Map<String, String> headers;

  EncodedRequest(HttpMethod method, URI uri, byte[] body, int size, int urlCount, String preview,
      String contentType, Map<String, String> headers) {
    this.method = method;
    this.uri = uri;
    this.body = body;
    this.size = size;
    this.urlCount = urlCount;
    this.preview = preview;
    this.contentType = contentType;
    this.headers = Map.copyOf(headers);
  }
}
