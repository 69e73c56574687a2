package dev.refreshcdn;

/** Picks the backend for a refresh's settings: the API generation, URLs or directories, and their options. */
final class Backends {
  private Backends() {}

  /** The API generation's signer and reader for {@code settings}, signing with {@code credentials}. */
  static Backend of(Settings settings, Credentials credentials) {
    if (settings.api == Api.V3) {
      return new V3Backend(settings.endpoint(), credentials, settings.area, settings.urlEncode,
          settings.directories, settings.flushAll);
    }
    return new V2Backend(new V2Codec(settings.endpoint(), settings.method, settings.signatureMethod(), credentials),
        settings.directories, settings.flushAll);
  }
}
