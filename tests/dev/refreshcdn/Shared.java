package dev.refreshcdn;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Where the team's shared reference files and the repository root are, as Maven tells the tests. */
final class Shared {
  private Shared() {}

  static Path reference(String name) {
    Path shared = Paths.get(System.getProperty("refreshcdn.shared", "../shared"));
    Path file = shared.resolve("reference").resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("shared reference file missing: " + file.toAbsolutePath());
    }
    return file;
  }

  static Path basedir() {
    return Paths.get(System.getProperty("refreshcdn.basedir", "."));
  }
}
