package dev.refreshcdn;

/** Picks the API generation: the one place in the library that looks at {@link Api}. */
final class CdnApis {
  private CdnApis() {}

  /** The generation {@code settings} name, for their kind of refresh and options; it signs nothing yet. */
  static CdnApi of(Settings settings) {
    return settings.api == Api.V3 ? new V3Api(settings, null) : new V2Api(settings, null);
  }
}
