package dev.refreshcdn.cli;

import java.nio.file.Path;
import java.nio.file.Paths;

/** The home directory: $HOME first (Java's user.home ignores it), then user.home. */
final class Home {
  private Home() {}

  static Path directory() {
    return directory(System.getenv("HOME"), System.getProperty("user.home"));
  }

  static Path directory(String homeVariable, String userHome) {
    return Paths.get(homeVariable != null && !homeVariable.isBlank() ? homeVariable : userHome);
  }
}
