package dev.refreshcdn;

import java.net.URI;
import java.util.List;

/** Every request of a plan signed and encoded exactly as it would be sent, without sending it. */
public final class DryRun {
  private final List<Request> requests;

  DryRun(List<Request> requests) {
    this.requests = List.copyOf(requests);
  }

  /** One signed request: where it would go, how big it is and a preview with the secrets redacted. */
  public static final class Request {
    private final int number;
    private final HttpMethod method;
    private final URI endpoint;
    private final int bytes;
    private final int urlCount;
    private final String preview;

    Request(int number, HttpMethod method, URI endpoint, int bytes, int urlCount, String preview) {
      this.number = number;
      this.method = method;
      this.endpoint = endpoint;
      this.bytes = bytes;
      this.urlCount = urlCount;
      this.preview = preview;
    }

    /** The request's 1-based position in the plan. */
    public int number() {
      return number;
    }

    /** The HTTP method it would use. */
    public HttpMethod method() {
      return method;
    }

    /** The endpoint it would be sent to, without the query string. */
    public URI endpoint() {
      return endpoint;
    }

    /** Bytes of parameters on the wire: the form body for POST, the query for GET. */
    public int bytes() {
      return bytes;
    }

    /** How many URLs it carries. */
    public int urlCount() {
      return urlCount;
    }

    /** Its parameters with the SecretId masked, the middle URLs elided and the Signature redacted. */
    public String preview() {
      return preview;
    }

    @Override
    public String toString() {
      return "request " + number + ": " + method + " " + endpoint + ", " + urlCount + " URLs, " + bytes
          + " bytes: " + preview;
    }
  }

  /** The signed requests, in the order they would be sent. */
  public List<Request> requests() {
    return requests;
  }

  /** The total number of URLs across all requests. */
  public int urlCount() {
    int sum = 0;
    for (Request request : requests) {
      sum += request.urlCount;
    }
    return sum;
  }

  /** The total bytes of parameters across all requests. */
  public long bytes() {
    long sum = 0;
    for (Request request : requests) {
      sum += request.bytes;
    }
    return sum;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("Dry run: ").append(requests.size()).append(" requests, ")
        .append(urlCount()).append(" URLs, ").append(bytes()).append(" bytes, nothing sent");
    for (Request request : requests) {
      text.append('\n').append("  ").append(request);
    }
    return text.toString();
  }
}
