package dev.refreshcdn;

/** The tool's version, kept equal to the Maven project version by a test. */
final class Version {
  static final String VERSION = "0.1.0";

  private Version() {}
}
