package dev.refreshcdn;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Where the reference copies (tests/fixtures/reference) and the repository root are, as Maven tells the tests. */
final class Shared {
  private Shared() {}

  static Path reference(String name) {
    Path file = basedir().resolve("tests").resolve("fixtures").resolve("reference").resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("reference copy missing: " + file.toAbsolutePath());
    }
    return file;
  }

  static Path basedir() {
    return Paths.get(System.getProperty("refreshcdn.basedir", "."));
  }
}
